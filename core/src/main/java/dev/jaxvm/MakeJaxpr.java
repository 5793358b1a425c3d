package dev.jaxvm;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.tree.Tree;
import java.util.ArrayList;
import java.util.List;

/**
 * A function made traceable to a Jaxpr by {@link Jax#makeJaxpr(Fn1)} and its overloads: calling
 * {@link #apply} traces it and returns the program, whose {@code toString()} is what JAX's
 * {@code print(jax.make_jaxpr(f)(*args))} prints.
 *
 * <p>Arguments are pytrees whose leaves are arrays (traced with their types), Java scalars (traced
 * as weakly typed scalars, as Python scalars are: {@code makeJaxpr(f).apply(3.0)} traces an
 * {@code f32[]} of weak type) or {@link ArrayType}s (abstract values, as {@code jax.ShapeDtypeStruct}).
 *
 * {@snippet :
 * ClosedJaxpr j = Jax.makeJaxpr((Array x) -> Jnp.sin(x).mul(2)).apply(Jnp.ones(3));
 * // { lambda ; a:f32[3]. let b:f32[3] = sin a; c:f32[3] = mul b 2.0:f32[] in (c,) }
 * }
 */
public final class MakeJaxpr {
    private final FnN fn;
    private final int arity;

    MakeJaxpr(FnN fn, int arity) {
        this.fn = fn;
        this.arity = arity;
    }

    /**
     * Traces the function on arguments like these.
     *
     * @throws IllegalArgumentException on a wrong number of arguments or a leaf that is not an array,
     *     a Java scalar or an {@link ArrayType}
     */
    public ClosedJaxpr apply(Object... args) {
        JitSupport.checkArity("makeJaxpr", args, arity);
        Tree.Flat flat = Tree.flatten(List.of(args));
        List<ArrayType> types = new ArrayList<>();
        for (Object leaf : flat.leaves()) types.add(JitSupport.typeOf(leaf));
        return StagingInterpreter.trace(tracers -> {
            List<Object> rebuilt = Tree.unflatten(flat.treeDef(), tracers);
            Object out = fn.apply(rebuilt.toArray());
            List<Array> outs = new ArrayList<>();
            for (Object leaf : Tree.leaves(out)) outs.add(JitCore.toArray(leaf, "result"));
            return outs;
        }, types);
    }
}
