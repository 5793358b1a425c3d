package dev.jaxvm;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.tree.Tree;

/** Argument handling shared by the jitted-function classes and {@link MakeJaxpr}. */
final class JitSupport {
    private JitSupport() {}

    static Lowered lower(JitCore core, Object[] args, int arity) {
        checkArity(core.name(), args, arity);
        Object[] concrete = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            concrete[i] = Tree.map(leaf -> leaf instanceof ArrayType t ? DenseArray.zeros(t) : leaf, args[i]);
        }
        return new Lowered(core.trace(concrete).jaxpr());
    }

    static void checkArity(String name, Object[] args, int arity) {
        if (arity >= 0 && args.length != arity) {
            throw new IllegalArgumentException(name + " takes " + arity + " argument" + (arity == 1 ? "" : "s")
                    + ", got " + args.length);
        }
    }

    /** The abstract type of an argument leaf: arrays' types, Java scalars weak, {@link ArrayType}s as given. */
    static ArrayType typeOf(Object leaf) {
        return leaf instanceof ArrayType t ? t : JitCore.toArray(leaf, "argument").type();
    }

    /** A name for a function object: {@code <lambda>}, as JAX prints for Python lambdas. */
    static String defaultName(Object f) { return "<lambda>"; }
}
