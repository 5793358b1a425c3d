package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.List;

/** jnp's array-creation functions, lowered as {@code jax.numpy} does ({@code broadcast_in_dim}, {@code iota}). */
final class CreationOps {
    private CreationOps() {}

    static void checkShape(String fn, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(fn + ": negative dimensions are not allowed, got shape "
                        + dev.jaxvm.core.Py.tuple(shape));
            }
        }
    }

    /** A 0-d value: Java scalars become constants (weak iff no dtype was asked for), arrays are converted. */
    static Array fillValue(String fn, Object fill, DType dtype, boolean weakIfUntyped) {
        if (fill instanceof Array a) {
            if (dtype == null) return a;
            DType t = dtype.canonicalize();
            return a.dtype() == t && !a.weakType() ? a : Lax.convertElementType(a, t);
        }
        ArrayType t = Promote.typeOf(fill);
        if (dtype == null) return Promote.convert(fn, fill, t.dtype(), weakIfUntyped && t.weakType());
        return Promote.convert(fn, fill, dtype.canonicalize(), false);
    }

    static Array full(int[] shape, Object fill, DType dtype) {
        checkShape("full", shape);
        return Jnp.broadcastTo(fillValue("full", fill, dtype, true), shape);
    }

    /** {@code lax.full_like}: x's shape, x's dtype unless given, weak iff no dtype is given and x is weak. */
    static Array fullLike(Object x, Object fill, DType dtype) {
        Array a = Jnp.asarray(x);
        DType t = dtype == null ? a.dtype() : dtype.canonicalize();
        boolean weak = dtype == null && a.weakType();
        Array v = fill instanceof Array f ? (f.dtype() == t && f.weakType() == weak ? f : Lax.convertElementType(f, t, weak))
                : Promote.convert("full_like", fill, t, weak && t != DType.BOOL);
        return Jnp.broadcastTo(v, a.shape());
    }

    /** arange with int bounds: {@code iota}, then {@code mul step} and {@code add start} as jnp emits them. */
    static Array arangeInt(long start, Long stop, Long step, DType dtype) {
        if (step != null && step == 0) throw new ArithmeticException("arange: step must not be zero (division by zero)");
        DType t = dtype == null ? DType.defaultInt() : dtype.canonicalize();
        if (stop == null) return Lax.iota(t, (int) Math.max(0, start));
        long st = step == null ? 1 : step;
        long n = Math.max(0, ceilDiv(stop - start, st));
        Array r = Lax.iota(t, checkedLength(n));
        if (step == null && start == 0) return r;
        if (step != null) r = Lax.mul(DenseArray.scalarLong(t, false, st), r);
        if (t.isFloating()) return Lax.add(DenseArray.scalar(t, false, start), r);
        return Lax.add(DenseArray.scalarLong(t, false, start), r);
    }

    /** arange with float bounds (stop null: {@code arange(start)}); f16/bf16 compute in f32. */
    static Array arangeFloat(double start, Double stop, Double step, DType dtype) {
        if (step != null && step == 0) throw new ArithmeticException("arange: step must not be zero (division by zero)");
        DType t = dtype == null ? DType.defaultFloat() : dtype.canonicalize();
        if (stop == null) return Lax.iota(t, checkedLength(Math.max(0, (long) Math.ceil(start))));
        double st = step == null ? 1 : step;
        long n = Math.max(0, (long) Math.ceil((stop - start) / st));
        if (step == null && start == 0) return Lax.iota(t, checkedLength(n));
        DType comp = ReductionOps.upcastF16(t);
        Array r = Lax.iota(comp, checkedLength(n));
        if (step != null) r = Lax.mul(DenseArray.scalar(comp, false, st), r);
        r = Lax.add(DenseArray.scalar(comp, false, start), r);
        return ReductionOps.convert(r, t);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static int checkedLength(long n) {
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("arange: too many elements: " + n);
        return (int) n;
    }

    /**
     * linspace: JAX's {@code _linspace} arithmetic ({@code start * (1 - i/div) + stop * (i/div)}), then
     * the endpoint concatenated.
     */
    static Array linspace(Object start, Object stop, int num, boolean endpoint, DType dtype) {
        if (num < 0) throw new IllegalArgumentException("linspace: Number of samples, " + num + ", must be non-negative.");
        Array s0 = Jnp.asarray(start), e0 = Jnp.asarray(stop);
        if (s0.ndim() != 0 || e0.ndim() != 0) {
            throw new UnsupportedOperationException("linspace: only scalar start and stop are supported, got shapes "
                    + s0.type().shape() + " and " + e0.type().shape());
        }
        DType result = dtype == null ? Promote.toInexact(Promotion.resultType(List.of(s0.type(), e0.type())).dtype())
                : dtype.canonicalize();
        return NamedCall.call1("_linspace", List.of(s0, e0), new LinspaceStatics(num, endpoint, result),
                CreationOps::linspaceBody);
    }

    /** The static arguments of jnp's {@code _linspace}. */
    private record LinspaceStatics(int num, boolean endpoint, DType result) {}

    private static Array linspaceBody(List<Array> as, LinspaceStatics st) {
        int num = st.num();
        boolean endpoint = st.endpoint();
        DType result = st.result(), comp = Promote.toInexact(result);
        {
            Array s = ReductionOps.convertStrong(as.get(0), comp), e = ReductionOps.convertStrong(as.get(1), comp);
            Array out;
            if (num == 0) {
                out = Jnp.broadcastTo(DenseArray.scalar(comp, false, 0), 0);
            } else if (num == 1) {
                out = Lax.reshape(s, 1);
            } else {
                int div = endpoint ? num - 1 : num;
                Lax.div(Lax.sub(e, s), DenseArray.scalar(comp, false, div)); // jnp's step, unused without retstep
                Array iota = Lax.div(Lax.iota(comp, div), DenseArray.scalar(comp, false, div));
                Array sv = Lax.reshape(s, 1);
                Array a = Lax.mul(sv, Lax.sub(DenseArray.scalar(comp, false, 1), iota));
                Array b = Lax.mul(Lax.reshape(e, 1), iota);
                out = Lax.add(a, b);
                if (endpoint) out = Lax.concatenate(List.of(out, Lax.broadcastInDim(e, new int[] {1})), 0);
            }
            if (result.isInteger()) return Lax.convertElementType(Lax.floor(out), result);
            return ReductionOps.convert(out, result);
        }
    }

    /** eye: ones where column == row + k. */
    static Array eye(int n, int m, int k, DType dtype) {
        checkShape("eye", new int[] {n, m});
        int[] shape = {n, m};
        Array rows = Lax.broadcastedIota(DType.INT32, shape, 0);
        Array cols = Lax.broadcastedIota(DType.INT32, shape, 1);
        Array mask = Lax.eq(Lax.add(rows, DenseArray.scalarLong(DType.INT32, false, k)), cols);
        return ReductionOps.convert(mask, dtype == null ? DType.defaultFloat() : dtype.canonicalize());
    }

    /** tri: ones where column <= row + k. */
    static Array tri(int n, int m, int k, DType dtype) {
        checkShape("tri", new int[] {n, m});
        int[] shape = {n, m};
        Array rows = Lax.add(Lax.broadcastedIota(DType.INT32, shape, 0), DenseArray.scalarLong(DType.INT32, false, k));
        Array cols = Lax.broadcastedIota(DType.INT32, shape, 1);
        return ReductionOps.convert(Lax.ge(rows, cols), dtype == null ? DType.defaultFloat() : dtype.canonicalize());
    }

    /** meshgrid of 1-D arrays; {@code ij} indexing or Cartesian {@code xy} (first two axes swapped). */
    static List<Array> meshgrid(boolean ij, Object... xs) {
        List<Array> args = new ArrayList<>();
        for (Object x : xs) {
            Array a = Jnp.asarray(x);
            if (a.ndim() != 1) {
                List<String> shapes = new ArrayList<>();
                for (Object y : xs) shapes.add(Jnp.asarray(y).type().shape().toString());
                throw new IllegalArgumentException("meshgrid: Arguments to jax.numpy.meshgrid must be 1D, got shapes "
                        + shapes);
            }
            args.add(a);
        }
        boolean swap = !ij && args.size() >= 2;
        if (swap) java.util.Collections.swap(args, 0, 1);
        int[] shape = new int[args.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = args.get(i).shape()[0];
        List<Array> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) out.add(Lax.broadcastInDim(args.get(i), shape, i));
        if (swap) java.util.Collections.swap(out, 0, 1);
        return out;
    }
}
