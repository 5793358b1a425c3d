package dev.jaxvm.core;

import dev.jaxvm.Array;

/**
 * An array that stands for a value being traced by an {@link Interpreter}: each tracer belongs to
 * exactly one interpreter instance, and to the thread that created it.
 *
 * <p>Subclasses live with their interpreters (JVP, staging, batching).
 */
public non-sealed abstract class Tracer implements Array {
    private final Thread thread = Thread.currentThread();

    /** The interpreter that owns this tracer. */
    public abstract Interpreter owner();

    /** The thread on which this tracer was created. */
    public final Thread thread() { return thread; }

    /** The error for using this tracer where a concrete value is needed, naming the operation. */
    public ConcretizationTypeError concretizationError(String what) {
        return new ConcretizationTypeError("Abstract tracer value encountered where concrete value is expected: "
                + what + " was called on a traced array with type " + type().toLongString() + " (" + owner().describe()
                + ").\nThe value of a traced array is not known while a function is being transformed: Java control"
                + " flow (if, while, item()) cannot depend on it. Use Jnp.where or Lax.select for value-dependent"
                + " choices, Lax.cond / Lax.whileLoop / Lax.foriLoop / Lax.scan for control flow, or mark the argument static"
                + " (Jax.jit(f).staticArgnums(...)) so that it stays a Java value.");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<" + type().toLongString() + ">";
    }
}
