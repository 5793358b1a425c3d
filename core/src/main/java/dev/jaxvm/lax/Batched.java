package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * The result of a batching rule: the outputs and, for each, the axis that indexes the batch or
 * {@link Batchable#NOT_MAPPED}.
 *
 * {@snippet :
 * Batched b = new Batched(List.of(y), Ints.of(0));   // y is batched along its leading axis
 * }
 *
 * @param values the outputs
 * @param dims one batch dimension per output
 */
public record Batched(List<Array> values, Ints dims) {
    /** @throws IllegalArgumentException if there is not one dimension per value */
    public Batched {
        values = List.copyOf(values);
        if (values.size() != dims.size()) {
            throw new IllegalArgumentException(values.size() + " batched values but " + dims.size() + " batch dimensions");
        }
    }

    /** A single output batched along {@code dim}. */
    public static Batched of(Array value, int dim) { return new Batched(List.of(value), Ints.of(dim)); }
}
