package dev.jaxvm;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Py;
import dev.jaxvm.lax.Tangents;
import dev.jaxvm.transform.JvpInterpreter;
import dev.jaxvm.transform.Linearize;
import dev.jaxvm.transform.Transpose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The argument handling and checks behind {@link Jax}'s differentiation API, with JAX's error messages. */
final class Autodiff {
    private Autodiff() {}

    /** A function of arrays to one array, the form the functions below work on. */
    interface ArrayFn {
        Array apply(Array[] xs);
    }

    /** {@code f} as an {@link ArrayFn}: its result must be an array. */
    static ArrayFn of(FnN f) {
        return xs -> result(f.apply((Object[]) xs));
    }

    /** A differentiated function's result as an array: arrays and Java scalars only (JAX's _check_scalar wording). */
    static Array result(Object out) {
        return switch (out) {
            case Array a -> a;
            case Number n -> dev.jaxvm.numpy.Jnp.asarray(n);
            case Boolean b -> dev.jaxvm.numpy.Jnp.asarray(b);
            case null -> throw new IllegalArgumentException("Gradient only defined for scalar-output functions. Output was"
                    + " null.");
            default -> throw new IllegalArgumentException("Gradient only defined for scalar-output functions. Output was "
                    + out + ".");
        };
    }

    /** Java arguments as arrays: arrays pass through, Java scalars and arrays become jaxvm arrays. */
    static Array[] arrays(Object... xs) {
        Array[] out = new Array[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = switch (xs[i]) {
                case Array a -> a;
                case Number n -> dev.jaxvm.numpy.Jnp.asarray(n);
                case Boolean b -> dev.jaxvm.numpy.Jnp.asarray(b);
                case null -> throw new IllegalArgumentException("Argument 'null' is not a valid JAX type.");
                default -> {
                    if (xs[i].getClass().isArray()) yield dev.jaxvm.numpy.Jnp.asarray(xs[i]);
                    throw new IllegalArgumentException("Argument '" + xs[i] + "' of type " + xs[i].getClass().getName()
                            + " is not a valid JAX type.");
                }
            };
        }
        return out;
    }

    static JvpResult jvp(ArrayFn f, Array[] primals, Array[] tangents) {
        JvpInterpreter.Result r = jvpMulti(xs -> List.of(f.apply(xs)), primals, tangents);
        Array out = r.primalsOut().getFirst();
        Array t = r.tangentsOut().getFirst();
        return new JvpResult(out, t != null ? t : Tangents.zeros(Tangents.tangentType(out.type())));
    }

    static JvpInterpreter.Result jvpMulti(Function<Array[], List<Array>> f, Array[] primals, Array[] tangents) {
        if (primals.length != tangents.length) {
            throw new IllegalArgumentException("primal and tangent arguments to jax.jvp must have the same tree structure;"
                    + " primals have " + primals.length + " arguments, tangents have " + tangents.length + ".");
        }
        for (int i = 0; i < primals.length; i++) {
            ArrayType p = primals[i].type(), t = tangents[i].type();
            if (Tangents.tangentType(p).dtype() != t.dtype()) {
                throw new IllegalArgumentException("primal and tangent arguments to jax.jvp do not match; dtypes must be equal,"
                        + " or in case of int/bool primal dtype the tangent dtype must be float0.Got primal dtype "
                        + p.dtype() + " and so expected tangent dtype " + Tangents.tangentType(p).dtype()
                        + ", but got tangent dtype " + t.dtype() + " instead.");
            }
            if (!p.shape().equals(t.shape())) {
                throw new IllegalArgumentException("jvp called with different primal and tangent shapes;Got primal shape "
                        + p.shape() + " and tangent shape as " + t.shape());
            }
        }
        return JvpInterpreter.jvp(xs -> f.apply(xs.toArray(Array[]::new)), Arrays.asList(primals), Arrays.asList(tangents));
    }

    static JvpAuxResult jvpWithAux(FnAux f, Array[] primals, Array[] tangents) {
        Object[] auxShape = new Object[1];
        JvpInterpreter.Result r = jvpMulti(xs -> {
            WithAux w = f.apply(xs);
            auxShape[0] = w.aux();
            List<Array> outs = new ArrayList<>();
            outs.add(w.out());
            flatten(w.aux(), outs);
            return outs;
        }, primals, tangents);
        Array out = r.primalsOut().getFirst();
        Array t = r.tangentsOut().getFirst();
        Object aux = unflatten(auxShape[0], r.primalsOut().subList(1, r.primalsOut().size()).iterator());
        return new JvpAuxResult(out, t != null ? t : Tangents.zeros(Tangents.tangentType(out.type())), aux);
    }

    static VjpResult vjp(ArrayFn f, Array[] primals) {
        Linearize.Result r = Linearize.linearize(xs -> List.of(f.apply(xs.toArray(Array[]::new))), Arrays.asList(primals));
        Array out = r.primalsOut().getFirst();
        return new VjpResult(out, ct -> pullback(r, primals, out, ct));
    }

    private static List<Array> pullback(Linearize.Result r, Array[] primals, Array out, Array ct) {
        TreeAutodiff.checkCotangent(ct.type(), out.type());
        List<Array> cts = Transpose.backwardPass(r.linear(), List.of(ct));
        List<Array> res = new ArrayList<>(cts.size());
        for (int i = 0; i < cts.size(); i++) {
            Array c = cts.get(i);
            res.add(c != null ? c : Tangents.zeros(Tangents.tangentType(primals[i].type())));
        }
        return res;
    }

