package dev.jaxvm;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.Tangents;
import dev.jaxvm.transform.JvpInterpreter;
import dev.jaxvm.transform.Linearize;
import dev.jaxvm.transform.Transpose;
import dev.jaxvm.transform.Vmap;
import dev.jaxvm.tree.Tree;
import dev.jaxvm.tree.TreeDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code jacfwd} and {@code jacrev} of functions of pytrees, as JAX builds them: the JVP (or the
 * pullback) mapped with {@code vmap} over the standard basis of all input (output) leaves at once.
 * The Jacobian has the output's structure, each output leaf holding a tree of the differentiated
 * argument's structure (a list of those for several argnums) whose leaves have shape
 * {@code out_leaf.shape + in_leaf.shape}.
 */
final class TreeJacobians {
    private TreeJacobians() {}

    /** {@code jax.jacfwd(f, argnums, has_aux)(*args)}: the Jacobian, or {@code [jacobian, aux]} with hasAux. */
    static Object jacfwd(FnN f, GradOptions o, Object[] args) {
        TreeGrad.Inputs in = TreeGrad.inputs("jacfwd", o.argnums(), false, true, args);
        List<Array> xs = in.leaves();
        int n = totalSize(xs);
        TreeAutodiff.OutShape shape = new TreeAutodiff.OutShape();
        Array[] primals = xs.toArray(Array[]::new);
        List<Array> res;
        if (n == 0) {   // nothing to map over: one JVP with empty tangents gives the outputs' types
            res = jvp(f, o, args, in, shape, primals, zeroTangents(xs));
        } else {
            res = Vmap.call(ts -> jvp(f, o, args, in, shape, primals, ts.toArray(Array[]::new)), basis(xs), zeros(xs.size()),
                    k -> outAxes(k, shape.numOut), null, null, null);
        }
        int numOut = shape.numOut;
        int total = res.size() - numOut;  // outputs and aux first (unbatched), then the output tangents
        List<Object> perOut = new ArrayList<>(numOut);
        for (int j = 0; j < numOut; j++) {
            Array out = res.get(j);
            List<Array> blocks = new ArrayList<>(xs.size());
            for (int i = 0, off = 0; i < xs.size(); off += xs.get(i).size(), i++) {
                Array x = xs.get(i);
                ArrayType jt = Tangents.tangentType(out.type()).withShape(new Shape(concat(out.shape(), x.shape())));
                if (n == 0 || x.size() == 0) {
                    blocks.add(Tangents.zeros(jt));
                    continue;
                }
                Array t = res.get(total + j);   // out.shape + (n,)
                int r = t.ndim();
                int[] start = new int[r], limit = t.shape();
                start[r - 1] = off;
                limit[r - 1] = off + x.size();
                blocks.add(like(Lax.reshape(Lax.slice(t, start, limit, null), jt.shape().dims()), out));
            }
            perOut.add(in.split(blocks));
        }
        return finish(o, shape, perOut, res.subList(numOut, total));
    }

    /** One JVP: the outputs and aux leaves, then the output leaves' tangents. */
    private static List<Array> jvp(FnN f, GradOptions o, Object[] args, TreeGrad.Inputs in, TreeAutodiff.OutShape shape,
            Array[] primals, Array[] tangents) {
        JvpInterpreter.Result r = Autodiff.jvpMulti(
                ys -> TreeAutodiff.call(f, o.hasAux(), in.rebuild(args, Arrays.asList(ys)), shape), primals, tangents);
        List<Array> out = new ArrayList<>(r.primalsOut());
        for (int j = 0; j < shape.numOut; j++) {
            Array t = r.tangentsOut().get(j);
            out.add(t != null ? t : Tangents.zeros(Tangents.tangentType(r.primalsOut().get(j).type())));
        }
        return out;
    }

