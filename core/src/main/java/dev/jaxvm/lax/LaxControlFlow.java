package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.FnN;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The structured control flow of the {@code lax} API ({@code cond}, {@code switch}, {@code while_loop},
 * {@code fori_loop}, {@code scan}, {@code map}), called as {@code Lax.cond(...)}: {@link Lax} inherits
 * these static methods. The functions are plain Java lambdas over pytrees of arrays (records, lists,
 * maps, arrays, Java scalars); they are traced once into Jaxprs, so the loops and branches are
 * primitives ({@link While}, {@link Cond}, {@link Scan}) that every transformation and {@code jit}
 * understand, with the value-dependent decision taken at run time. Results come back with the
 * structure the functions returned, every leaf an {@link Array} (a Java scalar leaf becomes a
 * weakly typed scalar array, as a Python scalar does in JAX).
 *
 * {@snippet :
 * Array y = Lax.cond(x.sum().gt(0), v -> v.mul(2), v -> v.neg(), x);
 * Array n = Lax.whileLoop(c -> c.lt(100), c -> c.mul(2), Jnp.asarray(1));
 * Array f = Lax.foriLoop(0, 10, (i, acc) -> acc.add(i), Jnp.asarray(0));
 * ScanResult<Array, Array> r = Lax.scan((Array c, Array x) -> new ScanResult<>(c.add(x), c.add(x)), zero, xs);
 * }
 */
public abstract sealed class LaxControlFlow extends LaxCollectives permits Lax {
    LaxControlFlow() {}

    /**
     * {@code lax.while_loop}: {@code bodyFn} applied to the carry while {@code condFn} (a boolean scalar)
     * holds. The carry keeps its pytree structure, shapes and dtypes (a weakly typed Java scalar in
     * {@code initVal} is promoted to the body's type, as in JAX). Differentiable in forward mode only.
     *
     * @throws IllegalArgumentException with JAX's message when the cond is not a boolean scalar or the
     *     body changes the carry's structure or types
     */
    public static <T> T whileLoop(Function<T, ?> condFn, Function<T, T> bodyFn, T initVal) {
        return WhileLoops.whileLoop(condFn, bodyFn, initVal);
    }

    /**
     * {@code lax.fori_loop}: {@code bodyFn(i, x)} for {@code i} from {@code lower} to {@code upper - 1}.
     * Concrete bounds (Java ints or concrete scalars) stage a {@code scan} (reverse-differentiable);
     * traced bounds a {@code while}, as in JAX.
     */
    public static <T> T foriLoop(Object lower, Object upper, BiFunction<Array, T, T> bodyFn, T initVal) {
        return WhileLoops.foriLoop(lower, upper, bodyFn, initVal, 1);
    }

    /**
     * {@link #foriLoop(Object, Object, BiFunction, Object)} with the scan's {@code unroll} factor.
     *
     * @throws IllegalArgumentException (JAX's) when {@code unroll != 1} and a bound is traced
     */
    public static <T> T foriLoop(Object lower, Object upper, BiFunction<Array, T, T> bodyFn, T initVal, int unroll) {
        return WhileLoops.foriLoop(lower, upper, bodyFn, initVal, unroll);
    }

    /**
     * {@code lax.cond} with one operand (a pytree): {@code trueFn(operand)} if {@code pred} (a scalar
     * boolean, or a number compared with zero) else {@code falseFn(operand)}. Both branches are traced
     * and must return the same structure and types; only the selected one runs.
     */
    @SuppressWarnings("unchecked")
    public static <T, R> R cond(Object pred, Function<T, R> trueFn, Function<T, R> falseFn, T operand) {
        return (R) Conds.cond(pred, xs -> trueFn.apply((T) xs[0]), xs -> falseFn.apply((T) xs[0]), new Object[] {operand});
    }

    /** {@code lax.cond} with any number of operands, passed to the branches as their arguments. */
    public static Object cond(Object pred, FnN trueFn, FnN falseFn, Object... operands) {
        return Conds.cond(pred, trueFn::apply, falseFn::apply, operands);
    }

    /**
     * {@code lax.switch} (named {@code switch_}, {@code switch} being a Java keyword) with one operand:
     * {@code branches.get(index)(operand)}, the index clamped into range.
     */
    @SuppressWarnings("unchecked")
    public static <T, R> R switch_(Object index, List<? extends Function<T, R>> branches, T operand) {
        List<Function<Object[], Object>> fs = new ArrayList<>();
        for (Function<T, R> b : branches) fs.add(xs -> b.apply((T) xs[0]));
        return (R) Conds.switch_(index, fs, new Object[] {operand});
    }

    /** {@code lax.switch} with any number of operands. */
    public static Object switchN(Object index, List<? extends FnN> branches, Object... operands) {
        List<Function<Object[], Object>> fs = new ArrayList<>();
        for (FnN b : branches) fs.add(b::apply);
        return Conds.switch_(index, fs, operands);
    }

    /**
     * {@code lax.scan}: {@code f(carry, x)} over the slices {@code x} of {@code xs} along their leading
     * axis (all of the same {@code length}; {@code xs} may be {@code null} with a given length), returning
     * the final carry and the per-step outputs stacked.
     *
     * @param length the number of steps, or null to take it from {@code xs}
     * @param reverse whether to run from the last slice to the first
     * @param unroll the unroll factor JAX prints (results do not depend on it)
     * @throws IllegalArgumentException with JAX's message on inconsistent lengths or a carry whose types change
     */
    public static <C, X, Y> ScanResult<C, Y> scan(BiFunction<C, X, ScanResult<C, Y>> f, C init, X xs, Integer length,
            boolean reverse, int unroll) {
        return ScanLoops.scan(f, init, xs, length, reverse, unroll, "scan");
    }

    /** {@code lax.scan} forward over all of {@code xs}. */
    public static <C, X, Y> ScanResult<C, Y> scan(BiFunction<C, X, ScanResult<C, Y>> f, C init, X xs) {
        return scan(f, init, xs, null, false, 1);
    }

    /** {@code lax.map}: {@code f} applied to each slice of {@code xs} along the leading axis, results stacked. */
    public static <X, Y> Y map(Function<X, Y> f, X xs) {
        return ScanLoops.scan((List<Object> c, X x) -> new ScanResult<>(c, f.apply(x)), List.of(), xs, null, false, 1, "map")
                .ys();
    }
}
