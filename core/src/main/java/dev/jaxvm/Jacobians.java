package dev.jaxvm;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.Tangents;
import dev.jaxvm.transform.Vmap;
import java.util.Arrays;
import java.util.List;

/**
 * {@code jacfwd} and {@code jacrev} as JAX builds them: the JVP (forward) or the pullback (reverse)
 * mapped with {@code vmap} over the standard basis, so the whole Jacobian is one batched computation.
 */
final class Jacobians {
    private Jacobians() {}

    /** The Jacobian of {@code f} with respect to argument {@code argnum}, shaped {@code out.shape + x.shape}. */
    static Array jacfwd(Autodiff.ArrayFn f, int argnum, Array[] args) {
        int a = Autodiff.resolveArgnums(List.of(argnum), args.length)[0];
        Autodiff.checkInputDType("jacfwd", false, args[a]);
        Array x = args[a];
        Array[] tangents = new Array[args.length];
        for (int i = 0; i < args.length; i++) tangents[i] = Tangents.zeros(Tangents.tangentType(args[i].type()));
        if (x.size() == 0) return empty(f.apply(args), x);
        // the primal is the same for every basis vector: unbatched (out axis None); tangents stack last
        List<Array> outs = Vmap.call(ts -> {
            Array[] t = tangents.clone();
            t[a] = ts.getFirst();
            JvpResult r = Autodiff.jvp(f, args, t);
            return List.of(r.primal(), r.tangent());
        }, List.of(basis(Tangents.tangentType(x.type()))), List.of(0), Arrays.asList(null, -1), null, null, null);
        Array out = outs.get(0);
        return Lax.reshape(outs.get(1), concat(out.shape(), x.shape()));
    }

    /** The Jacobian of {@code f} with respect to argument {@code argnum}, by reverse mode. */
    static Array jacrev(Autodiff.ArrayFn f, int argnum, Array[] args) {
        int a = Autodiff.resolveArgnums(List.of(argnum), args.length)[0];
        Autodiff.checkInputDType("jacrev", false, args[a]);
        Array x = args[a];
        VjpResult r = Autodiff.vjp(f, args);
        Array out = r.primal();
        if (out.size() == 0) return empty(out, x);
        Array rows = Vmap.call(cts -> List.of(r.pullback().apply(cts.getFirst()).get(a)),
                List.of(basis(Tangents.tangentType(out.type()))), List.of(0), List.of(0), null, null, null).getFirst();
        return Lax.reshape(rows, concat(out.shape(), x.shape()));
    }

    /** The standard basis of arrays of type {@code t}: shape {@code (t.size,) + t.shape}, one one-hot per row. */
    private static Array basis(ArrayType t) {
        int n = t.size();
        Object data = Storage.allocate(t.dtype(), n * n);
        for (int k = 0; k < n; k++) Storage.setDouble(t.dtype(), data, k * n + k, 1);
        int[] s = concat(new int[] {n}, t.shape().dims());
        return DenseArray.wrap(t.withShape(new Shape(s)), data);
    }

    private static Array empty(Array out, Array x) {
        return Tangents.zeros(Tangents.tangentType(out.type()).withShape(new Shape(concat(out.shape(), x.shape()))));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] s = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, s, a.length, b.length);
        return s;
    }
}
