/**
 * JAX's PRNG ({@code jax.random}) for jaxvm: {@link dev.jaxvm.random.Random} and typed key arrays
 * ({@link dev.jaxvm.random.KeyArray}), bit for bit with JAX 0.10.2 on CPU in both settings of
 * {@code jax_threefry_partitionable}.
 *
 * <p>Design. Every key operation and sampler is written with {@code Lax} operations around one
 * primitive, {@code threefry2x32} (and {@code random_gamma} for the gamma family, as in JAX), so
 * that sampling traces, jits and (later) batches like any other code, and a compiler can fuse the
 * hash with what consumes it. Float results match XLA:CPU because the float32 evaluation of
 * {@code log}, {@code log1p}, {@code erf} and {@code erf_inv} follows XLA's operation sequence
 * ({@code dev.jaxvm.core.XlaFloat32}) and {@code uniform} reproduces XLA's fused multiply-add.
 *
 * <p>Typed keys. jaxvm's {@code DType} has no extended dtypes yet, so a key array is a wrapper
 * around its {@code uint32[..., 2]} key data rather than an {@code Array} of dtype
 * {@code key<fry>}; it is a record, hence a pytree, so it passes through {@code jit}. Jaxprs show
 * the expanded threefry arithmetic where JAX shows {@code random_bits}/{@code random_split}/...
 * on {@code key<fry>} values. The plan for full typed keys: an extended element type in
 * {@code ArrayType} ({@code key<fry>}, physical shape {@code (2,)} of uint32), the primitives
 * {@code random_seed}, {@code random_wrap}, {@code random_unwrap}, {@code random_bits},
 * {@code random_split}, {@code random_fold_in} whose rules expand to the functions of
 * {@code Threefry}, and {@code KeyArray} becoming an {@code Array} of that type.
 */
package dev.jaxvm.random;
