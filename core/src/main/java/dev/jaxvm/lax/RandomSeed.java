package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.ExtendedDType;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * {@code random_seed}: keys from integer seeds, elementwise, as JAX's {@code random_seed_p}: key data
 * {@code [s >>> 32, s & 0xFFFFFFFF]} with the shift in the seed's own width (so {@code [0, s]} for
 * seeds of 32 bits or fewer). No derivative; batches elementwise; lowers to integer lax operations.
 *
 * @param impl the PRNG implementation (printed {@code impl=fry})
 */
public record RandomSeed(ExtendedDType impl) implements RandomPrimitive, Batchable, Lowerable {
    @Override
    public String name() { return "random_seed"; }

    @Override
    public List<Param> params() { return List.of(new Param("impl", impl.implName())); }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType s = in.getFirst();
        if (!s.dtype().isInteger() || s.isExtended()) {
            throw new IllegalArgumentException("PRNG key seed must be an integer; got " + s.toLongString());
        }
        return List.of(KeyTypes.keyType(s.shape()));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray s = in.getFirst();
        boolean wide = s.dtype().bits() == 64;
        int[] r = new int[2 * s.size()];
        for (int i = 0; i < s.size(); i++) {
            long v = s.getLong(i);
            r[2 * i] = wide ? (int) (v >>> 32) : 0;
            r[2 * i + 1] = (int) v;
        }
        return List.of(DenseArray.wrap(out.getFirst(), r));
    }

    /** Lowers to the shift, converts and stack of {@link KeyLowering#seed}. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        return new Lowering.Call(KeyLowering.program(in, xs -> KeyLowering.seed(xs.getFirst())));
    }

    /** Elementwise: the same batch axis (the key words trail it). */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return Batched.of(Trace.bind1(this, args.getFirst()), dims.get(0)); }
}
