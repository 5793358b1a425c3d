package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.ExtendedDType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * {@code random_wrap}: raw key data {@code u32[..., 2]} viewed as a key array {@code key<fry>[...]}
 * ({@code jax.random.wrap_key_data}), as JAX's {@code random_wrap_p}. The data is shared, not copied.
 *
 * @param impl the PRNG implementation (printed {@code impl=fry})
 */
public record RandomWrap(ExtendedDType impl) implements KeyView {
    @Override
    public String name() { return "random_wrap"; }

    @Override
    public List<Param> params() { return List.of(new Param("impl", impl.implName())); }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        ArrayType t = in.getFirst();
        int[] s = t.shape().dims();
        if (t.isExtended() || t.dtype() != impl.physicalDType() || s.length == 0 || s[s.length - 1] != impl.words()) {
            throw new IllegalArgumentException("random_wrap: key data must be a " + impl.physicalDType()
                    + " array with a trailing dimension of " + impl.words() + ", got " + t.toLongString());
        }
        return List.of(new ArrayType(t.shape(), t.dtype(), false, impl));
    }

    /** Batch axes stay where they are (never the trailing word axis of the data). */
    @Override
    public Batched batch(List<Array> args, Ints dims) {
        Array x = dims.get(0) == args.getFirst().ndim() - 1 ? BatchRules.moveAxis(args.getFirst(), dims.get(0), 0)
                : args.getFirst();
        int d = dims.get(0) == args.getFirst().ndim() - 1 ? 0 : dims.get(0);
        return Batched.of(Trace.bind1(this, x), d);
    }
}
