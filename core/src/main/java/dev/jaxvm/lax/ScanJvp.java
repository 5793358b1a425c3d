package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Ints;
import java.util.ArrayList;
import java.util.List;

/**
 * JVPs of the cumulative reductions ({@code cumprod}, {@code cummax}, {@code cummin},
 * {@code cumlogsumexp}) and of {@code reduce_prod}, by differentiating a sequential scan of the
 * combining function over slices. (JAX differentiates a parallel prefix scan; both give the exact
 * derivative, including at zeros of {@code cumprod}.)
 */
final class ScanJvp {
    private ScanJvp() {}

    /** The binary functions the scans combine with. */
    enum Combine { MUL, MAX, MIN, LOGADDEXP }

    /** The tangent of the cumulative {@code combine} of {@code x} along {@code axis}. */
    static Array cumulative(Combine combine, Array x, Array t, int axis, boolean reverse) {
        int n = x.shape()[axis];
        if (n == 0) return t;
        List<Array> xs = slices(x, axis), ts = slices(t, axis);
        Array[] outs = new Array[n];
        int first = reverse ? n - 1 : 0, step = reverse ? -1 : 1;
        Array c = xs.get(first), dc = ts.get(first);
        outs[first] = dc;
        for (int k = first + step; k >= 0 && k < n; k += step) {
            Array[] next = step(combine, c, dc, xs.get(k), ts.get(k));
            c = next[0];
            dc = next[1];
            outs[k] = dc;
        }
        return Lax.stack(List.of(outs), axis);
    }

    /** The tangent of {@code reduce_prod(x, axes)}. */
    static Array reduceProd(Array x, Array t, Ints axes) {
        int r = x.ndim();
        int[] perm = new int[r];
        int j = 0, n = 1;
        for (int a : axes.values()) {
            perm[j++] = a;
            n *= x.shape()[a];
        }
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < r; i++) if (!axes.contains(i)) rest.add(i);
        for (int i : rest) perm[j++] = i;
        int[] flat = new int[rest.size() + 1];
        flat[0] = n;
        for (int i = 0; i < rest.size(); i++) flat[i + 1] = x.shape()[rest.get(i)];
        Array xf = Lax.reshape(Lax.transpose(x, perm), flat), tf = Lax.reshape(Lax.transpose(t, perm), flat);
        int[] outShape = java.util.Arrays.copyOfRange(flat, 1, flat.length);
        if (n == 0) return Tangents.zeros(t.type().withShape(new dev.jaxvm.core.Shape(outShape)));
        List<Array> xs = slices(xf, 0), ts = slices(tf, 0);
        Array c = xs.getFirst(), dc = ts.getFirst();
        for (int k = 1; k < n; k++) {
            Array[] next = step(Combine.MUL, c, dc, xs.get(k), ts.get(k));
            c = next[0];
            dc = next[1];
        }
        return dc;
    }

    private static Array[] step(Combine combine, Array c, Array dc, Array x, Array t) {
        return switch (combine) {
            case MUL -> new Array[] {Lax.mul(c, x), Lax.add(Lax.mul(dc, x), Lax.mul(c, t))};
            case MAX, MIN -> {
                Array m = combine == Combine.MAX ? Lax.max(c, x) : Lax.min(c, x);
                yield new Array[] {m, Lax.add(Lax.mul(dc, Rules.balancedEq(c, m, x)), Lax.mul(t, Rules.balancedEq(x, m, c)))};
            }
            case LOGADDEXP -> {
                Array hi = Lax.max(c, x);
                Array m = Lax.add(hi, Lax.log(Lax.add(Lax.exp(Lax.sub(c, hi)), Lax.exp(Lax.sub(x, hi)))));
                yield new Array[] {m, Lax.add(Lax.mul(dc, Lax.exp(Lax.sub(c, m))), Lax.mul(t, Lax.exp(Lax.sub(x, m))))};
            }
        };
    }

    /** The slices of {@code x} along {@code axis}, with that axis removed. */
    private static List<Array> slices(Array x, int axis) {
        int[] shape = x.shape();
        List<Array> out = new ArrayList<>(shape[axis]);
        for (int k = 0; k < shape[axis]; k++) {
            int[] start = new int[shape.length], limit = shape.clone();
            start[axis] = k;
            limit[axis] = k + 1;
            out.add(Lax.squeeze(Lax.slice(x, start, limit, null), axis));
        }
        return out;
    }
}
