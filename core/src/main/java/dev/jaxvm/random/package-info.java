/**
 * JAX's PRNG ({@code jax.random}) for jaxvm: {@link dev.jaxvm.random.Random} and typed key arrays
 * ({@link dev.jaxvm.random.KeyArray}), bit for bit with JAX 0.10.2 on CPU in both settings of
 * {@code jax_threefry_partitionable}.
 *
 * <p>Typed keys. A key array is an {@code Array} of the extended dtype {@code key<fry>}
 * ({@code dev.jaxvm.ExtendedDType}): its {@code ArrayType} is the physical {@code uint32[..., 2]}
 * data tagged with the key dtype, so compilers and numeric code see plain words while Jaxprs print
 * {@code key<fry>[...]}. {@code KeyArray} is the record that gives such an array its logical view
 * (shape without the key words, indexing, JAX's repr); it is a pytree, so keys pass through
 * {@code jit} and {@code vmap}. As in JAX, key operations are primitives ({@code random_seed},
 * {@code random_split}, {@code random_fold_in}, {@code random_bits}, {@code random_wrap},
 * {@code random_unwrap}, {@code random_clone}, in {@code dev.jaxvm.lax.LaxRandom}), printed as JAX
 * prints them; their compiled lowering is the {@code threefry2x32} program of JAX's
 * {@code threefry2x32.py}, so a sampler's bits are the compiled threefry kernel fused with what
 * consumes them. Raw {@code uint32[2]} keys ({@link dev.jaxvm.random.Random#PRNGKey}) are wrapped
 * with {@code random_wrap} where JAX wraps them.
 *
 * <p>Samplers are written with {@code Lax} operations on those bits (and {@code random_gamma} for
 * the gamma family, whose derivative is JAX's implicit reparameterisation {@code random_gamma_grad};
 * {@code while_loop} for poisson and binomial, as in JAX), so sampling traces, jits and batches like
 * any other code. Float results match XLA:CPU because the float32 evaluation of {@code log},
 * {@code log1p}, {@code erf} and {@code erf_inv} follows XLA's operation sequence
 * ({@code dev.jaxvm.core.XlaFloat32}) and {@code uniform} reproduces XLA's fused multiply-add.
 *
 * <p>Known differences from JAX's Jaxprs: JAX wraps each sampler in a named {@code jit}
 * ({@code _uniform}, {@code _normal}, ...) and prints slices of key arrays with logical indices;
 * jaxvm stages the samplers' operations inline and slices key arrays on their physical data.
 */
package dev.jaxvm.random;
