package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Ix;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code slice}: the static box {@code [start, limit)} with positive {@code strides} (null = all 1).
 *
 * @param startIndices inclusive starts
 * @param limitIndices exclusive limits
 * @param strides the steps, or null for unit steps
 */
public record Slice(Ints startIndices, Ints limitIndices, Ints strides) implements ShapePrimitive, Batchable, Linear, Lowerable {
    @Override
    public String name() { return "slice"; }

    /**
     * A slice of a key array ({@code key<fry>}) is given in the key array's logical indices, as JAX
     * prints it; this is the slice of its physical data (the key words taken whole).
     */
    private Slice physicalFor(ArrayType x) {
        if (!x.isExtended() || startIndices.size() != x.rank() - 1) return this;
        int w = x.shape().dim(x.rank() - 1);
        return new Slice(Ints.of(BatchRules.insert(startIndices.values(), x.rank() - 1, 0)),
                Ints.of(BatchRules.insert(limitIndices.values(), x.rank() - 1, w)),
                strides == null ? null : Ints.of(BatchRules.insert(strides.values(), x.rank() - 1, 1)));
    }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType x = in.getFirst();
        if (physicalFor(x) != this) return physicalFor(x).abstractEval(in);
        int r = x.rank();
        if (startIndices.size() != r || limitIndices.size() != r || (strides != null && strides.size() != r)) {
            throw new IllegalArgumentException("slice start_indices " + startIndices + ", limit_indices " + limitIndices
                    + " and strides must have length equal to the operand rank " + r + " (shape " + x.shape() + ")");
        }
        int[] d = new int[r];
        for (int k = 0; k < r; k++) {
            int s = startIndices.get(k), l = limitIndices.get(k), st = strides == null ? 1 : strides.get(k);
            if (s < 0 || l > x.shape().dim(k) || l < s || st <= 0) {
                throw new IllegalArgumentException("slice: invalid bounds start_indices=" + startIndices + " limit_indices="
                        + limitIndices + " strides=" + strides + " for operand shape " + x.shape());
            }
            d[k] = l == s ? 0 : (l - s + st - 1) / st;
        }
        return List.of(x.withShape(new Shape(d)));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.getFirst();
        if (physicalFor(x.type()) != this) return physicalFor(x.type()).evaluate(in, out);
        ArrayType ot = out.getFirst();
        Shape os = ot.shape(), xsh = x.type().shape();
        int r = os.rank(), n = ot.size();
        Object dst = Storage.allocate(ot.dtype(), n);
        if (n == 0) return List.of(DenseArray.wrap(ot, dst));
        // step[k]: the source offset of one output step along axis k; stride: the source stride
        int[] step = new int[2 * r];   // steps, then the odometer's indices (one allocation)
        int base = 0;
        for (int k = r - 1, stride = 1; k >= 0; stride *= xsh.dim(k), k--) {
            base += startIndices.get(k) * stride;
            step[k] = (strides == null ? 1 : strides.get(k)) * stride;
        }
        if (r == 0) {
            Storage.copyElement(x.buffer(), base, dst, 0);
            return List.of(DenseArray.wrap(ot, dst));
        }
        // Row-major walk over the output with an odometer; the innermost axes are copied as one run:
        // the last axis, and each axis outside it while the axes inside are taken whole with unit steps
        // (x[i:i+k, j:j+k, :] of an image copies k runs of k * channels elements).
        int m = r - 1;
        int inner = os.dim(m), innerStep = step[m], run = 1;
        while (m > 0 && innerStep == 1 && step[m] == run && os.dim(m) == xsh.dim(m) && step[m - 1] == run * xsh.dim(m)) {
            run *= xsh.dim(m);
            m--;
            inner *= os.dim(m);
        }
        Object src = x.buffer();
        int srcRow = base;
        for (int o = 0; o < n; o += inner) {
            if (innerStep == 1) {
                System.arraycopy(src, srcRow, dst, o, inner);
            } else {
                for (int j = 0, si = srcRow; j < inner; j++, si += innerStep) Storage.copyElement(src, si, dst, o + j);
            }
            for (int k = m - 1; k >= 0; k--) {   // advance the outer axes
                srcRow += step[k];
                if (++step[r + k] < os.dim(k)) break;
                srcRow -= step[k] * os.dim(k);
                step[r + k] = 0;
            }
        }
        return List.of(DenseArray.wrap(ot, dst));
    }

    /** The batch axis is sliced whole. */
    @Override
    public Batched batch(List<Array> args, Ints dims) {
        Array x = args.getFirst();
        int d = dims.get(0);
        int[] st = strides == null ? null : BatchRules.insert(strides.values(), d, 1);
        return Batched.of(Lax.slice(x, BatchRules.insert(startIndices.values(), d, 0),
                BatchRules.insert(limitIndices.values(), d, x.shape()[d]), st), d);
    }

    /** Operand index {@code start + i * stride} along each axis. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        if (physicalFor(in.getFirst()) != this) return physicalFor(in.getFirst()).lower(in, out);
        return new Lowering.IndexMap((idx, x) -> {
            List<Ix> src = new ArrayList<>(idx.size());
            for (int k = 0; k < idx.size(); k++) {
                src.add(Ix.add(Ix.mul(idx.get(k), strides == null ? 1 : strides.get(k)), Ix.of(startIndices.get(k))));
            }
            return x.read(0, src);
        });
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        Array t = cts.getFirst();
        int[] shape = operands.getFirst().type().shape().dims();
        int[] ctShape = t.shape();
        List<Pad.Dim> pads = new java.util.ArrayList<>();
        boolean unit = strides == null || java.util.Arrays.stream(strides.values()).allMatch(v -> v == 1);
        for (int k = 0; k < shape.length; k++) {
            int start = startIndices.get(k);
            if (unit) {
                pads.add(new Pad.Dim(PyInt.of(start), PyInt.numpy(shape[k] - limitIndices.get(k)), PyInt.of(0)));
            } else {
                int st = strides.get(k);
                int realLimit = start + (ctShape[k] == 0 ? 0 : 1 + (ctShape[k] - 1) * st);
                pads.add(new Pad.Dim(PyInt.of(start), PyInt.numpy(shape[k] - realLimit), PyInt.numpy(st - 1)));
            }
        }
        return List.of(dev.jaxvm.core.Trace.bind1(new Pad(pads), t, Tangents.constant(t, 0)));
    }
}
