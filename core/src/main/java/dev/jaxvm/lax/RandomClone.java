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
 * {@code random_clone}: a copy of a key array ({@code jax.random.clone}), as JAX's
 * {@code random_clone_p}. jaxvm's arrays are immutable, so the copy shares the data.
 */
public record RandomClone() implements RandomPrimitive, Batchable, Lowerable {
    @Override
    public String name() { return "random_clone"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        KeyTypes.keys("random_clone", in.getFirst());
        return List.of(in.getFirst());
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return List.of(in.getFirst()); }

    @Override
    public List<DenseArray> execute(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out); }

    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Reshape(); }

    @Override
    public Batched batch(List<Array> args, Ints dims) { return Batched.of(Trace.bind1(this, args.getFirst()), dims.get(0)); }
}
