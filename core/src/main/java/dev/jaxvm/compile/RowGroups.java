package dev.jaxvm.compile;

import dev.jaxvm.core.ArrayType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups consecutive loop kernels that can run row by row together: kernels whose outermost loops
 * cover the same rows and that read each other's results only within the row being computed (a
 * softmax: exp, row sums, division). A group runs chunk by chunk of rows, all its kernels on one
 * chunk before the next, so its intermediates are read back from the cache, not from memory.
 */
final class RowGroups {
    /** Groups need at least this many rows (so that they still split over the cores). */
    private static final int MIN_ROWS = 64;

    private RowGroups() {}

    /** The steps with runs of groupable bytecode kernels replaced by {@link Step.Rows}. */
    static List<Step> group(List<Step> steps, List<ArrayType> types) { return group(steps, types, null); }

    /**
     * As {@link #group(List, List)}, for a program rewritten by {@link RowScratch} ({@code rs}, or null):
     * its chunk-buffer kernels count as kernels over the group's rows, and their groups run them per chunk.
     */
    static List<Step> group(List<Step> steps, List<ArrayType> types, RowScratch.Result rs) {
        List<Step> out = new ArrayList<>();
        List<Step.Bytecode> run = new ArrayList<>();
        long rows = 0;
        for (Step s : steps) {
            long extent = s instanceof Step.Bytecode b ? (producer(b.kernel(), rs) ? rs.rows() : extent(b.kernel())) : 0;
            if (extent > 0 && !run.isEmpty()) {
                long r = gcd(rows, extent);
                if (r >= MIN_ROWS && rowLocal(b(s), run, types, rs)) {
                    run.add(b(s));
                    rows = r;
                    continue;
                }
            }
            flush(out, run, rows, rs);
            run = new ArrayList<>();
            rows = extent;
            if (extent > 0) run.add(b(s));
            else out.add(s);
        }
        flush(out, run, rows, rs);
        return out;
    }

    private static boolean producer(Kernel k, RowScratch.Result rs) {
        if (rs == null) return false;
        for (Kernel p : rs.producers()) if (p == k) return true;
        return false;
    }

    /**
     * Whether each of {@code rs}'s chunk-buffer kernels landed in a group with chunk buffers, together
     * with every kernel that reads its buffer (else the rewritten program cannot run as grouped).
     */
    static boolean covers(List<Step> steps, RowScratch.Result rs) {
        for (int i = 0; i < rs.producers().size(); i++) {
            Kernel p = rs.producers().get(i);
            int s = rs.scratch().get(i);
            Step.Rows home = null;
            for (Step st : steps) {
                if (st instanceof Step.Rows r && r.base() >= 0 && r.members().stream().anyMatch(m -> m.kernel() == p)) home = r;
            }
            if (home == null) return false;
            for (Kernel k : rs.program().kernels()) {
                if (k == p || !RowScratch.reads(k, s)) continue;
                Step.Rows h = home;
                if (h.members().stream().noneMatch(m -> m.kernel() == k)) return false;
            }
        }
        return true;
    }

    private static Step.Bytecode b(Step s) { return (Step.Bytecode) s; }

    private static void flush(List<Step> out, List<Step.Bytecode> run, long rows, RowScratch.Result rs) {
        if (run.size() < 2) {
            out.addAll(run);
            return;
        }
        List<Boolean> local = run.stream().map(b -> producer(b.kernel(), rs)).toList();
        if (local.contains(true) && rows == rs.rows()) {
            out.add(new Step.Rows(run, (int) rows, local, rs.scratch(), rs.base(), rs.chunk()));
        } else {
            out.add(new Step.Rows(List.copyOf(run), (int) rows));
        }
    }

    /** The outermost loop's extent of a kernel that runs by ranges of it, else 0. */
    static long extent(Kernel k) {
        return switch (k) {
            case Kernel.Map m -> m.dims().size() == 0 ? 0 : m.dims().dim(0);
            case Kernel.Reduce r -> r.kept().rank() == 0 || r.kept().size() == 0 || r.reduced().size() == 0 ? 0 : r.kept().dim(0);
            case Kernel.Library l -> 0;
            case Kernel.Fallback f -> 0;
        };
    }

    private static long gcd(long a, long b) { return b == 0 ? a : gcd(b, a % b); }

    /** Whether every load of {@code k} from a buffer written in {@code group} stays within the current row. */
    private static boolean rowLocal(Step.Bytecode k, List<Step.Bytecode> group, List<ArrayType> types, RowScratch.Result rs) {
        Set<Integer> written = new HashSet<>();
        for (Step.Bytecode g : group) written.addAll(g.kernel().outputs());
        if (rs != null) rs.scratch().forEach(written::remove);   // read at the chunk's rows, by construction
        Kernel kernel = k.kernel();
        if (rs != null) {
            for (int i = 0; i < rs.producers().size(); i++) if (rs.producers().get(i) == kernel) kernel = rs.originals().get(i);
        }
        long extent = extent(kernel);
        Expr body = switch (kernel) {
            case Kernel.Map m -> m.body();
            case Kernel.Reduce r -> r.body();
            case Kernel.Library l -> null;
            case Kernel.Fallback f -> null;
        };
        List<Expr.Load> loads = new ArrayList<>();
        Exprs.forEachLoad(body, loads::add);
        for (Expr.Load l : loads) {
            if (!written.contains(l.buffer())) continue;
            long size = types.get(l.buffer()).size();
            if (size % extent != 0 || !sameRow(l.index(), size / extent)) return false;
        }
        return true;
    }

    /** Whether {@code ix} is {@code i0 * c + rest} with 0 <= rest < c, rest free of the outermost counter. */
    private static boolean sameRow(Ix ix, long c) {
        Affine f = Affine.of(ix);
        return f.rowLocal(c);
    }
}
