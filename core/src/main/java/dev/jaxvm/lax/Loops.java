package dev.jaxvm.lax;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.tree.TreeDef;
import java.util.ArrayList;
import java.util.List;

/** Type checks and small helpers shared by the control-flow primitives and their staging code. */
final class Loops {
    private Loops() {}

    /** Operands of the given types passed to a Jaxpr taking {@code want}: JAX's type error when they differ. */
    static void checkOperands(String what, List<ArrayType> want, List<ArrayType> got) {
        if (want.size() != got.size()) {
            throw new IllegalArgumentException(what + " takes " + want.size() + " inputs, called with " + got.size());
        }
        for (int i = 0; i < want.size(); i++) {
            if (!CfTrace.typematch(want.get(i), got.get(i))) {
                throw new IllegalArgumentException(what + " takes input types " + shortTypes(want)
                        + ", called with operands of type " + shortTypes(got));
            }
        }
    }

    /** JAX's {@code _avals_short}: {@code f32[] i32[3]}. */
    static String shortTypes(List<ArrayType> ts) {
        StringBuilder b = new StringBuilder();
        for (ArrayType t : ts) b.append(b.isEmpty() ? "" : " ").append(t);
        return b.toString();
    }

    /** JAX's {@code _check_carry_type} for flat carries: the output carry must have the input carry's types. */
    static void checkCarry(String name, List<ArrayType> in, List<ArrayType> out) {
        if (in.size() != out.size()) {
            throw new IllegalArgumentException(name + " function carry input and carry output must have the same pytree"
                    + " structure, but they differ:\n\nthe input carry has " + in.size() + " leaves but the carry output has "
                    + out.size() + "\n\nRevise the function so that the carry output has the same pytree structure as the"
                    + " carry input.");
        }
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            ArrayType a = in.get(i), b = out.get(i);
            if (!CfTrace.typematch(a, b)) {
                diffs.add((in.size() == 1 ? "the input carry" : "the input carry component " + i) + " has type "
                        + CfTrace.str(a) + " but the corresponding output carry component has type " + CfTrace.str(b)
                        + CfTrace.mismatch(a, b));
            }
        }
        if (diffs.isEmpty()) return;
        throw new IllegalArgumentException(name + " function carry input and carry output must have equal types, but they"
                + " differ:\n\n" + differences(diffs) + "\nRevise the function so that all output types match the"
                + " corresponding input types.");
    }

    /** The pytree check of {@code _check_carry_type}: JAX's fallback message. */
    static void checkCarryTree(String name, TreeDef in, TreeDef out) {
        if (in.equals(out)) return;
        throw new IllegalArgumentException(name + " function carry input and carry output must have the same pytree"
                + " structure, but they differ:\n\nthe input tree structure is:\n" + in + "\nthe output tree structure is:\n"
                + out + "\n\nRevise the function so that the carry output has the same pytree structure as the carry input.");
    }

    /** One difference capitalised and ended with a period, or a bulleted list. */
    static String differences(List<String> diffs) {
        if (diffs.size() == 1) return capitalize(diffs.getFirst()) + ".\n";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < diffs.size() - 1; i++) b.append("  * ").append(diffs.get(i)).append(";\n\n");
        return b.append("  * ").append(diffs.getLast()).append(".\n").toString();
    }

    static String capitalize(String s) { return Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    /** The arrays with the weak flags of the output types. */
    static List<DenseArray> withWeakTypes(List<DenseArray> xs, List<ArrayType> out) {
        List<DenseArray> res = new ArrayList<>(xs.size());
        for (int i = 0; i < xs.size(); i++) res.add(xs.get(i).withWeakType(out.get(i).weakType()));
        return res;
    }

    /** Whether any element of a boolean array is true. */
    static boolean anyTrue(DenseArray pred) {
        for (int i = 0; i < pred.type().size(); i++) if (pred.getBoolean(i)) return true;
        return false;
    }

    /** Per lane of {@code pred} (a prefix of the operands' shape): {@code onTrue}'s block if set, else {@code onFalse}'s. */
    static DenseArray selectLanes(DenseArray pred, DenseArray onTrue, DenseArray onFalse) {
        int lanes = pred.type().size(), n = onTrue.type().size();
        int block = lanes == 0 ? 0 : n / lanes;
        Object out = dev.jaxvm.core.Storage.allocate(onTrue.dtype(), n);
        for (int l = 0; l < lanes; l++) {
            System.arraycopy((pred.getBoolean(l) ? onTrue : onFalse).buffer(), l * block, out, l * block, block);
        }
        return DenseArray.wrap(onTrue.type().withWeakType(onFalse.weakType()), out);
    }
}
