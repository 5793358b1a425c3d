package dev.jaxvm.lax;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Trace;
import java.util.ArrayList;
import java.util.List;

/** The batching rule of {@code pad}, after JAX's {@code _pad_batch_rule}. */
final class PadBatching {
    private PadBatching() {}

    /**
     * The batch axis gets no padding. A batched padding value cannot be a pad operand (it must be a
     * scalar), so the operand is padded with zeros and the padding positions, found by padding a mask
     * the same way, take each example's value through a select.
     */
    static Batched pad(Pad p, List<Array> args, Ints dims) {
        int size = BatchRules.axisSize(args, dims);
        Array x = args.get(0), v = args.get(1);
        int d = dims.get(0) == NOT_MAPPED ? 0 : dims.get(0);
        if (dims.get(0) == NOT_MAPPED) x = BatchRules.broadcastAxis(x, size, 0);
        List<Pad.Dim> cfg = new ArrayList<>(p.paddingConfig());
        cfg.add(d, Pad.Dim.of(0, 0, 0));
        Pad batched = new Pad(cfg);
        if (dims.get(1) == NOT_MAPPED) return Batched.of(Trace.bind1(batched, x, v), d);
        Array padded = Trace.bind1(batched, x, DenseArray.scalar(x.dtype(), v.weakType(), 0));
        Array ones = Lax.broadcastInDim(DenseArray.scalar(DType.BOOL, false, 1), x.shape());
        Array mask = Trace.bind1(batched, ones, DenseArray.scalar(DType.BOOL, false, 0));
        Array values = Lax.broadcastInDim(v, padded.shape(), d);
        return Batched.of(Lax.selectN(mask, values, padded), d);
    }
}
