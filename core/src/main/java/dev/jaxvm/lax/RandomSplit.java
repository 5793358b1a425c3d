package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * {@code random_split}: each key of a key array split into new keys of {@code shape}
 * ({@code key<fry>[K...]} gives {@code key<fry>[K..., *shape]}), as JAX's {@code random_split_p}.
 * No derivative; batches over the keys; lowers to the threefry2x32 program of {@link KeyLowering}.
 *
 * @param shape the shape of new keys per key
 * @param partitionable the {@code jax_threefry_partitionable} mode in force at trace time (not printed)
 */
public record RandomSplit(Shape shape, boolean partitionable) implements RandomPrimitive, Batchable, Lowerable {
    @Override
    public String name() { return "random_split"; }

    @Override
    public List<Param> params() { return List.of(new Param("shape", shape)); }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        return List.of(KeyTypes.keyType(KeyTypes.concat(KeyTypes.keys("random_split", in.getFirst()), shape)));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        int[] k = (int[]) in.getFirst().buffer();
        int n = shape.size();
        int[] r = new int[out.getFirst().size()];
        for (int b = 0; b < k.length / 2; b++) KeyEval.split(k[2 * b], k[2 * b + 1], n, partitionable, r, 2 * n * b);
        return List.of(DenseArray.wrap(out.getFirst(), r));
    }

    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        return new Lowering.Call(KeyLowering.program(in, xs -> KeyLowering.split(xs.getFirst(), shape.dims(), partitionable)));
    }

    /** Batched keys are a larger key array: the batch axis moves to the front. */
    @Override
    public Batched batch(List<Array> args, Ints dims) {
        Array keys = BatchRules.moveAxis(args.getFirst(), dims.get(0), 0);
        return Batched.of(Trace.bind1(this, keys), 0);
    }
}
