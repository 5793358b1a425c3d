package dev.jaxvm;

import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.Tangents;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jacfwd} and {@code jacrev}, built by looping over basis vectors and stacking the columns
 * (forward) or rows (reverse) of the Jacobian.
 */
// TODO(ad): once Jax.vmap lands, map the JVP / pullback over the basis instead of looping (as JAX does).
final class Jacobians {
    private Jacobians() {}

    /** The Jacobian of {@code f} with respect to argument {@code argnum}, shaped {@code out.shape + x.shape}. */
    static Array jacfwd(Autodiff.ArrayFn f, int argnum, Array[] args) {
        int a = Autodiff.resolveArgnums(List.of(argnum), args.length)[0];
        Autodiff.checkInputDType("jacfwd", false, args[a]);
        Array x = args[a];
        Array[] tangents = new Array[args.length];
        for (int i = 0; i < args.length; i++) tangents[i] = Tangents.zeros(Tangents.tangentType(args[i].type()));
        List<Array> cols = new ArrayList<>(x.size());
        Array out = null;
        for (int k = 0; k < x.size(); k++) {
            tangents[a] = basis(x, k);
            JvpResult r = Autodiff.jvp(f, args, tangents);
            out = r.primal();
            cols.add(r.tangent());
        }
        if (out == null) out = f.apply(args);
        return assemble(cols, out.shape(), x.shape(), out, x, true);
    }

    /** The Jacobian of {@code f} with respect to argument {@code argnum}, by reverse mode. */
    static Array jacrev(Autodiff.ArrayFn f, int argnum, Array[] args) {
        int a = Autodiff.resolveArgnums(List.of(argnum), args.length)[0];
        Autodiff.checkInputDType("jacrev", false, args[a]);
        Array x = args[a];
        VjpResult r = Autodiff.vjp(f, args);
        Array out = r.primal();
        List<Array> rows = new ArrayList<>(out.size());
        for (int k = 0; k < out.size(); k++) rows.add(r.pullback().apply(basis(out, k)).get(a));
        return assemble(rows, out.shape(), x.shape(), out, x, false);
    }

    /** The one-hot array of {@code like}'s type with a one at flat index {@code k}. */
    private static Array basis(Array like, int k) {
        DenseArray z = DenseArray.zeros(like.type());
        Object data = z.buffer();
        dev.jaxvm.core.Storage.setDouble(like.dtype(), data, k, 1);
        return DenseArray.wrap(like.type(), data);
    }

    private static Array assemble(List<Array> parts, int[] outShape, int[] inShape, Array out, Array x, boolean columns) {
        int[] shape = new int[outShape.length + inShape.length];
        System.arraycopy(outShape, 0, shape, 0, outShape.length);
        System.arraycopy(inShape, 0, shape, outShape.length, inShape.length);
        if (parts.isEmpty()) return Tangents.zeros(out.type().withShape(new dev.jaxvm.core.Shape(shape)));
        Array stacked;
        if (columns) {
            List<Array> flatCols = new ArrayList<>(parts.size());
            for (Array c : parts) flatCols.add(Lax.reshape(c, out.size()));
            stacked = Lax.stack(flatCols, 1);                  // [out.size, x.size]
        } else {
            List<Array> flatRows = new ArrayList<>(parts.size());
            for (Array r : parts) flatRows.add(Lax.reshape(r, x.size()));
            stacked = Lax.stack(flatRows, 0);                  // [out.size, x.size]
        }
        return Lax.reshape(stacked, shape);
    }
}