    static GradResult valueAndGrad(String name, FnAux f, GradOptions o, Array[] args) {
        int[] argnums = resolveArgnums(o.argnums(), args.length);
        List<Array> primals = new ArrayList<>(argnums.length);
        for (int a : argnums) {
            checkInputDType(name, o.allowInt(), args[a]);
            primals.add(args[a]);
        }
        Object[] auxShape = new Object[1];
        Function<List<Array>, List<? extends Array>> g = xs -> {
            Array[] full = args.clone();
            for (int k = 0; k < argnums.length; k++) full[argnums[k]] = xs.get(k);
            WithAux w = f.apply(full);
            if (w == null || w.out() == null) {
                throw new IllegalArgumentException("Gradient only defined for scalar-output functions. Output was null.");
            }
            List<Array> outs = new ArrayList<>();
            outs.add(w.out());
            auxShape[0] = w.aux();
            flatten(w.aux(), outs);
            return outs;
        };
        Linearize.Result r = Linearize.linearize(g, primals);
        Array out = r.primalsOut().getFirst();
        checkScalar(out);
        if (!out.dtype().isFloating()) {
            throw new IllegalArgumentException(name + " requires real-valued outputs (output dtype that is a sub-dtype of"
                    + " np.floating), but got " + out.dtype() + ".");
        }
        List<Array> seeds = new ArrayList<>(Tangents.zerosList(r.primalsOut().size()));
        seeds.set(0, DenseArray.scalar(out.dtype(), out.weakType(), 1));
        List<Array> cts = Transpose.backwardPass(r.linear(), seeds);
        List<Array> grads = new ArrayList<>(argnums.length);
        for (int k = 0; k < argnums.length; k++) {
            Array c = cts.get(k);
            grads.add(c != null ? c : Tangents.zeros(Tangents.tangentType(primals.get(k).type())));
        }
        Object aux = o.hasAux() ? unflatten(auxShape[0], r.primalsOut().subList(1, r.primalsOut().size()).iterator()) : null;
        return new GradResult(out, grads, aux);
    }

    /** {@code value_and_grad} of a function of one pytree: every leaf is differentiated. */
    @SuppressWarnings("unchecked")
    static <P> ValueAndGrad<P> valueAndGradTree(Function<P, ?> f, P tree) {
        dev.jaxvm.tree.Tree.Flat flat = dev.jaxvm.tree.Tree.flatten(tree);
        Array[] leaves = arrays(flat.leaves().toArray());
        int[] all = new int[leaves.length];
        for (int i = 0; i < all.length; i++) all[i] = i;
        ArrayFn g = xs -> result(f.apply(dev.jaxvm.tree.Tree.unflatten(flat.treeDef(), Arrays.asList(xs))));
        GradResult r = valueAndGrad("grad", xs -> new WithAux(g.apply(xs), null), GradOptions.argnums(all), leaves);
        return new ValueAndGrad<>(r.value(), dev.jaxvm.tree.Tree.unflatten(flat.treeDef(), r.grads()));
    }

    static int[] resolveArgnums(List<Integer> argnums, int n) {
        int[] out = new int[argnums.size()];
        for (int k = 0; k < out.length; k++) {
            int a = argnums.get(k);
            if (a >= n) {
                throw new IllegalArgumentException("differentiating with respect to argnums=" + Py.str(a) + " requires at"
                        + " least " + (a + 1) + " positional arguments to be passed by the caller, but got only " + n
                        + " positional arguments.");
            }
            if (a < -n) {
                throw new IllegalArgumentException("Positional argument indices, e.g. for `static_argnums`, must have value"
                        + " greater than or equal to -len(args) and less than len(args), but got value " + a
                        + " for len(args) == " + n + ".");
            }
            out[k] = a < 0 ? a + n : a;
        }
        return out;
    }

    static void checkInputDType(String name, boolean allowInt, Array x) {
        DType t = x.dtype();
        if ((t.isInteger() || t == DType.BOOL) && !allowInt) {
            throw new IllegalArgumentException(name + " requires real- or complex-valued inputs (input dtype that is a"
                    + " sub-dtype of np.inexact), but got " + t + ". If you want to use Boolean- or integer-valued inputs,"
                    + " use vjp or set allow_int to True.");
        }
    }

    static void checkScalar(Array out) {
        int[] s = out.shape();
        if (s.length == 0) return;
        String hint = out.size() == 1
                ? " To get the gradient, extract the scalar with output.reshape(())" + (s.length == 1 ? " or output[0]" : "")
                        + ", reduce the output to a scalar with output.sum(), or use jax.jacobian to differentiate a"
                        + " function with a non-scalar output."
                : " To get the gradient, reduce the output to a scalar with output.sum(), or use jax.jacobian to"
                        + " differentiate a function with a non-scalar output.";
        throw new IllegalArgumentException("Gradient only defined for scalar-output functions. Output had shape: "
                + Py.tuple(s) + "." + hint);
    }

    /** The array leaves of the auxiliary pytree (JAX returns aux with its tracers' primal values). */
    static void flatten(Object aux, List<Array> out) {
        for (Object leaf : dev.jaxvm.tree.Tree.leaves(aux)) if (leaf instanceof Array a) out.add(a);
    }

    static Object unflatten(Object aux, java.util.Iterator<Array> values) {
        dev.jaxvm.tree.Tree.Flat flat = dev.jaxvm.tree.Tree.flatten(aux);
        List<Object> leaves = new ArrayList<>();
        for (Object leaf : flat.leaves()) leaves.add(leaf instanceof Array ? values.next() : leaf);
        return dev.jaxvm.tree.Tree.unflatten(flat.treeDef(), leaves);
    }
}
