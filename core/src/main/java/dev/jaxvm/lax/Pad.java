package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.compile.Expr;
import dev.jaxvm.compile.Ix;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import dev.jaxvm.core.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pad}: pads the operand with a scalar {@code padding_value} (second operand), per dimension
 * {@code (low, high, interior)}; negative low/high crop.
 *
 * @param paddingConfig one entry per operand dimension
 */
public record Pad(List<Dim> paddingConfig) implements ShapePrimitive, Batchable, Linear, Lowerable {
    /**
     * The padding of one dimension, printed as Python's tuple {@code (low, high, interior)}.
     *
     * @param low padding before the first element (negative crops)
     * @param high padding after the last element (negative crops)
     * @param interior padding between elements (non-negative)
     */
    public record Dim(PyInt low, PyInt high, PyInt interior) {
        /** Plain ints. */
        public static Dim of(int low, int high, int interior) {
            return new Dim(PyInt.of(low), PyInt.of(high), PyInt.of(interior));
        }

        @Override
        public String toString() { return "(" + low + ", " + high + ", " + interior + ")"; }
    }

    /** Copies the configuration. */
    public Pad {
        paddingConfig = List.copyOf(paddingConfig);
    }

    /** A configuration from {@code {low, high, interior}} triples of plain ints. */
    public static Pad of(int[][] config) {
        List<Dim> dims = new ArrayList<>();
        for (int[] c : config) {
            if (c.length != 3) throw new IllegalArgumentException("pad: each padding_config entry must be (low, high, interior)");
            dims.add(Dim.of(c[0], c[1], c[2]));
        }
        return new Pad(dims);
    }

    @Override
    public String name() { return "pad"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() != 2) throw new IllegalArgumentException("pad takes an operand and a padding value, got " + in.size());
        ArrayType x = in.get(0), v = in.get(1);
        if (x.dtype() != v.dtype()) {
            throw new IllegalArgumentException("pad operand and padding_value must be same dtype: got " + x.dtype()
                    + " and " + v.dtype() + ".");
        }
        if (v.rank() != 0) throw new IllegalArgumentException("pad: padding_value must be a scalar, got shape " + v.shape());
        if (paddingConfig.size() != x.rank()) {
            throw new IllegalArgumentException("length of padding_config must equal the number of axes of operand, got"
                    + " padding_config " + configString() + " for operand shape " + x.shape());
        }
        int[] d = x.shape().dims();
        for (int k = 0; k < d.length; k++) {
            Dim c = paddingConfig.get(k);
            if (c.interior().value() < 0) {
                throw new IllegalArgumentException("interior padding in padding_config must be nonnegative, got"
                        + " padding_config " + configString());
            }
            long n = (long) c.low().value() + c.high().value() + d[k] + (long) Math.max(0, d[k] - 1) * c.interior().value();
            if (n < 0) {
                throw new IllegalArgumentException("Dimension size after padding is not at least 0, got result shape"
                        + " dimension " + n + " for padding_config " + configString() + " and operand shape " + x.shape());
            }
            d[k] = Math.toIntExact(n);
        }
        return List.of(x.withShape(new Shape(d)).withWeakType(x.weakType() && v.weakType()));
    }

    private String configString() { return dev.jaxvm.core.Py.str(paddingConfig); }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.get(0), v = in.get(1);
        ArrayType t = out.getFirst();
        int[] od = t.shape().dims();
        int[] xd = x.type().shape().dims();
        int[] xs = x.type().shape().strides();
        int[] idx = new int[od.length];
        Object dst = Storage.allocate(t.dtype(), t.size());
        for (int i = 0; i < t.size(); i++) {
            IndexMaps.unravel(i, od, idx);
            int src = 0;
            for (int k = 0; k < od.length && src >= 0; k++) {
                Dim c = paddingConfig.get(k);
                int step = c.interior().value() + 1;
                int pos = idx[k] - c.low().value();
                if (pos < 0 || pos % step != 0 || pos / step >= xd[k]) src = -1;
                else src += (pos / step) * xs[k];
            }
            if (src >= 0) Storage.copyElement(x.buffer(), src, dst, i);
            else Storage.copyElement(v.buffer(), 0, dst, i);
        }
        return List.of(DenseArray.wrap(t, dst));
    }

    /** The batch axis is not padded; a batched padding value goes through a select. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return PadBatching.pad(this, args, dims); }

    /** The operand where the output index hits an element, the padding value elsewhere. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        int[] xd = in.getFirst().shape().dims();
        return new Lowering.IndexMap((idx, x) -> {
            Expr inside = null;
            List<Ix> src = new ArrayList<>(idx.size());
            for (int k = 0; k < idx.size(); k++) {
                Dim c = paddingConfig.get(k);
                int low = c.low().value(), step = c.interior().value() + 1, last = low + step * (xd[k] - 1);
                if (step == 1 && xd[k] > 0 && idx.get(k).min() >= low && idx.get(k).max() <= last) {
                    src.add(Ix.add(idx.get(k), Ix.of(-low)));   // every index of this loop is inside: no test
                    continue;
                }
                Expr at = new Expr.Index(idx.get(k), DType.INT32);
                Expr ok = Expr.lane(ScalarOp.AND, Expr.lane(ScalarOp.GE, at, int32(low)), Expr.lane(ScalarOp.LE, at, int32(last)));
                if (step > 1) {
                    Ix phase = Ix.rem(Ix.add(idx.get(k), Ix.of(Math.floorMod(-low, step))), step);
                    ok = Expr.lane(ScalarOp.AND, ok, Expr.lane(ScalarOp.EQ, new Expr.Index(phase, DType.INT32), int32(0)));
                }
                inside = inside == null ? ok : Expr.lane(ScalarOp.AND, inside, ok);
                src.add(xd[k] == 0 ? Ix.of(0) : Ix.div(Ix.clamp(Ix.add(idx.get(k), Ix.of(-low)), 0, step * (xd[k] - 1)), step));
            }
            Expr value = x.read(1, List.of());
            if (inside == null) return x.read(0, src);
            for (int d : xd) if (d == 0) return value;
            return new Expr.Select(inside, List.of(value, x.read(0, src)));
        });
    }

    private static Expr int32(int v) { return new Expr.Const(DType.INT32, v, v); }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        Array t = cts.getFirst();
        int r = t.ndim();
        int[] all = new int[r];
        for (int i = 0; i < r; i++) all[i] = i;
        Array tOperand = null;
        if (operands.get(0).isLinear()) {
            List<Dim> unpad = new java.util.ArrayList<>();
            for (Dim d : paddingConfig) unpad.add(Dim.of(-d.low().value(), -d.high().value(), 0));
            Array unpadded = Trace.bind1(new Pad(unpad), t, Tangents.constant(t, 0));
            int[] start = new int[r], strides = new int[r];
            for (int i = 0; i < r; i++) strides[i] = paddingConfig.get(i).interior().value() + 1;
            tOperand = Lax.slice(unpadded, start, unpadded.shape(), strides);
        }
        Array tPadv = null;
        if (operands.get(1).isLinear()) {
            Array total = Lax.reduceSum(t, all);
            tPadv = tOperand == null ? total : Lax.sub(total, Lax.reduceSum(tOperand, all));
        }
        return java.util.Arrays.asList(tOperand, tPadv);
    }
}
