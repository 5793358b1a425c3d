package dev.jaxvm;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.lax.Tangents;
import dev.jaxvm.transform.JvpInterpreter;
import dev.jaxvm.transform.Linearize;
import dev.jaxvm.transform.Transpose;
import dev.jaxvm.tree.Tree;
import dev.jaxvm.tree.TreeDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * {@code jvp} and {@code vjp} over pytrees, and {@code vjp} with auxiliary data (JAX's
 * {@code has_aux=True}): the arguments are flattened to array leaves, differentiated by
 * {@link Autodiff}'s machinery, and the results rebuilt with the arguments' and outputs' structures.
 */
final class TreeAutodiff {
    private TreeAutodiff() {}

    /** A traced call's outputs: the output's array leaves (then the aux's), and how to rebuild both. */
    static final class OutShape {
        TreeDef out;
        int numOut;
        Object aux;
    }

    /** {@code jax.vjp(f, *primals, has_aux=hasAux)} of a function of pytrees. */
    static TreeVjpResult<Object, List<Object>> vjp(FnN f, boolean hasAux, Object[] primals) {
        Tree.Flat in = Tree.flatten(Arrays.asList(primals));
        Array[] leaves = Autodiff.arrays(in.leaves().toArray());
        OutShape shape = new OutShape();
        Linearize.Result r = Linearize.linearize(xs -> call(f, hasAux, in.treeDef(), xs, shape), Arrays.asList(leaves));
        List<Array> outs = r.primalsOut().subList(0, shape.numOut);
        List<ArrayType> outTypes = outs.stream().map(Array::type).toList();
        Object aux = hasAux ? Autodiff.unflatten(shape.aux, r.primalsOut().subList(shape.numOut, r.primalsOut().size()).iterator())
                : null;
        Function<Object, List<Object>> pullback = ct -> {
            Tree.Flat cts = Tree.flatten(ct);
            if (!cts.treeDef().equals(shape.out)) {
                throw new IllegalArgumentException("unexpected tree structure.\n\nThe argument to a VJP function returned by"
                        + " `jax.vjp` must match the pytree\nstructure of the differentiated function.\n\nBut the tree"
                        + " structures differ:\n  * out was " + shape.out + " in the original output, but "
                        + cts.treeDef() + " here.");
            }
            Array[] ctLeaves = Autodiff.arrays(cts.leaves().toArray());
            for (int i = 0; i < ctLeaves.length; i++) checkCotangent(ctLeaves[i].type(), outTypes.get(i));
            List<Array> seeds = new ArrayList<>(Tangents.zerosList(r.primalsOut().size()));
            for (int i = 0; i < ctLeaves.length; i++) seeds.set(i, ctLeaves[i]);
            List<Array> inCts = Transpose.backwardPass(r.linear(), seeds);
            List<Object> res = new ArrayList<>(leaves.length);
            for (int i = 0; i < leaves.length; i++) {
                Array c = inCts.get(i);
                res.add(c != null ? c : Tangents.zeros(Tangents.tangentType(leaves[i].type())));
            }
            return Tree.unflatten(in.treeDef(), res);
        };
        return new TreeVjpResult<>(Tree.unflatten(shape.out, outs), pullback, aux);
    }

    /**
     * {@code jax.linearize(f, *primals, has_aux=hasAux)} of a function of pytrees: the value, the
     * linear map from tangents (one per primal, of its structure, shapes and tangent dtypes) to the
     * value's tangent, and the aux.
     */
    static TreeLinearized linearize(FnN f, boolean hasAux, Object[] primals) {
        Tree.Flat in = Tree.flatten(Arrays.asList(primals));
        Array[] leaves = Autodiff.arrays(in.leaves().toArray());
        OutShape shape = new OutShape();
        Linearize.Result r = Linearize.linearize(xs -> call(f, hasAux, in.treeDef(), xs, shape), Arrays.asList(leaves));
        int numOut = shape.numOut;
        TreeDef outDef = shape.out;
        Object aux = hasAux ? Autodiff.unflatten(shape.aux, r.primalsOut().subList(numOut, r.primalsOut().size()).iterator())
                : null;
        FnN linear = ts -> {
            Tree.Flat tf = Tree.flatten(Arrays.asList(ts));
            if (!tf.treeDef().equals(in.treeDef())) {
                throw new IllegalArgumentException("expected " + pyTreeDef(in.treeDef()) + ", got " + pyTreeDef(tf.treeDef()));
            }
            Array[] tl = Autodiff.arrays(tf.leaves().toArray());
            for (int i = 0; i < tl.length; i++) {
                ArrayType want = Tangents.tangentType(leaves[i].type()), got = tl[i].type();
                if (got.dtype() != want.dtype() || !got.shape().equals(want.shape())) {
                    throw new IllegalArgumentException("linearized function called on tangent values inconsistent with the"
                            + " original primal values:\nGot tangent aval " + aval(got) + " for primal aval "
                            + aval(leaves[i].type()) + " but expected " + aval(want.withWeakType(leaves[i].weakType())) + ".");
                }
            }
            return Tree.unflatten(outDef, r.apply(Arrays.asList(tl)).subList(0, numOut));
        };
        return new TreeLinearized(Tree.unflatten(outDef, r.primalsOut().subList(0, numOut)), linear, aux);
    }

    /** JAX's {@code str(aval)}: {@code float32[3]}, {@code ~float32[]} for a weak type. */
    static String aval(ArrayType t) { return (t.weakType() ? "~" : "") + strShort(t); }

