package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keeps an elementwise intermediate of a row group in a small per-thread buffer: a map kernel whose
 * result is read only by the next few loop kernels of its row group, each reading the element its own
 * loops are at (softmax's {@code exp(x - max)}, read by the row sums and by the division), writes a
 * buffer of one chunk of rows ({@link Step.Rows} gives each thread its own), so the intermediate stays
 * in the cache instead of a full-size buffer going to memory and back. The rewritten kernels index the
 * chunk buffer relative to the chunk's first row, read at run time from a one-element int32 buffer
 * (the {@code base}) that the row group sets before each chunk. Values are unchanged: each element is
 * the same expression of the same operands.
 */
final class RowScratch {
    /** At most this many readers per intermediate (more would make the group's chunks smaller). */
    private static final int MAX_READERS = 4;
    /** Only rows of groups this tall (as {@link RowGroups} requires). */
    private static final int MIN_ROWS = 64;

    private RowScratch() {}

    /**
     * A rewritten program and what its row group needs to run it.
     *
     * @param program the program (chunk buffers and the base buffer appended to its buffers)
     * @param producers the kernels (by index) that write a chunk buffer, each run over {@code [0, chunk rows)}
     * @param scratch the chunk buffers
     * @param base the int32 buffer holding the current chunk's first row
     * @param chunk the rows per chunk
     * @param rows the rows of the group
     * @param originals the producers before the rewrite (full-size buffers, absolute rows)
     */
    record Result(Program program, List<Kernel> producers, List<Integer> scratch, int base, int chunk, int rows, List<Kernel> originals) {}

    /** {@code p} with its row-local intermediates in chunk buffers; null when there are none. */
    static Result apply(Program p) {
        List<Kernel> kernels = new ArrayList<>(p.kernels());
        List<ArrayType> buffers = new ArrayList<>(p.buffers());
        List<Integer> scratch = new ArrayList<>();
        List<Kernel> producers = new ArrayList<>();
        List<Kernel> originals = new ArrayList<>();
        int base = -1, rows = -1, chunk = -1;
        for (int i = 0; i < kernels.size(); i++) {
            if (!(kernels.get(i) instanceof Kernel.Map m) || p.outputs().contains(m.out()) || m.dims().rank() < 2) continue;
            if (m.dims().dim(0) < MIN_ROWS || rows >= 0 && m.dims().dim(0) != rows) continue;
            List<Integer> readers = readers(kernels, i, m);
            if (readers == null) continue;
            if (base < 0) {
                rows = m.dims().dim(0);
                chunk = chunkRows(p, rows);
                if (chunk >= rows) return null;
                base = buffers.size();
                buffers.add(ArrayType.of(DType.INT32));
            }
            int[] dims = m.dims().dims().clone();
            long rowSize = m.dims().size() / rows;
            dims[0] = chunk;
            int s = buffers.size();
            buffers.add(ArrayType.of(m.body().type(), dims));
            Ix first = Ix.dynamic(new Expr.Load(base, Ix.of(0), DType.INT32), 0, rows - 1);
            Ix.Loop outer = new Ix.Loop(0, rows);
            Ix shifted = Ix.add(new Ix.Loop(0, chunk), first);
            Kernel.Map producer = new Kernel.Map(s, Shape.of(dims), rewrite(m.body(), e -> e, x -> x.equals(outer) ? shifted : null));
            Ix store = storeIndex(m.dims());
            Ix local = Ix.add(store, Ix.mul(first, (int) -rowSize));
            Expr.Load scratchLoad = new Expr.Load(s, local, m.body().type());
            for (int r : readers) {
                kernels.set(r, onBody(kernels.get(r), b -> rewrite(b,
                        e -> e instanceof Expr.Load l && l.buffer() == m.out() ? scratchLoad : e, x -> null)));
            }
            kernels.set(i, producer);
            producers.add(producer);
            originals.add(m);
            scratch.add(s);
        }
        if (base < 0) return null;
        return new Result(new Program(buffers, p.inputs(), p.constants(), kernels, p.outputs()), producers, scratch, base, chunk, rows, originals);
    }

    /** The rows of a group's chunk: about {@link Step.Rows#CHUNK_BYTES} of the kernels' row-sized outputs. */
    private static int chunkRows(Program p, int rows) {
        long bytesPerRow = 0;
        for (Kernel k : p.kernels()) {
            for (int o : k.outputs()) {
                ArrayType t = p.buffers().get(o);
                if (t.rank() > 0 && t.shape().dim(0) == rows) bytesPerRow += t.size() * (long) t.dtype().itemSize() / rows;
            }
        }
        return (int) Math.max(1, Step.Rows.CHUNK_BYTES / Math.max(1, bytesPerRow));
    }

    /** Whether loop kernel {@code k} reads buffer {@code b}. */
    static boolean reads(Kernel k, int b) {
        List<Ix> at = new ArrayList<>();
        return readsOther(k, b, at) || !at.isEmpty();
    }

    private static Kernel onBody(Kernel k, Function<Expr, Expr> f) {
        return switch (k) {
            case Kernel.Map m -> new Kernel.Map(m.out(), m.dims(), f.apply(m.body()));
            case Kernel.Reduce r -> new Kernel.Reduce(r.out(), r.kept(), r.reduced(), r.op(), f.apply(r.body()));
            case Kernel.Library l -> throw new IllegalStateException("not a loop kernel");
            case Kernel.Fallback f2 -> throw new IllegalStateException("not a loop kernel");
        };
    }

    /**
     * The kernels after {@code i} that read {@code m}'s buffer, when they are at most
     * {@link #MAX_READERS} loop kernels over {@code m}'s loop nest, each reading only the element at
     * its loops, with only loop kernels over the same rows in between; else null.
     */
    private static List<Integer> readers(List<Kernel> kernels, int i, Kernel.Map m) {
        List<Integer> readers = new ArrayList<>();
        Ix store = storeIndex(m.dims());
        int last = -1;
        for (int j = i + 1; j < kernels.size(); j++) {
            Kernel k = kernels.get(j);
            List<Ix> at = new ArrayList<>();
            boolean other = readsOther(k, m.out(), at);
            if (other) return null;   // read by a library kernel or a reference evaluation
            if (at.isEmpty()) continue;
            if (!nest(k).equals(dimsOf(m))) return null;
            for (Ix x : at) if (!x.equals(store)) return null;
            readers.add(j);
            last = j;
        }
        if (readers.isEmpty() || readers.size() > MAX_READERS) return null;
        for (int j = i + 1; j <= last; j++) {
            long e = RowGroups.extent(kernels.get(j));
            if (e == 0 || gcd(e, m.dims().dim(0)) < MIN_ROWS) return null;
        }
        return readers;
    }

    private static long gcd(long a, long b) { return b == 0 ? a : gcd(b, a % b); }

    private static List<Integer> dimsOf(Kernel.Map m) {
        List<Integer> d = new ArrayList<>();
        for (int x : m.dims().dims()) d.add(x);
        return d;
    }

    /** A loop kernel's loop extents, outermost first (kept then reduced); empty for other kernels. */
    private static List<Integer> nest(Kernel k) {
        List<Integer> d = new ArrayList<>();
        switch (k) {
            case Kernel.Map m -> { for (int x : m.dims().dims()) d.add(x); }
            case Kernel.Reduce r -> {
                for (int x : r.kept().dims()) d.add(x);
                for (int x : r.reduced().dims()) d.add(x);
            }
            case Kernel.Library l -> { }
            case Kernel.Fallback f -> { }
        }
        return d;
    }

    /** Collects the indices at which loop kernel {@code k} loads {@code buffer}; true if a non-loop kernel reads it. */
    private static boolean readsOther(Kernel k, int buffer, List<Ix> at) {
        return switch (k) {
            case Kernel.Map m -> { loads(m.body(), buffer, at); yield false; }
            case Kernel.Reduce r -> { loads(r.body(), buffer, at); yield false; }
            case Kernel.Library l -> l.in().contains(buffer);
            case Kernel.Fallback f -> f.in().contains(buffer);
        };
    }

    private static void loads(Expr e, int buffer, List<Ix> at) {
        Exprs.forEachLoad(e, l -> { if (l.buffer() == buffer) at.add(l.index()); });
    }

    /** The flat index a map kernel over {@code dims} stores to. */
    private static Ix storeIndex(dev.jaxvm.core.Shape dims) {
        List<Ix> idx = new ArrayList<>();
        for (int k = 0; k < dims.rank(); k++) idx.add(new Ix.Loop(k, dims.dim(k)));
        return Ix.linearize(idx, dims.dims());
    }

    /**
     * {@code e} with each node replaced: an expression by {@code expr} (applied first; returning the
     * node itself means "rewrite its children"), an index leaf by {@code ix} (null keeps it).
     */
    static Expr rewrite(Expr e, Function<Expr, Expr> expr, Function<Ix, Ix> ix) {
        return new Rewriter(expr, ix).expr(e);
    }

    private record Rewriter(Function<Expr, Expr> f, Function<Ix, Ix> g, Map<Expr, Expr> memo) {
        Rewriter(Function<Expr, Expr> f, Function<Ix, Ix> g) { this(f, g, new HashMap<>()); }

        Expr expr(Expr e) {
            Expr done = memo.get(e);
            if (done != null) return done;
            Expr r = f.apply(e);
            Expr out = r != e ? r : switch (e) {
                case Expr.Load l -> new Expr.Load(l.buffer(), ix(l.index()), l.type());
                case Expr.Lane l -> new Expr.Lane(l.op(), l.args().stream().map(this::expr).toList(), l.operandType());
                case Expr.Convert c -> new Expr.Convert(expr(c.arg()), c.type());
                case Expr.Bitcast c -> new Expr.Bitcast(expr(c.arg()), c.type());
                case Expr.Select s -> new Expr.Select(expr(s.which()), s.cases().stream().map(this::expr).toList());
                case Expr.Const c -> c;
                case Expr.Index i -> new Expr.Index(ix(i.index()), i.type());
                case Expr.Threefry t -> new Expr.Threefry(expr(t.k0()), expr(t.k1()), expr(t.x0()), expr(t.x1()), t.word());
            };
            memo.put(e, out);
            return out;
        }

        Ix ix(Ix x) {
            Ix r = g.apply(x);
            if (r != null) return r;
            return switch (x) {
                case Ix.Dynamic d -> new Ix.Dynamic(expr(d.value()), d.lo(), d.hi());
                case Ix.Add a -> new Ix.Add(ix(a.a()), ix(a.b()));
                case Ix.Mul m -> new Ix.Mul(ix(m.a()), m.c());
                case Ix.Div d -> new Ix.Div(ix(d.a()), d.c());
                case Ix.Rem r2 -> new Ix.Rem(ix(r2.a()), r2.c());
                case Ix.Clamp c -> new Ix.Clamp(ix(c.a()), c.lo(), c.hi());
                case Ix.Loop l -> l;
                case Ix.Const c -> c;
            };
        }
    }
}
