package dev.jaxvm.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * An integer index expression of the kernel IR: loop counters, constants, sums, multiplication,
 * floor division and remainder by positive constants, and clamping to a range. The factories simplify affine forms with the
 * loops' ranges, so that reshapes of compatible layouts leave no division behind.
 *
 * {@snippet :
 * Ix i = new Ix.Loop(0, 6);
 * assert Ix.add(Ix.mul(Ix.div(i, 3), 3), Ix.rem(i, 3)).equals(i);
 * }
 */
public sealed interface Ix {

    /** The smallest value this expression takes. */
    long min();

    /** The largest value this expression takes. */
    long max();

    /** The deepest loop this expression reads, or -1 for a constant. */
    int depth();

    /**
     * A loop counter.
     *
     * @param level the loop's depth in its nest (0 = outermost)
     * @param extent the number of iterations (the counter ranges over [0, extent))
     */
    record Loop(int level, int extent) implements Ix {
        public long min() { return 0; }
        public long max() { return Math.max(0, extent - 1); }
        public int depth() { return level; }
        @Override public String toString() { return "i" + level; }
    }

    /** A constant. @param value the value */
    record Const(int value) implements Ix {
        public long min() { return value; }
        public long max() { return value; }
        public int depth() { return -1; }
        @Override public String toString() { return Integer.toString(value); }
    }

    /** A sum. @param a left @param b right */
    record Add(Ix a, Ix b) implements Ix {
        public long min() { return a.min() + b.min(); }
        public long max() { return a.max() + b.max(); }
        public int depth() { return Math.max(a.depth(), b.depth()); }
        @Override public String toString() { return a + " + " + b; }
    }

    /** A product with a constant. @param a the factor @param c the constant */
    record Mul(Ix a, int c) implements Ix {
        public long min() { return c >= 0 ? a.min() * c : a.max() * c; }
        public long max() { return c >= 0 ? a.max() * c : a.min() * c; }
        public int depth() { return a.depth(); }
        @Override public String toString() { return paren(a) + "*" + c; }
    }

    /** Floor division of a non-negative value by a positive constant. @param a dividend @param c divisor */
    record Div(Ix a, int c) implements Ix {
        public long min() { return Math.floorDiv(a.min(), c); }
        public long max() { return Math.floorDiv(a.max(), c); }
        public int depth() { return a.depth(); }
        @Override public String toString() { return paren(a) + "/" + c; }
    }

    /** Remainder of a non-negative value by a positive constant. @param a dividend @param c divisor */
    record Rem(Ix a, int c) implements Ix {
        public long min() { return 0; }
        public long max() { return Math.min(c - 1, a.max()); }
        public int depth() { return a.depth(); }
        @Override public String toString() { return paren(a) + "%" + c; }
    }

    /**
     * The value limited to {@code [lo, hi]}: keeps the reads of select cases that are not chosen in
     * bounds (pad, concatenate).
     *
     * @param a the value
     * @param lo the smallest result
     * @param hi the largest result
     */
    record Clamp(Ix a, int lo, int hi) implements Ix {
        public long min() { return Math.min(hi, Math.max(lo, a.min())); }
        public long max() { return Math.max(lo, Math.min(hi, a.max())); }
        public int depth() { return a.depth(); }
        @Override public String toString() { return "clamp(" + a + ", " + lo + ", " + hi + ")"; }
    }

    /**
     * A run-time index: the integer value of a scalar expression (usually an element of a 0-d operand,
     * as dynamic_slice's starts), clamped to {@code [lo, hi]}.
     *
     * @param value the integer expression
     * @param lo the smallest result
     * @param hi the largest result
     */
    record Dynamic(Expr value, int lo, int hi) implements Ix {
        public long min() { return lo; }
        public long max() { return Math.max(lo, hi); }
        public int depth() { return Expr.depth(value); }
        @Override public String toString() { return "dyn(" + value + ", " + lo + ", " + hi + ")"; }
    }

    /** The value of the integer expression {@code value} clamped to {@code [lo, hi]}, as an index. */
    static Ix dynamic(Expr value, int lo, int hi) { return lo >= hi ? of(lo) : new Dynamic(value, lo, hi); }

    /** {@code a} limited to {@code [lo, hi]}; {@code a} itself when its range is inside. */
    static Ix clamp(Ix a, int lo, int hi) {
        if (a.min() >= lo && a.max() <= hi) return a;
        if (a.min() >= hi) return of(hi);
        if (a.max() <= lo) return of(lo);
        return new Clamp(a, lo, hi);
    }

    private static String paren(Ix x) { return x instanceof Add ? "(" + x + ")" : x.toString(); }

    /** The constant {@code c}. */
    static Ix of(int c) { return new Const(c); }

    /** {@code a + b}, simplified. */
    static Ix add(Ix a, Ix b) { return Affine.of(a).plus(Affine.of(b), 1).build(); }

    /** {@code a * c}, simplified. */
    static Ix mul(Ix a, int c) { return Affine.of(a).times(c).build(); }

    /** {@code a / c} (floor, c > 0), simplified with the ranges of the terms. */
    static Ix div(Ix a, int c) {
        if (c == 1) return a;
        Affine f = Affine.of(a);
        Affine[] qr = f.divRem(c);
        if (qr != null) return qr[0].build();
        if (a.min() >= 0 && a.max() < c) return of(0);
        return new Div(a, c);
    }

    /** {@code a % c} (c > 0), simplified with the ranges of the terms. */
    static Ix rem(Ix a, int c) {
        if (c == 1) return of(0);
        Affine f = Affine.of(a);
        Affine[] qr = f.divRem(c);
        if (qr != null) return qr[1].build();
        if (a.min() >= 0 && a.max() < c) return a;
        return new Rem(a, c);
    }

    /** {@code x} as coefficients of loops 0..rank-1 and a constant (last), or null if it is not such an affine form. */
    static long[] affine(Ix x, int rank) {
        long[] f = new long[rank + 1];
        return accumulate(x, 1, f, rank) ? f : null;
    }

    private static boolean accumulate(Ix x, long k, long[] f, int rank) {
        return switch (x) {
            case Ix.Const c -> {
                f[rank] += k * c.value();
                yield true;
            }
            case Ix.Add a -> accumulate(a.a(), k, f, rank) && accumulate(a.b(), k, f, rank);
            case Ix.Mul m -> accumulate(m.a(), k * m.c(), f, rank);
            case Ix.Loop l -> {
                if (l.level() >= rank) yield false;
                f[l.level()] += k;
                yield true;
            }
            case Ix.Div d -> false;
            case Ix.Rem r -> false;
            case Ix.Clamp c -> false;
            case Ix.Dynamic d -> false;
        };
    }

    /** The row-major flat index of {@code index} in an array of dimensions {@code dims}. */
    static Ix linearize(List<Ix> index, int[] dims) {
        Ix flat = of(0);
        int stride = 1;
        for (int k = dims.length - 1; k >= 0; k--) {
            if (dims[k] != 1) flat = add(flat, mul(index.get(k), stride));
            stride *= dims[k];
        }
        return flat;
    }

    /** The row-major multi-index of the flat index {@code flat} in an array of dimensions {@code dims}. */
    static List<Ix> unravel(Ix flat, int[] dims) {
        List<Ix> out = new ArrayList<>(dims.length);
        int stride = 1;
        for (int d : dims) stride *= d;
        for (int d : dims) {
            stride = d == 0 ? stride : stride / d;
            out.add(d == 1 ? of(0) : rem(div(flat, Math.max(stride, 1)), Math.max(d, 1)));
        }
        return out;
    }
}