    /** {@code jax.vjp(f, *primals, has_aux=True)} of a function of arrays returning {@link WithAux}. */
    static VjpAuxResult vjpWithAux(FnAux f, Array[] primals) {
        TreeVjpResult<Object, List<Object>> r = vjp(xs -> f.apply(Autodiff.arrays(xs)), true, primals);
        Array out = (Array) r.primal();
        return new VjpAuxResult(out, ct -> r.pullback().apply(ct).stream().map(Array.class::cast).toList(), r.aux());
    }

    /** {@code jax.jvp(f, primals, tangents, has_aux=hasAux)} of a function of pytrees. */
    static TreeJvpResult<Object> jvp(FnN f, boolean hasAux, Object[] primals, Object[] tangents) {
        Tree.Flat ps = Tree.flatten(Arrays.asList(primals));
        Tree.Flat ts = Tree.flatten(Arrays.asList(tangents));
        if (!ps.treeDef().equals(ts.treeDef())) {
            throw new IllegalArgumentException("primal and tangent arguments to jax.jvp must have the same tree structure;"
                    + " primals have tree structure " + pyTreeDef(ps.treeDef()) + " whereas tangents have tree structure "
                    + pyTreeDef(ts.treeDef()) + ".");
        }
        Array[] pLeaves = Autodiff.arrays(ps.leaves().toArray());
        Array[] tLeaves = Autodiff.arrays(ts.leaves().toArray());
        OutShape shape = new OutShape();
        JvpInterpreter.Result r = Autodiff.jvpMulti(xs -> call(f, hasAux, ps.treeDef(), Arrays.asList(xs), shape),
                pLeaves, tLeaves);
        List<Array> outs = r.primalsOut().subList(0, shape.numOut);
        List<Array> tOut = new ArrayList<>(shape.numOut);
        for (int i = 0; i < shape.numOut; i++) {
            Array t = r.tangentsOut().get(i);
            tOut.add(t != null ? t : Tangents.zeros(Tangents.tangentType(outs.get(i).type())));
        }
        Object aux = hasAux ? Autodiff.unflatten(shape.aux, r.primalsOut().subList(shape.numOut, r.primalsOut().size()).iterator())
                : null;
        return new TreeJvpResult<>(Tree.unflatten(shape.out, outs), Tree.unflatten(shape.out, tOut), aux);
    }

    /** Calls {@code f} on the arguments rebuilt from {@code xs}; returns the output's leaves, then the aux's arrays. */
    private static List<Array> call(FnN f, boolean hasAux, TreeDef in, List<Array> xs, OutShape shape) {
        List<Object> args = Tree.unflatten(in, xs);
        return call(f, hasAux, args.toArray(), shape);
    }

    /** Calls {@code f} on {@code args}; returns the output's leaves, then the aux's arrays. */
    static List<Array> call(FnN f, boolean hasAux, Object[] args, OutShape shape) {
        Object ans = f.apply(args);
        Object out = ans;
        Object aux = null;
        if (hasAux) {
            switch (ans) {
                case WithAux w -> { out = w.out(); aux = w.aux(); }
                case List<?> l when l.size() == 2 -> { out = l.get(0); aux = l.get(1); }
                case Object[] a when a.length == 2 -> { out = a[0]; aux = a[1]; }
                case null, default -> throw new IllegalArgumentException("expected function with aux output to return a"
                        + " two-element tuple, but got type " + (ans == null ? "null" : ans.getClass().getName())
                        + " with value " + ans);
            }
        }
        Tree.Flat flat = Tree.flatten(out);
        List<Array> res = new ArrayList<>(Arrays.asList(outputLeaves(flat.leaves())));
        shape.out = flat.treeDef();
        shape.numOut = res.size();
        shape.aux = aux;
        Autodiff.flatten(aux, res);
        return res;
    }

    /** The output's leaves as arrays (Java scalars converted), JAX's wording for anything else. */
    private static Array[] outputLeaves(List<Object> leaves) {
        Array[] out = new Array[leaves.size()];
        for (int i = 0; i < out.length; i++) {
            Object leaf = leaves.get(i);
            out[i] = switch (leaf) {
                case Array a -> a;
                case Number n -> dev.jaxvm.numpy.Jnp.asarray(n);
                case Boolean b -> dev.jaxvm.numpy.Jnp.asarray(b);
                default -> throw new IllegalArgumentException("Value " + leaf + " of type " + leaf.getClass().getName()
                        + " is not a valid JAX type");
            };
        }
        return out;
    }

    /** JAX's {@code _vjp_check_ct_avals}: a cotangent must have its output's tangent type (float0 always allowed). */
    static void checkCotangent(ArrayType ct, ArrayType out) {
        ArrayType want = Tangents.tangentType(out);
        boolean same = ct.dtype() == want.dtype() && ct.shape().equals(want.shape());
        boolean float0 = ct.dtype() == DType.FLOAT0 && ct.shape().equals(want.shape());
        if (!same && !float0) {
            throw new IllegalArgumentException("unexpected JAX type (e.g. shape/dtype) for argument to VJP function: got "
                    + strShort(ct) + ", but expected " + strShort(want) + " because the corresponding output of the"
                    + " differentiated function had JAX type " + strShort(out));
        }
    }

    /** JAX's {@code aval.str_short()}: {@code float32[2,3]}, weak type not shown. */
    static String strShort(ArrayType t) { return t.dtype().numpyName() + "[" + t.shape().toTypeString() + "]"; }

    /** A structure as JAX prints the tuple of arguments: {@code PyTreeDef((*, [*, *]))}. */
    static String pyTreeDef(TreeDef args) {
        StringJoiner j = new StringJoiner(", ", "PyTreeDef((", args.children().size() == 1 ? ",))" : "))");
        for (TreeDef c : args.children()) j.add(c.toString());
        return j.toString();
    }
}
