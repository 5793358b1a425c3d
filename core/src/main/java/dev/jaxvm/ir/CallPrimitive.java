package dev.jaxvm.ir;

import dev.jaxvm.core.Primitive;

/**
 * A primitive that calls a Jaxpr on its operands and returns the Jaxpr's results (JAX's
 * {@code jit}). The printer gives the callee's binders the caller's names (JAX's name aliasing).
 */
public interface CallPrimitive extends Primitive {
    /** The called program. */
    ClosedJaxpr jaxpr();
}
