package dev.jaxvm.lax;

/**
 * A carry and the stacked per-step outputs: what a {@code Lax.scan} body returns for one step, and
 * what {@code Lax.scan} returns for the whole loop (JAX's {@code (carry, ys)} pair). Either part is a
 * pytree of arrays; {@code ys} may be {@code null} (no per-step outputs, Python's {@code None}).
 *
 * {@snippet :
 * ScanResult<Array, Array> r = Lax.scan((Array c, Array x) -> new ScanResult<>(c.add(x), c), zero, xs);
 * Array total = r.carry(), prefixSums = r.ys();
 * }
 *
 * @param carry the carry
 * @param ys the per-step outputs (stacked along a new leading axis in the result)
 * @param <C> the carry's pytree type
 * @param <Y> the outputs' pytree type
 */
public record ScanResult<C, Y>(C carry, Y ys) {}
