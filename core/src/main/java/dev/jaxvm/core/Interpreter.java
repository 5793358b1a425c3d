package dev.jaxvm.core;

import dev.jaxvm.Array;
import java.util.List;

/**
 * Decides what binding a primitive means: evaluate it, record it into a Jaxpr, differentiate it,
 * batch it. The current interpreter is held by {@link Trace}; an interpreter created by a
 * transformation remembers its parent and runs its rules under it (JAX's "stackless" core).
 *
 * <p>Operands passed to {@link #process} are concrete arrays, this interpreter's own tracers, or
 * tracers of an ancestor interpreter (which {@link Trace#bind} has already checked are still live);
 * an interpreter treats every array that is not its own tracer as a constant.
 */
public interface Interpreter {

    /** Applies {@code primitive} to {@code args}; returns one array per output. */
    List<Array> process(Primitive primitive, List<Array> args);

    /** The interpreter this one runs its rules under; {@code null} only for the eager evaluator. */
    Interpreter parent();

    /** A short description for error messages, e.g. {@code "traced by jit"}. */
    String describe();

    /** Whether {@code a} is a tracer owned by this interpreter. */
    default boolean owns(Array a) { return a instanceof Tracer t && t.owner() == this; }
}
