package dev.jaxvm;

import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Tangents;
import dev.jaxvm.transform.Linearize;
import dev.jaxvm.transform.Transpose;
import dev.jaxvm.tree.Tree;
import dev.jaxvm.tree.TreeDef;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code grad} and {@code value_and_grad} of functions of pytrees with JAX's options: the arguments
 * at {@code argnums} are flattened to array leaves and differentiated, the others are passed through
 * untouched (any Java value); each gradient has its argument's structure, and several argnums give
 * a list of gradients in the order asked. With {@code hasAux} the function returns a {@link WithAux}
 * or a two-element list {@code (value, aux)}.
 */
final class TreeGrad {
    private TreeGrad() {}

    /** The differentiated arguments' leaves, where each argument's leaves start, and their structures. */
    record Inputs(int[] argnums, List<Array> leaves, int[] offsets, List<TreeDef> defs) {
        /** The arguments with the differentiated ones rebuilt from {@code xs}. */
        Object[] rebuild(Object[] args, List<Array> xs) {
            Object[] full = args.clone();
            for (int k = 0; k < argnums.length; k++) {
                full[argnums[k]] = Tree.unflatten(defs.get(k), xs.subList(offsets[k], offsets[k + 1]));
            }
            return full;
        }

        /** One tree per argnum from per-leaf values: the tree alone for one argnum, else a list in argnums order. */
        Object split(List<?> perLeaf) {
            List<Object> trees = new ArrayList<>(argnums.length);
            for (int k = 0; k < argnums.length; k++) {
                trees.add(Tree.unflatten(defs.get(k), perLeaf.subList(offsets[k], offsets[k + 1])));
            }
            return argnums.length == 1 ? trees.getFirst() : trees;
        }
    }

    /** Flattens the arguments at {@code argnums} and checks their dtypes as transformation {@code name} does. */
    static Inputs inputs(String name, List<Integer> argnums, boolean allowInt, boolean realOnly, Object[] args) {
        if (!name.equals("grad")) {   // jacfwd and jacrev check argnums as static_argnums are (JAX's wording)
            for (int a : argnums) {
                if (a >= args.length) {
                    throw new IllegalArgumentException("Positional argument indices, e.g. for `static_argnums`, must have"
                            + " value greater than or equal to -len(args) and less than len(args), but got value " + a
                            + " for len(args) == " + args.length + ".");
                }
            }
        }
        int[] nums = Autodiff.resolveArgnums(argnums, args.length);
        List<Array> leaves = new ArrayList<>();
        List<TreeDef> defs = new ArrayList<>();
        int[] offsets = new int[nums.length + 1];
        for (int k = 0; k < nums.length; k++) {
            Tree.Flat flat = Tree.flatten(args[nums[k]]);
            for (Array a : Autodiff.arrays(flat.leaves().toArray())) {
                if (realOnly) checkReal(name, a.dtype());
                else Autodiff.checkInputDType(name, allowInt, a);
                leaves.add(a);
            }
            defs.add(flat.treeDef());
            offsets[k + 1] = leaves.size();
        }
        return new Inputs(nums, leaves, offsets, defs);
    }

    /** jacfwd's input check: only floating inputs (JAX's wording). */
    static void checkReal(String name, DType t) {
        if (!t.isFloating()) {
            throw new IllegalArgumentException(name + " requires real-valued inputs (input dtype that is a sub-dtype of"
                    + " np.floating), but got " + t + ". For holomorphic differentiation, pass holomorphic=True. For"
                    + " differentiation of non-holomorphic functions involving complex inputs or integer inputs, use"
                    + " jax.jvp directly.");
        }
    }

    /** {@code jax.value_and_grad(f, argnums, has_aux, allow_int)(*args)}. */
    static TreeGradResult valueAndGrad(String name, FnN f, GradOptions o, Object[] args) {
        Inputs in = inputs(name, o.argnums(), o.allowInt(), false, args);
        TreeAutodiff.OutShape shape = new TreeAutodiff.OutShape();
        Linearize.Result r = Linearize.linearize(xs -> TreeAutodiff.call(f, o.hasAux(), in.rebuild(args, xs), shape),
                in.leaves());
        List<Array> outs = r.primalsOut();
        if (shape.numOut != 1 || !(shape.out instanceof TreeDef.Leaf)) {
            throw new IllegalArgumentException("Gradient only defined for scalar-output functions. Output was "
                    + Tree.unflatten(shape.out, outs.subList(0, shape.numOut)) + ".");
        }
        Array out = outs.getFirst();
        Autodiff.checkScalar(out);
        if (!out.dtype().isFloating()) {
            throw new IllegalArgumentException(name + " requires real-valued outputs (output dtype that is a sub-dtype of"
                    + " np.floating), but got " + out.dtype() + ".");
        }
        List<Array> seeds = new ArrayList<>(Tangents.zerosList(outs.size()));
        seeds.set(0, DenseArray.scalar(out.dtype(), out.weakType(), 1));
        List<Array> cts = Transpose.backwardPass(r.linear(), seeds);
        List<Array> grads = new ArrayList<>(cts.size());
        for (int i = 0; i < in.leaves().size(); i++) {
            Array c = cts.get(i);
            grads.add(c != null ? c : Tangents.zeros(Tangents.tangentType(in.leaves().get(i).type())));
        }
        Object aux = o.hasAux() ? Autodiff.unflatten(shape.aux, outs.subList(1, outs.size()).iterator()) : null;
        return new TreeGradResult(out, in.split(grads), aux);
    }
}
