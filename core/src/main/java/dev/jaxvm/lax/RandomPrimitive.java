package dev.jaxvm.lax;

/** The primitives of JAX's PRNG: key seeding, splitting, folding and bits over {@code key<fry>} arrays, the threefry2x32 block hash they lower to, and the gamma sampler with its derivative. */
public sealed interface RandomPrimitive extends LaxPrimitive permits Threefry2x32, RandomGamma, RandomGammaGrad, RandomSeed, RandomBits, RandomSplit,
        RandomFoldIn, KeyView {}
