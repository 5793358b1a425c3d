package dev.jaxvm.lax;

/** The primitives of JAX's PRNG: the threefry2x32 block hash that every key and sample derives from. */
public sealed interface RandomPrimitive extends LaxPrimitive permits Threefry2x32, RandomGamma {}
