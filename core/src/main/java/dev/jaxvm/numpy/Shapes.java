package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.core.Py;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Shape functions of {@code Jnp}, lowered as {@code jnp} 0.10.2 lowers them. */
final class Shapes {
    private Shapes() {}

    static Array ravel(Object x) {
        Array a = Jnp.asarray(x);
        return Jnp.reshape(a, a.size());
    }

    static Array swapaxes(Object x, int axis1, int axis2) {
        Array a = Jnp.asarray(x);
        int r = a.ndim();
        int i = Axes.normalize("swapaxes", axis1, r), j = Axes.normalize("swapaxes", axis2, r);
        int[] perm = iota(r);
        perm[i] = j;
        perm[j] = i;
        return Jnp.transpose(a, perm);
    }

    static Array moveaxis(Object x, int[] source, int[] destination) {
        Array a = Jnp.asarray(x);
        int r = a.ndim();
        if (source.length != destination.length) {
            throw new IllegalArgumentException("moveaxis: Inconsistent number of elements: " + source.length + " vs "
                    + destination.length);
        }
        int[] src = new int[source.length], dst = new int[destination.length];
        for (int k = 0; k < src.length; k++) {
            src[k] = Axes.normalize("moveaxis", source[k], r);
            dst[k] = Axes.normalize("moveaxis", destination[k], r);
        }
        checkUnique("moveaxis", "source", src);
        checkUnique("moveaxis", "destination", dst);
        List<Integer> perm = new ArrayList<>();
        for (int i = 0; i < r; i++) if (!contains(src, i)) perm.add(i);
        Integer[] order = new Integer[src.length];
        for (int k = 0; k < order.length; k++) order[k] = k;
        Arrays.sort(order, (p, q) -> Integer.compare(dst[p], dst[q]));
        for (int k : order) perm.add(dst[k], src[k]);
        return Jnp.transpose(a, perm.stream().mapToInt(Integer::intValue).toArray());
    }

    static List<Array> broadcastArrays(Object... xs) {
        List<Array> arrays = new ArrayList<>();
        for (Object x : xs) arrays.add(Jnp.asarray(x));
        int[] shape = broadcastShapes("broadcast_arrays", arrays);
        List<Array> out = new ArrayList<>();
        for (Array a : arrays) out.add(Jnp.broadcastTo(a, shape));
        return out;
    }

    /** NumPy's broadcast of the shapes of {@code arrays}, or an error naming {@code fn} and all shapes. */
    static int[] broadcastShapes(String fn, List<Array> arrays) {
        int rank = 0;
        for (Array a : arrays) rank = Math.max(rank, a.ndim());
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        for (Array a : arrays) {
            int[] s = a.shape();
            for (int i = 0; i < s.length; i++) {
                int k = rank - s.length + i;
                if (s[i] == out[k] || s[i] == 1) continue;
                if (out[k] != 1) {
                    StringBuilder b = new StringBuilder();
                    for (Array c : arrays) b.append(b.isEmpty() ? "" : ", ").append(c.type().shape());
                    throw new IllegalArgumentException(fn + ": Incompatible shapes for broadcasting: shapes=[" + b + "]");
                }
                out[k] = s[i];
            }
        }
        return out;
    }

    static Array concatenate(List<?> arrays, Integer axis) {
        if (arrays.isEmpty()) throw new IllegalArgumentException("concatenate: Need at least one array to concatenate.");
        if (axis == null) {
            List<Array> flat = new ArrayList<>();
            for (Object o : arrays) flat.add(ravel(o));
            return concatenate(flat, 0);
        }
        Array first = Jnp.asarray(arrays.getFirst());
        if (first.ndim() == 0) throw new IllegalArgumentException("concatenate: Zero-dimensional arrays cannot be concatenated.");
        int ax = Axes.normalize("concatenate", axis, first.ndim());
        List<Array> xs = Promote.promoteDTypes("concatenate", false, arrays.toArray());
        checkConcatShapes("concatenate", xs, ax);
        return Lax.concatenate(xs, ax);
    }

    /** Checks ranks and non-axis sizes in jnp's words before lax would reject them. */
    static void checkConcatShapes(String fn, List<Array> xs, int axis) {
        int[] s0 = xs.getFirst().shape();
        for (int i = 1; i < xs.size(); i++) {
            int[] s = xs.get(i).shape();
            boolean ok = s.length == s0.length;
            for (int k = 0; ok && k < s.length; k++) ok = k == axis || s[k] == s0[k];
            if (!ok) {
                throw new IllegalArgumentException(fn + ": all the input array dimensions except for the concatenation axis"
                        + " must match exactly, but along axis " + axis + " array 0 has shape " + Py.tuple(s0)
                        + " and array " + i + " has shape " + Py.tuple(s));
            }
        }
    }

    static Array concatenateIfMany(List<Array> xs, int axis) {
        return xs.size() == 1 ? xs.getFirst() : Lax.concatenate(xs, axis);
    }

