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
    private final int[] staticArgnums;

    MakeJaxpr(FnN fn, int arity) { this(fn, arity, new int[0]); }

    private MakeJaxpr(FnN fn, int arity, int[] staticArgnums) {
        this.fn = fn;
        this.arity = arity;
        this.staticArgnums = staticArgnums.clone();
    }

    /**
     * This tracer with the arguments at the given positions passed as Java values, untraced (JAX's
     * {@code static_argnums}; negative positions count from the end).
     */
    public MakeJaxpr staticArgnums(int... argnums) { return new MakeJaxpr(fn, arity, argnums); }

    /**
     * Traces the function on arguments like these.
     *
     * @throws IllegalArgumentException on a wrong number of arguments or a leaf that is not an array,
     *     a Java scalar or an {@link ArrayType}
     */
    public ClosedJaxpr apply(Object... args) {
        JitSupport.checkArity("makeJaxpr", args, arity);
        boolean[] isStatic = new boolean[args.length];
        for (int k : staticArgnums) {
            int i = k < 0 ? k + args.length : k;
            if (i < 0 || i >= args.length) {
                throw new IllegalArgumentException("makeJaxpr: static argnum " + k + " out of range for " + args.length
                        + " arguments");
            }
            isStatic[i] = true;
        }
        List<Object> dynamic = new ArrayList<>();
        for (int i = 0; i < args.length; i++) if (!isStatic[i]) dynamic.add(args[i]);
        Tree.Flat flat = Tree.flatten(dynamic);
        List<ArrayType> types = new ArrayList<>();
        for (Object leaf : flat.leaves()) types.add(JitSupport.typeOf(leaf));
        return StagingInterpreter.trace(tracers -> {
            List<Object> rebuilt = Tree.unflatten(flat.treeDef(), tracers);
            Object[] full = new Object[args.length];
            for (int i = 0, d = 0; i < full.length; i++) full[i] = isStatic[i] ? args[i] : rebuilt.get(d++);
            Object out = fn.apply(full);
            List<Array> outs = new ArrayList<>();
            for (Object leaf : Tree.leaves(out)) outs.add(JitCore.toArray(leaf, "result"));
            return outs;
        }, types);
    }
}
