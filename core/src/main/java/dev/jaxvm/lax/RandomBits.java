package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * {@code random_bits}: {@code shape} unsigned integers of {@code bitWidth} bits from each key of a
 * key array ({@code key<fry>[K...]} gives {@code uN[K..., *shape]}), as JAX's {@code random_bits_p}.
 * No derivative; batches over the keys; lowers to the threefry2x32 program of {@link KeyLowering}.
 *
 * {@snippet :
 * Array bits = LaxRandom.randomBits(Random.key(0).base(), 32, new int[] {3});   // u32[3]
 * }
 *
 * @param bitWidth 8, 16, 32 or 64
 * @param shape the shape drawn per key
 * @param partitionable the {@code jax_threefry_partitionable} mode in force at trace time (not printed)
 */
public record RandomBits(int bitWidth, Shape shape, boolean partitionable) implements RandomPrimitive, Batchable, Lowerable {
    @Override
    public String name() { return "random_bits"; }

    @Override
    public List<Param> params() { return List.of(new Param("bit_width", bitWidth), new Param("shape", shape)); }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        Shape keys = KeyTypes.keys("random_bits", in.getFirst());
        return List.of(new ArrayType(KeyTypes.concat(keys, shape), KeyTypes.bitsDType(bitWidth), false));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        int[] k = (int[]) in.getFirst().buffer();
        DType dt = KeyTypes.bitsDType(bitWidth);
        int n = shape.size();
        Object r = Storage.allocate(dt, out.getFirst().size());
        for (int b = 0; b < k.length / 2; b++) KeyEval.bits(k[2 * b], k[2 * b + 1], bitWidth, n, partitionable, dt, r, b * n);
        return List.of(DenseArray.wrap(out.getFirst(), r));
    }

    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        return new Lowering.Call(KeyLowering.program(in,
                xs -> KeyLowering.bits(xs.getFirst(), bitWidth, shape.dims(), partitionable)));
    }

    /** Batched keys are a larger key array: the batch axis moves to the front. */
    @Override
    public Batched batch(List<Array> args, Ints dims) {
        Array keys = BatchRules.moveAxis(args.getFirst(), dims.get(0), 0);
        return Batched.of(Trace.bind1(this, keys), 0);
    }
}