    private static Vmap.OutAxes outAxes(int count, int numOut) {
        int unbatched = count - numOut;
        List<Integer> axes = new ArrayList<>(count);
        List<String> paths = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            axes.add(k < unbatched ? null : -1);
            paths.add("[" + k + "]");
        }
        return new Vmap.OutAxes(axes, paths);
    }

    /** {@code jax.jacrev(f, argnums, has_aux, allow_int)(*args)}: the Jacobian, or {@code [jacobian, aux]} with hasAux. */
    static Object jacrev(FnN f, GradOptions o, Object[] args) {
        TreeGrad.Inputs in = TreeGrad.inputs("jacrev", o.argnums(), o.allowInt(), false, args);
        List<Array> xs = in.leaves();
        TreeAutodiff.OutShape shape = new TreeAutodiff.OutShape();
        Linearize.Result r = Linearize.linearize(ys -> TreeAutodiff.call(f, o.hasAux(), in.rebuild(args, ys), shape), xs);
        int numOut = shape.numOut, all = r.primalsOut().size();
        List<Array> outs = r.primalsOut().subList(0, numOut);
        for (Array out : outs) {
            if (!out.dtype().isFloating()) {
                throw new IllegalArgumentException("jacrev requires real-valued outputs (output dtype that is a sub-dtype of"
                        + " np.floating), but got " + out.dtype() + ". For differentiation of functions with integer"
                        + " outputs, use jax.vjp directly.");
            }
        }
        int m = totalSize(outs);
        List<Array> rows = m == 0 ? null : Vmap.call(cts -> {
            List<Array> seeds = new ArrayList<>(Tangents.zerosList(all));
            for (int j = 0; j < numOut; j++) seeds.set(j, cts.get(j));
            List<Array> back = Transpose.backwardPass(r.linear(), seeds);
            List<Array> res = new ArrayList<>(xs.size());
            for (int i = 0; i < xs.size(); i++) {
                Array c = back.get(i);
                res.add(c != null ? c : Tangents.zeros(Tangents.tangentType(xs.get(i).type())));
            }
            return res;
        }, basis(outs), zeros(numOut), List.of(0), null, null, null);
        List<Object> perOut = new ArrayList<>(numOut);
        for (int j = 0, off = 0; j < numOut; off += outs.get(j).size(), j++) {
            Array out = outs.get(j);
            List<Array> blocks = new ArrayList<>(xs.size());
            for (int i = 0; i < xs.size(); i++) {
                Array x = xs.get(i);
                ArrayType ct = Tangents.tangentType(x.type());
                ArrayType jt = ct.withShape(new Shape(concat(out.shape(), x.shape())));
                if (rows == null || out.size() == 0 || !Tangents.isDifferentiable(x.type())) {
                    blocks.add(Tangents.zeros(jt));
                    continue;
                }
                Array c = rows.get(i);   // (m,) + x.shape
                int[] start = new int[c.ndim()], limit = c.shape();
                start[0] = off;
                limit[0] = off + out.size();
                blocks.add(like(Lax.reshape(Lax.slice(c, start, limit, null), jt.shape().dims()), x));
            }
            perOut.add(in.split(blocks));
        }
        return finish(o, shape, perOut, r.primalsOut().subList(numOut, all));
    }

    /**
     * A Jacobian block with the dtype and weak type of {@code example} (JAX's {@code _possible_downcast}:
     * jacfwd's blocks follow their output leaf, jacrev's their input leaf), for floating examples.
     */
    private static Array like(Array block, Array example) {
        if (!example.dtype().isFloating()
                || (block.dtype() == example.dtype() && block.weakType() == example.weakType())) {
            return block;
        }
        return Lax.convertElementType(block, example.dtype(), example.weakType());
    }

    /** The Jacobian with the output's structure, and the aux with hasAux. */
    private static Object finish(GradOptions o, TreeAutodiff.OutShape shape, List<Object> perOut, List<Array> auxLeaves) {
        Object jac = Tree.unflatten(shape.out, perOut);
        if (!o.hasAux()) return jac;
        return Arrays.asList(jac, Autodiff.unflatten(shape.aux, auxLeaves.iterator()));
    }

    /** The standard basis of all of {@code leaves} together: leaf i gets shape {@code (n,) + leaf.shape}. */
    private static List<Array> basis(List<Array> leaves) {
        int n = totalSize(leaves);
        List<Array> out = new ArrayList<>(leaves.size());
        int off = 0;
        for (Array x : leaves) {
            ArrayType t = Tangents.tangentType(x.type());
            int s = x.size();
            Object data = Storage.allocate(t.dtype(), n * s);
            if (t.dtype() != DType.FLOAT0) for (int k = 0; k < s; k++) Storage.setDouble(t.dtype(), data, (off + k) * s + k, 1);
            out.add(DenseArray.wrap(t.withShape(new Shape(concat(new int[] {n}, x.shape()))), data));
            off += s;
        }
        return out;
    }

    private static Array[] zeroTangents(List<Array> xs) {
        Array[] t = new Array[xs.size()];
        for (int i = 0; i < t.length; i++) t[i] = Tangents.zeros(Tangents.tangentType(xs.get(i).type()));
        return t;
    }

    private static List<Integer> zeros(int n) { return java.util.Collections.nCopies(n, 0); }

    private static int totalSize(List<Array> xs) {
        int n = 0;
        for (Array x : xs) n += x.size();
        return n;
    }

    static int[] concat(int[] a, int[] b) {
        int[] s = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, s, a.length, b.length);
        return s;
    }
}
