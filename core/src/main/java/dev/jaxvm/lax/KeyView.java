package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * The PRNG primitives that retype a key array's data without touching it ({@code random_wrap},
 * {@code random_unwrap}, {@code random_clone}): views that share the buffer, eagerly and compiled;
 * they differ only in their type rule.
 */
public sealed interface KeyView extends RandomPrimitive, Batchable, Lowerable permits RandomWrap, RandomUnwrap, RandomClone {

    @Override
    default List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(DenseArray.wrap(out.getFirst(), in.getFirst().buffer()));
    }

    /** A view: eager evaluation shares the data without running a kernel. */
    @Override
    default List<DenseArray> execute(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out); }

    @Override
    default Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Reshape(); }

    /** The batch axis stays where it is. */
    @Override
    default Batched batch(List<Array> args, Ints dims) { return Batched.of(Trace.bind1(this, args.getFirst()), dims.get(0)); }
}
