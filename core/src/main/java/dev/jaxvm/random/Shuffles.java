package dev.jaxvm.random;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Index;
import dev.jaxvm.Jax;
import dev.jaxvm.JitFnN;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.util.Arrays;
import java.util.List;

/**
 * The sort-based samplers: {@code shuffle} and {@code permutation} (JAX's repeated stable sorts by
 * random 32-bit keys), {@code choice} and {@code categorical}.
 */
final class Shuffles {
    private Shuffles() {}

    /** JAX's {@code _shuffle}: {@code ceil(3 ln(size) / ln(2^32 - 1))} rounds of sorting {@code x} along {@code axis}. */
    static Array shuffle(Array key, Array x, int axis) { return SHUFFLE.call(key, x, axis); }

    /** JAX's {@code _shuffle}, jitted with a static axis. */
    private static final JitFnN SHUFFLE = Jax.jitN(a -> shuffleBody((Array) a[0], (Array) a[1], (Integer) a[2]))
            .named("_shuffle").staticArgnums(2);

    private static Array shuffleBody(Array key, Array x, int axis) {
        int rounds = (int) Math.ceil(3 * Math.log(Math.max(1, x.size())) / Math.log(4294967295.0));
        for (int r = 0; r < rounds; r++) {
            Array[] k = Gammas.split2(key);
            key = k[0];
            Array sortKeys = Threefry.randomBits(k[1], 32, x.shape());
            x = Lax.sort(List.of(sortKeys, x), axis, true, 1).get(1);
        }
        return x;
    }

    /** {@code permutation(key, n)}: a shuffled {@code arange(n)}. */
    static Array permutation(Array key, int n) {
        return shuffle(key, Lax.iota(DType.defaultInt(), n), 0);
    }

    /** {@code permutation(key, x, axis, independent)}. */
    static Array permutation(Array key, Array x, int axis, boolean independent) {
        if (x.ndim() == 0) throw new IllegalArgumentException("x must be an integer or at least 1-dimensional");
        axis = canonicalAxis(axis, x.ndim());
        if (independent || x.ndim() == 1) return shuffle(key, x, axis);
        Array ind = shuffle(key, Lax.iota(DType.defaultInt(), x.shape()[axis]), 0);
        return take(x, ind, axis);
    }

    static int canonicalAxis(int axis, int ndim) {
        if (axis < -ndim || axis >= ndim) {
            throw new IllegalArgumentException("axis " + axis + " is out of bounds for array of dimension " + ndim);
        }
        return axis < 0 ? axis + ndim : axis;
    }

    /** {@code jnp.take(x, ind, axis)}: NumPy integer-array indexing along one axis. */
    static Array take(Array x, Array ind, int axis) {
        Object[] index = new Object[axis + 1];
        Arrays.fill(index, Index.ALL);
        index[axis] = ind;
        return x.get(index);
    }

