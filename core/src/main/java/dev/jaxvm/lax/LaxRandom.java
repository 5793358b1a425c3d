package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.ExtendedDType;
import dev.jaxvm.Jax;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Trace;

/**
 * The PRNG key primitives as static functions (JAX's {@code jax._src.prng} binders): keys are
 * arrays of the extended dtype {@code key<fry>} ({@link ExtendedDType#KEY_FRY}), physically
 * {@code uint32[..., 2]}. The user-facing API built on them is {@code Random}, in the random package.
 *
 * {@snippet :
 * Array key = LaxRandom.randomSeed(Jnp.array(0));                    // key<fry>[]
 * Array bits = LaxRandom.randomBits(LaxRandom.randomSplit(key, new int[] {2}), 32, new int[] {3}); // u32[2,3]
 * }
 */
public final class LaxRandom {
    private LaxRandom() {}

    /** {@code random_seed}: a key per integer seed. */
    public static Array randomSeed(Array seeds) { return Trace.bind1(new RandomSeed(ExtendedDType.KEY_FRY), seeds); }

    /** {@code random_wrap}: raw {@code u32[..., 2]} data as keys. */
    public static Array randomWrap(Array data) { return Trace.bind1(new RandomWrap(ExtendedDType.KEY_FRY), data); }

    /** {@code random_unwrap}: the raw {@code u32[..., 2]} data of keys. */
    public static Array randomUnwrap(Array keys) { return Trace.bind1(new RandomUnwrap(), keys); }

    /** {@code random_clone}: a copy of keys. */
    public static Array randomClone(Array keys) { return Trace.bind1(new RandomClone(), keys); }

    /** {@code random_split}: each key split into keys of {@code shape} (current partitionable mode). */
    public static Array randomSplit(Array keys, int[] shape) {
        return Trace.bind1(new RandomSplit(new Shape(shape), Jax.config().threefryPartitionable()), keys);
    }

    /** {@code random_fold_in}: uint32 messages folded into keys (broadcast together). */
    public static Array randomFoldIn(Array keys, Array msgs) { return Trace.bind1(new RandomFoldIn(), keys, msgs); }

    /** {@code random_bits}: {@code shape} values of {@code bitWidth} bits per key (current partitionable mode). */
    public static Array randomBits(Array keys, int bitWidth, int[] shape) {
        return Trace.bind1(new RandomBits(bitWidth, new Shape(shape), Jax.config().threefryPartitionable()), keys);
    }

    /** {@code random_gamma_grad}: the derivative of Gamma(a) samples {@code x} with respect to {@code a}. */
    public static Array randomGammaGrad(Array a, Array x) { return Trace.bind1(new RandomGammaGrad(), a, x); }
}
