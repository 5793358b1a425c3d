package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Primitive;
import java.util.List;

/**
 * A primitive that has a batching rule, as JAX's {@code primitive_batchers}: how to apply it to
 * operands that carry an extra batch dimension, without looping over the batch. The batching
 * interpreter ({@code vmap}) calls {@link #batch} under its parent interpreter, so the rule's own
 * {@link Lax} calls are evaluated, staged or differentiated by the enclosing transformations.
 *
 * {@snippet :
 * // neg of x batched along axis 1 is neg of the whole array, still batched along axis 1
 * Batched out = new Neg().batch(List.of(x), Ints.of(1));
 * }
 */
public interface Batchable extends Primitive {
    /** The batch dimension of an operand or output that is not batched (the same for every example). */
    int NOT_MAPPED = -1;

    /**
     * Applies this primitive to a batch. {@code dims.get(i)} is the axis of {@code args.get(i)} that
     * indexes the batch, or {@link #NOT_MAPPED}; at least one operand is batched and all batched
     * operands have the same batch size. The rule moves batch axes where the primitive needs them and
     * returns the outputs with their batch dimensions; output {@code k} without its batch dimension
     * has the type this primitive gives for one example.
     */
    Batched batch(List<Array> args, Ints dims);

    /** Moves axis {@code from} of {@code x} to position {@code to} (both non-negative), as {@code jnp.moveaxis}. */
    static Array moveAxis(Array x, int from, int to) {
        return BatchRules.moveAxis(x, from, to);
    }

    /** Inserts a new axis of {@code size} at position {@code axis} by broadcasting, as JAX's {@code batching.broadcast}. */
    static Array broadcastAxis(Array x, int size, int axis) {
        return BatchRules.broadcastAxis(x, size, axis);
    }
}