    static Array hstack(List<?> arrays) {
        if (arrays.isEmpty()) throw new IllegalArgumentException("hstack: Need at least one array to concatenate.");
        List<Array> xs = new ArrayList<>();
        for (Object o : arrays) {
            Array a = Jnp.asarray(o);
            xs.add(NamedCall.call1("atleast_1d", List.of(a), List.of(), (v, st) -> v.getFirst().ndim() == 0
                    ? Lax.broadcastInDim(v.getFirst(), new int[] {1}) : v.getFirst()));
        }
        return concatenate(xs, xs.getFirst().ndim() == 1 ? 0 : 1);
    }

    static Array vstack(List<?> arrays) {
        if (arrays.isEmpty()) throw new IllegalArgumentException("vstack: Need at least one array to concatenate.");
        List<Array> xs = new ArrayList<>();
        for (Object o : arrays) {
            Array a = Jnp.asarray(o);
            xs.add(NamedCall.call1("atleast_2d", List.of(a), List.of(), (v, st) -> atleast2d(v.getFirst())));
        }
        return concatenate(xs, 0);
    }

    private static Array atleast2d(Array a) {
        return switch (a.ndim()) {
            case 0 -> Lax.broadcastInDim(a, new int[] {1, 1});
            case 1 -> Lax.broadcastInDim(a, new int[] {1, a.shape()[0]}, 1);
            default -> a;
        };
    }

    static List<Array> split(Object x, int sections, int axis) {
        Array a = Jnp.asarray(x);
        int ax = Axes.normalize("split", axis, a.ndim());
        int size = a.shape()[ax];
        if (sections <= 0) throw new IllegalArgumentException("split: number sections must be larger than 0, got " + sections);
        if (size % sections != 0) {
            throw new IllegalArgumentException("split: array split does not result in an equal division: rest is "
                    + size % sections);
        }
        int[] sizes = new int[sections];
        Arrays.fill(sizes, size / sections);
        return splitNumpy(a, sizes, ax);
    }

    static List<Array> split(Object x, int[] indices, int axis) {
        Array a = Jnp.asarray(x);
        int ax = Axes.normalize("split", axis, a.ndim());
        int size = a.shape()[ax];
        int[] sizes = new int[indices.length + 1];
        int prev = 0;
        for (int i = 0; i <= indices.length; i++) {
            int next = i < indices.length ? indices[i] : size;
            sizes[i] = next - prev;
            if (sizes[i] < 0 || next > size) {
                throw new IllegalArgumentException("split: split indices " + Arrays.toString(indices) + " must be"
                        + " non-decreasing and within [0, " + size + "] for axis " + ax + " of shape " + Py.tuple(a.shape()));
            }
            prev = next;
        }
        return splitNumpy(a, sizes, ax);
    }

    /** {@code lax.split} with the sizes printed as NumPy ints, as {@code jnp.split} passes them. */
    private static List<Array> splitNumpy(Array a, int[] sizes, int axis) {
        return dev.jaxvm.core.Trace.bind(new dev.jaxvm.lax.Split(axis, dev.jaxvm.lax.PyInt.list(sizes, true)), a);
    }

    static Array tile(Object x, int... reps) {
        Array a = Jnp.asarray(x);
        for (int r : reps) if (r < 0) throw new IllegalArgumentException("tile: negative repetitions " + Arrays.toString(reps));
        int n = Math.max(a.ndim(), reps.length);
        int[] full = new int[n];
        Arrays.fill(full, 1);
        System.arraycopy(reps, 0, full, n - reps.length, reps.length);
        if (n > a.ndim()) a = Lax.broadcastInDim(a, prependOnes(a.shape(), n), range(n - a.ndim(), n));
        return Lax.tile(a, full);
    }

    static Array repeat(Object x, int repeats, Integer axis) {
        Array a = Jnp.asarray(x);
        if (repeats < 0) throw new IllegalArgumentException("repeat: repeats may not contain negative values, got " + repeats);
        if (axis == null) {
            a = ravel(a);
            axis = 0;
        }
        if (a.ndim() == 0) return Jnp.broadcastTo(a, repeats);
        int ax = Axes.normalize("repeat", axis, a.ndim());
        int[] in = a.shape();
        int[] aux = new int[in.length + 1];
        int[] dims = new int[in.length];
        for (int i = 0, j = 0; i < aux.length; i++) {
            if (i == ax + 1) aux[i] = repeats;
            else {
                aux[i] = in[j];
                dims[j++] = i;
            }
        }
        Array b = Lax.broadcastInDim(a, aux, dims);
        int[] result = in.clone();
        result[ax] *= repeats;
        return Jnp.reshape(b, result);
    }

