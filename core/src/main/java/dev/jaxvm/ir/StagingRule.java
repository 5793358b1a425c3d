package dev.jaxvm.ir;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Primitive;
import java.util.List;

/**
 * A primitive's staging-time simplification (JAX's {@code const_fold_rules} and
 * {@code forwarding_rules}): instead of recording an equation, the staging interpreter uses the
 * outputs this rule returns, e.g. a conversion of a scalar constant folded to a constant, or a
 * conversion to the operand's own type forwarded to the operand.
 */
public interface StagingRule extends Primitive {
    /**
     * The outputs to use instead of staging an equation, or {@code null} to stage one.
     *
     * @param args the operands: concrete arrays, tracers of the staging interpreter or of its ancestors
     * @param outTypes the output types from {@link #abstractEval}
     */
    List<Array> stageOrFold(List<Array> args, List<ArrayType> outTypes);
}
