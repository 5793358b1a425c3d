package dev.jaxvm.lax;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;

import dev.jaxvm.Array;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Trace;
import java.util.List;

/** The batching rule of {@code dot_general}: a batch becomes a dot batch dimension or a free dimension, never a loop. */
final class LinalgBatchRules {
    private LinalgBatchRules() {}

    /**
     * Both operands batched: the batch becomes a leading dot batch dimension. One operand batched: the
     * batch axis stays where it is as one of that operand's free dimensions, so no transpose is needed,
     * and the output has it where dot_general puts that free dimension.
     */
    static Batched dotGeneral(DotGeneral p, List<Array> args, Ints dims) {
        DotDimensionNumbers dn = p.dimensionNumbers();
        int ld = dims.get(0), rd = dims.get(1);
        Array l = args.get(0), r = args.get(1);
        if (ld != NOT_MAPPED && rd != NOT_MAPPED) {
            var nd = new DotDimensionNumbers(IndexBatchRules.plus1(dn.lhsContracting()),
                    IndexBatchRules.plus1(dn.rhsContracting()), IndexBatchRules.prepend(0, IndexBatchRules.plus1(dn.lhsBatch())),
                    IndexBatchRules.prepend(0, IndexBatchRules.plus1(dn.rhsBatch())));
            l = BatchRules.moveAxis(l, ld, 0);
            r = BatchRules.moveAxis(r, rd, 0);
            return Batched.of(Trace.bind1(new DotGeneral(nd, p.precision(), p.preferredElementType()), l, r), 0);
        }
        int nb = dn.lhsBatch().size();
        if (ld != NOT_MAPPED) {
            Ints lc = Ints.of(BatchRules.physical(dn.lhsContracting(), ld));
            Ints lb = Ints.of(BatchRules.physical(dn.lhsBatch(), ld));
            var nd = new DotDimensionNumbers(lc, dn.rhsContracting(), lb, dn.rhsBatch());
            int out = nb + freeBefore(ld, lc, lb);
            return Batched.of(Trace.bind1(new DotGeneral(nd, p.precision(), p.preferredElementType()), l, r), out);
        }
        Ints rc = Ints.of(BatchRules.physical(dn.rhsContracting(), rd));
        Ints rb = Ints.of(BatchRules.physical(dn.rhsBatch(), rd));
        var nd = new DotDimensionNumbers(dn.lhsContracting(), rc, dn.lhsBatch(), rb);
        int lhsFree = l.ndim() - dn.lhsContracting().size() - nb;
        int out = nb + lhsFree + freeBefore(rd, rc, rb);
        return Batched.of(Trace.bind1(new DotGeneral(nd, p.precision(), p.preferredElementType()), l, r), out);
    }

    /** How many free (neither contracting nor batch) dimensions come before axis {@code d}. */
    private static int freeBefore(int d, Ints contracting, Ints batch) {
        int n = 0;
        for (int i = 0; i < d; i++) if (!contracting.contains(i) && !batch.contains(i)) n++;
        return n;
    }
}
