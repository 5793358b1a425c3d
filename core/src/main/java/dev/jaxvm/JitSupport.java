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

    /**
     * The default name of a jitted function: a jitted function's own name; {@code <lambda>} for a
     * lambda or method reference (Java does not tell which method a method reference points to,
     * short of serialization tricks; use {@code named(...)}); the simple class name for an instance
     * of a named class implementing the functional interface.
     */
    static String defaultName(Object f) {
        return switch (f) {
            case JitFn1 j -> j.name();
            case JitFn2 j -> j.name();
            case JitFn3 j -> j.name();
            case JitFnN j -> j.name();
            case JitFunction<?, ?> j -> j.name();
            default -> f.getClass().isHidden() || f.getClass().isSynthetic() || f.getClass().getSimpleName().isEmpty()
                    ? "<lambda>" : f.getClass().getSimpleName();
        };
    }
}