    /**
     * {@code choice(key, a, shape, replace, p, axis)}; {@code a} is an int population size when
     * {@code arr} is null.
     */
    static Array choice(Array key, int n, Array arr, int[] shape, boolean replace, Array p, int axis) {
        if (arr != null) {
            axis = canonicalAxis(axis, arr.ndim());
            n = arr.shape()[axis];
        }
        int draws = Threefry.size(shape);
        if (draws == 0) return Jnp.zeros(shape, arr == null ? DType.defaultInt() : arr.dtype());
        if (n <= 0) throw new IllegalArgumentException("a must be greater than 0 unless no samples are taken");
        if (!replace && draws > n) {
            throw new IllegalArgumentException("Cannot take a larger sample (size " + draws + ") than population (size "
                    + n + ") when 'replace=False'");
        }
        Array result;
        if (p == null) {
            if (replace) {
                Array ind = Integers.randint(key, shape, 0, n, null);
                result = arr == null ? ind : take(arr, ind, axis);
            } else {
                Array perm = arr == null ? permutation(key, n) : permutation(key, arr, axis, false);
                int[] start = new int[perm.ndim()];
                int[] limit = perm.shape();
                limit[arr == null ? 0 : axis] = draws;
                result = Lax.slice(perm, start, limit, null);
            }
        } else {
            if (!p.dtype().isFloating()) p = Lax.convertElementType(p, DType.defaultFloat(), false);
            if (!Arrays.equals(p.shape(), new int[] {n})) {
                throw new IllegalArgumentException("p must be None or a 1D vector with the same size as a.shape[axis]. p has"
                        + " shape " + Arrays.toString(p.shape()) + " and a.shape[axis] is " + n + ".");
            }
            Array ind;
            if (replace) {
                Array cuml = Lax.cumsum(p, 0, false);
                Array last = Lax.reshape(Lax.slice(cuml, new int[] {n - 1}, new int[] {n}, null));
                Array u = Uniforms.uniform(key, shape, p.dtype(), 0.0, 1.0);
                Array r = Lax.mul(last, Lax.sub(Uniforms.constant(1, p.dtype()), u));
                ind = Jnp.searchsorted(cuml, r).astype(DType.defaultInt());
            } else {
                Array g = Lax.add(Transforms.gumbel(key, new int[] {n}, p.dtype()), Lax.log(p));
                ind = Lax.topK(g, draws).get(1).astype(DType.defaultInt());
            }
            result = arr == null ? ind : take(arr, ind, axis);
        }
        if (arr == null) return result.reshape(shape);
        int[] s = arr.shape();
        int[] out = new int[s.length - 1 + shape.length];
        System.arraycopy(s, 0, out, 0, axis);
        System.arraycopy(shape, 0, out, axis, shape.length);
        System.arraycopy(s, axis + 1, out, axis + shape.length, s.length - axis - 1);
        return result.reshape(out);
    }

    /**
     * {@code categorical(key, logits, axis, shape, replace)}: with replacement the argmax of
     * Gumbel-perturbed logits, without replacement the Gumbel top-k.
     */
    static Array categorical(Array key, Array logits, int axis, int[] shape, boolean replace) {
        int nd = logits.ndim();
        axis = canonicalAxis(axis, nd);
        int[] ls = logits.shape();
        int[] batch = new int[nd - 1];
        for (int i = 0, j = 0; i < nd; i++) if (i != axis) batch[j++] = ls[i];
        if (shape == null) shape = batch;
        if (shape.length < batch.length || !Arrays.equals(Arrays.copyOfRange(shape, shape.length - batch.length,
                shape.length), batch)) {
            throw new IllegalArgumentException("categorical: shape " + Arrays.toString(shape)
                    + " is not compatible with the logits' batch shape " + Arrays.toString(batch));
        }
        int prefix = shape.length - batch.length;
        if (!logits.dtype().isFloating()) logits = Lax.convertElementType(logits, DType.defaultFloat(), false);
        if (!replace) {
            Array l = Lax.add(logits, Transforms.gumbel(key, ls, logits.dtype()));
            int k = Threefry.size(Arrays.copyOf(shape, prefix));
            if (k > ls[axis]) {
                throw new IllegalArgumentException("Number of samples without replacement (" + k
                        + ") cannot exceed number of categories (" + ls[axis] + ").");
            }
            Array idx = Lax.topK(Jnp.moveaxis(l, axis, -1), k).get(1);
            int[] perm = new int[idx.ndim()];
            perm[0] = idx.ndim() - 1;
            for (int i = 1; i < perm.length; i++) perm[i] = i - 1;
            return Lax.reshape(Lax.transpose(idx, perm), shape);
        }
        int[] gshape = new int[prefix + nd];
        System.arraycopy(shape, 0, gshape, 0, prefix);
        for (int i = 0, j = 0; i < nd; i++) gshape[prefix + i] = i == axis ? ls[axis] : batch[j++];
        Array g = Transforms.gumbel(key, gshape, logits.dtype());
        int[] dims = new int[nd];
        for (int i = 0; i < nd; i++) dims[i] = prefix + i;
        // jnp's broadcasting: nothing staged when the shapes already agree
        Array expanded = Arrays.equals(gshape, ls) ? logits : Lax.broadcastInDim(logits, gshape, dims);
        return Lax.argmax(Lax.add(g, expanded), prefix + axis, DType.INT32);
    }
}
