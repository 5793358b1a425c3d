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
 * {@code random_unwrap}: a key array's raw data {@code u32[..., 2]} ({@code jax.random.key_data}), as
 * JAX's {@code random_unwrap_p}. The data is shared, not copied.
 */
public record RandomUnwrap() implements RandomPrimitive, Batchable, Lowerable {
    @Override
    public String name() { return "random_unwrap"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        KeyTypes.keys("random_unwrap", in.getFirst());
        return List.of(in.getFirst().physical());
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(DenseArray.wrap(out.getFirst(), in.getFirst().buffer()));
    }

    /** A view: eager unwrapping shares the data without running a kernel. */
    @Override
    public List<DenseArray> execute(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out); }

    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Reshape(); }

    @Override
    public Batched batch(List<Array> args, Ints dims) { return Batched.of(Trace.bind1(this, args.getFirst()), dims.get(0)); }
}
