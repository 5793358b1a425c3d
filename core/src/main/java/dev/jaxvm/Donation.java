package dev.jaxvm;

import dev.jaxvm.compile.Compiler;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.tree.Tree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Top-level calls of a jitted function with donated arguments (JAX's {@code donate_argnums}): the
 * compiled program may write an output into a donated argument's data when their dtype and size
 * match; that argument is then deleted ({@link DenseArray#isDeleted()}, and any use raises
 * "Array has been deleted with shape=float32[3]."). As JAX (0.10.2, also on CPU), a donated argument
 * whose data no output can use is left alive; so is one whose data is shared with another array (a
 * view made by {@code reshaped}), which jaxvm never writes into. Under a transformation (inside an
 * outer {@code jit}, {@code grad}, {@code vmap}) donation is ignored, as in JAX.
 */
final class Donation {
    private Donation() {}

    /**
     * Runs {@code core} on {@code args} donating the given positions; null when the call cannot run
     * directly (a program that closes over tracers, a non-concrete argument): then it runs normally.
     */
    static Object call(JitCore core, Object[] args, int[] donateArgnums, int[] staticArgnums) {
        boolean[] donatedArg = positions(core, args.length, donateArgnums, "donate_argnums");
        boolean[] staticArg = positions(core, args.length, staticArgnums, "static_argnums");
        for (int i = 0; i < args.length; i++) {
            if (donatedArg[i] && staticArg[i]) {
                throw new IllegalArgumentException("jitted function " + core.name() + ": argument " + i
                        + " is both static and donated (static_argnums and donate_argnums cannot intersect)");
            }
        }
        JitCore.Prepared p = core.prepare(args);
        JitCore.Traced t = core.traced(p);
        if (!t.closedOverTracers().isEmpty()) return null;
        List<DenseArray> leaves = new ArrayList<>(p.leaves().size());
        for (Array a : p.leaves()) {
            if (!(a instanceof DenseArray d)) return null;
            leaves.add(d);
        }
        boolean[] donate = new boolean[leaves.size()];
        for (int i = 0, leaf = 0; i < args.length; i++) {
            if (staticArg[i]) continue;
            int n = Tree.flatten(args[i]).leaves().size();
            if (donatedArg[i]) Arrays.fill(donate, leaf, leaf + n, true);
            leaf += n;
        }
        List<DenseArray> res = Compiler.compile(t.jaxpr()).call(leaves, donate);
        List<ArrayType> outTypes = t.jaxpr().outTypes();
        List<Array> outs = new ArrayList<>(res.size());
        for (int i = 0; i < res.size(); i++) outs.add(res.get(i).withWeakType(outTypes.get(i).weakType()));
        return Tree.unflatten(t.outTree(), outs);
    }

    private static boolean[] positions(JitCore core, int n, int[] nums, String what) {
        boolean[] on = new boolean[n];
        for (int k : nums) {
            int i = k < 0 ? k + n : k;
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("jitted function " + core.name() + " has " + what + "="
                        + Arrays.toString(nums) + ", but was called with only " + n + " arguments");
            }
            on[i] = true;
        }
        return on;
    }
}
