package dev.jaxvm.lax;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;

import dev.jaxvm.Array;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Axis bookkeeping shared by the batching rules: moving and broadcasting batch axes, and the rules
 * common to whole families (elementwise, per-element unary). Every helper binds lax primitives, so
 * it runs under whatever interpreter called the rule.
 */
final class BatchRules {
    private BatchRules() {}

    /** {@code jnp.moveaxis(x, from, to)} for non-negative axes, as a transpose (none when from == to). */
    static Array moveAxis(Array x, int from, int to) {
        if (from == to) return x;
        int r = x.ndim();
        List<Integer> order = new ArrayList<>(r);
        for (int i = 0; i < r; i++) if (i != from) order.add(i);
        order.add(to, from);
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) perm[i] = order.get(i);
        return Lax.transpose(x, perm);
    }

    /** {@code x} with a new axis of {@code size} at {@code axis}, by broadcasting. */
    static Array broadcastAxis(Array x, int size, int axis) {
        int[] s = x.shape();
        int[] out = new int[s.length + 1];
        int[] dims = new int[s.length];
        for (int i = 0, j = 0; i < out.length; i++) {
            if (i == axis) {
                out[i] = size;
            } else {
                dims[j] = i;
                out[i] = s[j++];
            }
        }
        return Lax.broadcastInDim(x, out, dims);
    }

    /** {@code x} with its batch axis first: moved there if batched, broadcast there if not. */
    static Array toFront(Array x, int dim, int size) {
        return dim == NOT_MAPPED ? broadcastAxis(x, size, 0) : moveAxis(x, dim, 0);
    }

    /** The batch size: the size of the batch axis of any batched operand. */
    static int axisSize(List<Array> args, Ints dims) {
        for (int i = 0; i < args.size(); i++) {
            if (dims.get(i) != NOT_MAPPED) return args.get(i).shape()[dims.get(i)];
        }
        throw new IllegalArgumentException("no operand is batched");
    }

    /** Where per-example axis {@code a} sits in an array batched along {@code dim}. */
    static int physical(int a, int dim) { return dim == NOT_MAPPED || a < dim ? a : a + 1; }

    /** The per-example rank of an operand. */
    static int rank(Array x, int dim) { return x.ndim() - (dim == NOT_MAPPED ? 0 : 1); }

    /**
     * The rule of lax's n-ary elementwise primitives: batch axes are aligned at one position (the
     * first full-rank batched operand's, so equally batched operands need no transpose), unbatched
     * operands of full rank get a size-1 axis there (lax broadcasts size-1 dims; broadcast_in_dim, as JAX), rank-0 operands
     * stay scalars when unbatched and become size-1-padded vectors when batched.
     */
    static Batched elementwise(Primitive p, List<Array> args, Ints dims) {
        int r = 0;
        for (int i = 0; i < args.size(); i++) r = Math.max(r, rank(args.get(i), dims.get(i)));
        int d = -1;
        for (int i = 0; i < args.size() && d < 0; i++) {
            if (dims.get(i) != NOT_MAPPED && rank(args.get(i), dims.get(i)) == r) d = dims.get(i);
        }
        if (d < 0) d = 0;
        int size = axisSize(args, dims);
        List<Array> in = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            Array x = args.get(i);
            int xd = dims.get(i);
            int xr = rank(x, xd);
            if (xd == NOT_MAPPED) {
                in.add(xr == 0 ? x : Lax.broadcastInDim(x, insert(x.shape(), d, 1), skip(r + 1, d)));
            } else if (xr == r) {
                in.add(moveAxis(x, xd, d));
            } else {
                int[] s = new int[r + 1];
                java.util.Arrays.fill(s, 1);
                s[d] = size;
                in.add(Lax.broadcastInDim(x, s, d));
            }
        }
        List<Array> out = Trace.bind(p, in);
        int[] od = new int[out.size()];
        java.util.Arrays.fill(od, d);
        return new Batched(out, Ints.of(od));
    }

    /** The rule of one-operand primitives that act on each element independently: same op, same batch axis. */
    static Batched perElement(Primitive p, List<Array> args, Ints dims) {
        return Batched.of(Trace.bind1(p, args.getFirst()), dims.get(0));
    }

    /** {@code 0 .. n-1} without {@code skipped}. */
    static int[] skip(int n, int skipped) {
        int[] out = new int[n - 1];
        for (int i = 0, j = 0; i < n; i++) if (i != skipped) out[j++] = i;
        return out;
    }

    /** {@code dims} with {@code value} inserted at {@code at}. */
    static int[] insert(int[] dims, int at, int value) {
        int[] out = new int[dims.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) out[i] = i == at ? value : dims[j++];
        return out;
    }

    /** Per-example axes mapped to the physical axes of an array batched along {@code dim}. */
    static int[] physical(Ints axes, int dim) {
        int[] out = new int[axes.size()];
        for (int i = 0; i < out.length; i++) out[i] = physical(axes.get(i), dim);
        return out;
    }

    /** The position of the batch axis after removing {@code removed} (physical) axes. */
    static int afterRemoving(int dim, int[] removed) {
        int out = dim;
        for (int a : removed) if (a < dim) out--;
        return out;
    }

    /** Every operand with its batch axis first (broadcast there when unbatched). */
    static Array[] allAtFront(List<Array> args, Ints dims) {
        int size = axisSize(args, dims);
        Array[] out = new Array[args.size()];
        for (int i = 0; i < out.length; i++) out[i] = toFront(args.get(i), dims.get(i), size);
        return out;
    }

    /** Reductions over {@code axes} of one operand: the batch axis stays, the reduced axes shift around it. */
    static Batched reduce(List<Array> args, Ints dims, Ints axes, java.util.function.Function<Ints, Primitive> make) {
        int d = dims.get(0);
        int[] phys = physical(axes, d);
        List<Array> out = Trace.bind(make.apply(Ints.of(phys)), args.getFirst());
        return same(out, afterRemoving(d, phys));
    }

    /** One-operand primitives acting along {@code axes} (scans, rev, split, top_k): the batch axis stays put. */
    static Batched alongAxes(List<Array> args, Ints dims, Ints axes, java.util.function.Function<Ints, Primitive> make) {
        int d = dims.get(0);
        return same(Trace.bind(make.apply(Ints.of(physical(axes, d))), args.getFirst()), d);
    }

    /** Equally-shaped operands acting along {@code axis} (sort, concatenate): all batched first, the axis one later. */
    static Batched frontAlongAxis(List<Array> args, Ints dims, int axis, java.util.function.IntFunction<Primitive> make) {
        return same(Trace.bind(make.apply(axis + 1), allAtFront(args, dims)), 0);
    }

    /**
     * Primitives whose {@code flexible} operands are scalars or shaped as the others, which share one
     * shape (select_n's predicate, clamp's bounds): the others go batch-first; a flexible operand stays
     * a scalar when unbatched, and is broadcast to the full batched shape when batched.
     */
    static Batched scalarOrFull(Primitive p, List<Array> args, Ints dims, java.util.function.IntPredicate flexible) {
        int size = axisSize(args, dims);
        Array[] in = new Array[args.size()];
        int[] full = null;
        for (int i = 0; i < in.length; i++) {
            if (flexible.test(i)) continue;
            in[i] = toFront(args.get(i), dims.get(i), size);
            full = in[i].shape();
        }
        for (int i = 0; i < in.length; i++) {
            if (!flexible.test(i)) continue;
            Array x = args.get(i);
            int d = dims.get(i);
            if (d != NOT_MAPPED && x.ndim() == 1 && full.length > 1) in[i] = Lax.broadcastInDim(x, full, 0);
            else if (d != NOT_MAPPED || x.ndim() > 0) in[i] = toFront(x, d, size);
            else in[i] = x;
        }
        return same(Trace.bind(p, in), 0);
    }

    /** Outputs all batched along {@code dim}. */
    static Batched same(List<Array> out, int dim) {
        int[] od = new int[out.size()];
        java.util.Arrays.fill(od, dim);
        return new Batched(out, Ints.of(od));
    }

    /**
     * The fallback for primitives whose reference semantics are tied to one example (random_gamma
     * derives one key per element of its single key): one bind per example, stacked. Used only where
     * no batched formulation exists; JAX itself lowers such primitives through a loop.
     */
    static Batched unrolled(Primitive p, List<Array> args, Ints dims) {
        int size = axisSize(args, dims);
        List<List<Array>> columns = new ArrayList<>();
        for (int b = 0; b < size; b++) {
            Array[] ex = new Array[args.size()];
            for (int i = 0; i < ex.length; i++) {
                Array x = args.get(i);
                int d = dims.get(i);
                if (d == NOT_MAPPED) {
                    ex[i] = x;
                    continue;
                }
                int[] start = new int[x.ndim()];
                int[] limit = x.shape();
                start[d] = b;
                limit[d] = b + 1;
                ex[i] = Lax.squeeze(Lax.slice(x, start, limit, null), d);
            }
            List<Array> outs = Trace.bind(p, ex);
            for (int k = 0; k < outs.size(); k++) {
                if (columns.size() <= k) columns.add(new ArrayList<>());
                columns.get(k).add(outs.get(k));
            }
        }
        List<Array> out = new ArrayList<>();
        for (List<Array> c : columns) out.add(Lax.stack(c, 0));
        return same(out, 0);
    }

    /** Primitives that map over leading dimensions themselves (linear algebra on {@code (..., m, n)}): batch-first. */
    static Batched leadingBatch(Primitive p, List<Array> args, Ints dims) {
        return same(Trace.bind(p, allAtFront(args, dims)), 0);
    }
}