    /**
     * {@code jnp.repeat} with per-element repeats (concrete). Values as NumPy; jnp lowers this through
     * cumsum and scatter, which are not available yet, so this path gathers with a static index instead.
     */
    static Array repeat(Object x, int[] repeats, Integer axis) {
        Array a = Jnp.asarray(x);
        if (repeats.length == 1) return repeat(a, repeats[0], axis);
        if (axis == null) {
            a = ravel(a);
            axis = 0;
        }
        if (a.ndim() == 0) throw new IllegalArgumentException("repeat: `repeat` with a scalar parameter `a` is only"
                + " implemented for scalar values of the parameter `repeats`.");
        int ax = Axes.normalize("repeat", axis, a.ndim());
        int n = a.shape()[ax];
        if (repeats.length != n) {
            throw new IllegalArgumentException("repeat: operands could not be broadcast together: repeats of length "
                    + repeats.length + " for axis " + ax + " of size " + n);
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (repeats[i] < 0) throw new IllegalArgumentException("repeat: repeats may not contain negative values");
            for (int k = 0; k < repeats[i]; k++) idx.add(i);
        }
        Array index = Jnp.array(idx.stream().mapToInt(Integer::intValue).toArray());
        List<Object> sel = new ArrayList<>();
        for (int k = 0; k < ax; k++) sel.add(dev.jaxvm.Index.ALL);
        sel.add(index);
        return Indexing.get(a, sel);
    }

    static Array flip(Object x, int... axes) {
        Array a = Jnp.asarray(x);
        int[] dims = axes.length == 0 ? iota(a.ndim()) : new int[axes.length];
        for (int i = 0; i < axes.length; i++) dims[i] = Axes.normalize("flip", axes[i], a.ndim());
        checkUnique("flip", "axis", dims);
        return NamedCall.call1("_flip", List.of(a), boxed(dims), (v, d) -> Lax.rev(v.getFirst(), Linalg.ints(d)));
    }

    static Array roll(Object x, int[] shifts, int[] axes) {
        Array a = Jnp.asarray(x);
        if (axes == null) {
            Array flat = roll(ravel(a), shifts, new int[] {0});
            return Jnp.reshape(flat, a.shape());
        }
        int[] ax = new int[axes.length];
        for (int i = 0; i < axes.length; i++) ax[i] = Axes.normalize("roll", axes[i], a.ndim());
        int n = Math.max(ax.length, shifts.length);
        if ((ax.length != n && ax.length != 1) || (shifts.length != n && shifts.length != 1)) {
            throw new IllegalArgumentException("roll: shape mismatch: shift " + Arrays.toString(shifts) + " and axis "
                    + Arrays.toString(axes) + " cannot be broadcast together");
        }
        List<List<Integer>> st = List.of(boxed(ax), boxed(shifts));
        return NamedCall.call1("_roll_static", List.of(a), st, Shapes::rollStatic);
    }

    /** jnp's {@code _roll_static(a, shift, axis)}: per axis, two slices swapped by a concatenate. */
    private static Array rollStatic(List<Array> v, List<List<Integer>> st) {
        Array b = v.getFirst();
        List<Integer> ax = st.get(0), shifts = st.get(1);
        int n = Math.max(ax.size(), shifts.size());
        for (int k = 0; k < n; k++) {
            int d = ax.get(ax.size() == 1 ? 0 : k), s = shifts.get(shifts.size() == 1 ? 0 : k);
            int size = b.shape()[d];
            if (size == 0) continue;
            int i = Math.floorMod(-s, size);
            b = Lax.concatenate(List.of(sliceInDim(b, i, size, d), sliceInDim(b, 0, i, d)), d);
        }
        return b;
    }

    static List<Integer> boxed(int[] xs) {
        List<Integer> out = new ArrayList<>(xs.length);
        for (int x : xs) out.add(x);
        return List.copyOf(out);
    }

    /** {@code lax.slice_in_dim}: a slice along one axis with explicit unit strides. */
    static Array sliceInDim(Array a, int start, int limit, int axis) {
        int[] s = new int[a.ndim()], l = a.shape(), st = new int[a.ndim()];
        Arrays.fill(st, 1);
        s[axis] = start;
        l[axis] = limit;
        return Lax.slice(a, s, l, st);
    }

    static int[] iota(int n) { return range(0, n); }

    static int[] range(int from, int to) {
        int[] r = new int[Math.max(0, to - from)];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }

    private static int[] prependOnes(int[] shape, int rank) {
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        System.arraycopy(shape, 0, out, rank - shape.length, shape.length);
        return out;
    }

    static boolean contains(int[] xs, int v) {
        for (int x : xs) if (x == v) return true;
        return false;
    }

    static void checkUnique(String fn, String arg, int[] axes) {
        for (int i = 0; i < axes.length; i++) {
            for (int j = 0; j < i; j++) {
                if (axes[i] == axes[j]) throw new IllegalArgumentException(fn + ": repeated axis in `" + arg + "` argument");
            }
        }
    }
}
