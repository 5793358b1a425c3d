package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Ints;
import java.util.List;

/**
 * A collective over a named axis: the batching interpreter that maps the axis named
 * {@link #axisName()} calls {@link #batchNamed} (the collective acts across the batch), while
 * interpreters mapping other axes call the ordinary {@link #batch} rule (the collective acts on each
 * example's slice independently).
 *
 * {@snippet :
 * // psum over the batch axis of x batched along 0: the sum over it, no longer batched
 * Batched b = new Psum("i").batchNamed(List.of(x), Ints.of(0), 8);
 * }
 */
public interface Collective extends Batchable {

    /** The name of the axis this collective acts across. */
    String axisName();

    /**
     * The rule for the interpreter that maps {@link #axisName()}, whose batch size is
     * {@code axisSize}; unlike {@link #batch}, it is called even when no operand is batched.
     */
    Batched batchNamed(List<Array> args, Ints dims, int axisSize);
}
