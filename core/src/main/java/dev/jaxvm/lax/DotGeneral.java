package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.compile.Gemm;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dot_general}: a general tensor contraction. The output dimensions are the batch dimensions,
 * then the free dimensions of the left operand, then those of the right operand.
 *
 * @param dimensionNumbers contracting and batch dimensions of both operands
 * @param precision the precision hint for both operands (JAX prints the canonical pair), or null
 * @param preferredElementType the output dtype, or null for the operands' (equal) dtype
 */
public record DotGeneral(DotDimensionNumbers dimensionNumbers, Precision precision, DType preferredElementType)
        implements LinalgPrimitive, Batchable, Bilinear, Lowerable {
    @Override
    public String name() { return "dot_general"; }

    /** JAX's print rule: None-valued parameters and {@code out_sharding} are not printed. */
    @Override
    public List<Param> params() {
        List<Param> out = new ArrayList<>();
        out.add(new Param("dimension_numbers", dimensionNumbers));
        if (precision != null) out.add(new Param("precision", "(Precision." + precision + ", Precision." + precision + ")"));
        if (preferredElementType != null) out.add(new Param("preferred_element_type", preferredElementType));
        return List.copyOf(out);
    }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() != 2) throw new IllegalArgumentException("dot_general takes two operands, got " + in.size());
        ArrayType l = in.get(0), r = in.get(1);
        DotDimensionNumbers dn = dimensionNumbers;
        checkDims("lhs", dn.lhsContracting(), dn.lhsBatch(), l);
        checkDims("rhs", dn.rhsContracting(), dn.rhsBatch(), r);
        if (dn.lhsBatch().size() != dn.rhsBatch().size()) {
            throw new IllegalArgumentException("dot_general requires equal numbers of lhs_batch and rhs_batch dimensions,"
                    + " got lhs_batch " + dn.lhsBatch() + " and rhs_batch " + dn.rhsBatch() + ".");
        }
        if (dn.lhsContracting().size() != dn.rhsContracting().size()) {
            throw new IllegalArgumentException("dot_general requires equal numbers of lhs_contracting and rhs_contracting"
                    + " dimensions, got " + dn.lhsContracting() + " and " + dn.rhsContracting() + ".");
        }
        int[] lb = pick(l, dn.lhsBatch()), rb = pick(r, dn.rhsBatch());
        if (!java.util.Arrays.equals(lb, rb)) {
            throw new IllegalArgumentException("dot_general requires lhs batch dimensions and rhs batch dimensions to have"
                    + " the same shape, got " + dev.jaxvm.core.Py.tuple(lb) + " and " + dev.jaxvm.core.Py.tuple(rb) + ".");
        }
        int[] lc = pick(l, dn.lhsContracting()), rc = pick(r, dn.rhsContracting());
        if (!java.util.Arrays.equals(lc, rc)) {
            throw new IllegalArgumentException("dot_general requires contracting dimensions to have the same shape, got "
                    + dev.jaxvm.core.Py.tuple(lc) + " and " + dev.jaxvm.core.Py.tuple(rc) + ".");
        }
        DType t = preferredElementType;
        if (t == null) {
            if (l.dtype() != r.dtype()) {
                throw new IllegalArgumentException("dot_general: operands of different dtypes " + l.dtype() + " and "
                        + r.dtype() + " need a preferred_element_type");
            }
            t = l.dtype();
        }
        int[] out = new int[lb.length + free(l, dn.lhsContracting(), dn.lhsBatch()).length
                + free(r, dn.rhsContracting(), dn.rhsBatch()).length];
        int n = 0;
        for (int d : lb) out[n++] = d;
        for (int k : free(l, dn.lhsContracting(), dn.lhsBatch())) out[n++] = l.shape().dim(k);
        for (int k : free(r, dn.rhsContracting(), dn.rhsBatch())) out[n++] = r.shape().dim(k);
        return List.of(new ArrayType(new Shape(out), t, l.weakType() && r.weakType()));
    }

    private static void checkDims(String side, Ints contracting, Ints batch, ArrayType t) {
        boolean[] seen = new boolean[t.rank()];
        for (Ints dims : List.of(contracting, batch)) {
            for (int d : dims.values()) {
                if (d < 0 || d >= t.rank() || seen[d]) {
                    throw new IllegalArgumentException("dot_general requires " + side + " contracting and batch dimensions"
                            + " to be distinct and in range for an operand of shape " + t.shape() + ", got contracting "
                            + contracting + " and batch " + batch + ".");
                }
                seen[d] = true;
            }
        }
    }

    private static int[] pick(ArrayType t, Ints dims) {
        int[] out = new int[dims.size()];
        for (int i = 0; i < out.length; i++) out[i] = t.shape().dim(dims.get(i));
        return out;
    }

    /** The dimensions of {@code t} that are neither contracted nor batch, in order. */
    static int[] free(ArrayType t, Ints contracting, Ints batch) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < t.rank(); k++) if (!contracting.contains(k) && !batch.contains(k)) out.add(k);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(DotEval.run(dimensionNumbers, in.get(0), in.get(1), out.getFirst()));
    }

    /** The batch becomes a dot batch dimension or stays a free dimension. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return LinalgBatchRules.dotGeneral(this, args, dims); }

    /** The {@code Gemm} library kernel for float32 and float64; other dtypes the reference loop split over the pool. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        if (!Gemm.supports(in.get(0), in.get(1), out.getFirst())) {
            // integer, bool, half-precision and mixed dtypes: the reference loop (exact accumulation), split over the pool
            return new Lowering.Library(new RangesKernel("dot_general[" + in.get(0).dtype().shortName() + " x "
                    + in.get(1).dtype().shortName() + " -> " + out.getFirst().dtype().shortName() + ", loops]",
                    (x, o, ranges) -> List.of(DotEval.run(dimensionNumbers, x.get(0), x.get(1), o.getFirst(), ranges))));
        }
        DotDimensionNumbers dn = dimensionNumbers;
        return new Lowering.Library(Gemm.dotGeneral(in.get(0), in.get(1), dn.lhsContracting(), dn.rhsContracting(),
                dn.lhsBatch(), dn.rhsBatch()));
    }

    @Override
    public Array transposeLeft(Array ct, dev.jaxvm.core.ArrayType xType, Array y) {
        return DotTranspose.lhs(ct, xType, y.type(), y, dimensionNumbers.lhsContracting(), dimensionNumbers.rhsContracting(),
                dimensionNumbers.lhsBatch(), dimensionNumbers.rhsBatch(), precision, preferredElementType, false);
    }

    @Override
    public Array transposeRight(Array ct, Array x, dev.jaxvm.core.ArrayType yType) {
        return DotTranspose.lhs(ct, yType, x.type(), x, dimensionNumbers.rhsContracting(), dimensionNumbers.lhsContracting(),
                dimensionNumbers.rhsBatch(), dimensionNumbers.lhsBatch(), precision, preferredElementType, true);
    }
}
