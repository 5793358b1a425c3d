package dev.jaxvm.transform;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.JaxprEval;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.lax.Batchable;
import dev.jaxvm.lax.Batched;
import java.util.ArrayList;
import java.util.List;

/**
 * Batching of a whole Jaxpr (JAX's {@code batch_jaxpr}): the program that computes a batch of the
 * given Jaxpr's results from a batch of its inputs, for the higher-order primitives ({@code jit}, ...)
 * whose batch rule is "the same primitive on the batched program".
 *
 * {@snippet :
 * BatchJaxpr.Result r = BatchJaxpr.batch(jaxpr, Ints.of(0, Batchable.NOT_MAPPED), 8, null);
 * // r.jaxpr() takes f32[8,...] for input 0; r.outDims() says which outputs are batched (along 0)
 * }
 */
public final class BatchJaxpr {
    private BatchJaxpr() {}

    /**
     * A batched program.
     *
     * @param jaxpr the program on batches
     * @param outDims for each output, 0 (batched along its leading axis) or {@link Batchable#NOT_MAPPED}
     */
    public record Result(ClosedJaxpr jaxpr, Ints outDims) {}

    /**
     * Batches {@code jaxpr} for inputs batched along {@code inDims} (or not mapped) with batch size
     * {@code axisSize}; batched outputs come out batched along their leading axis.
     *
     * @param axisName the axis name collectives in the program may refer to, or null
     */
    public static Result batch(ClosedJaxpr jaxpr, Ints inDims, int axisSize, String axisName) {
        return batch(jaxpr, inDims, axisSize, axisName, false);
    }

    /**
     * {@link #batch(ClosedJaxpr, Ints, int, String)}, with every output batched (unbatched ones
     * broadcast) when {@code allBatched}: for programs whose companion rules (a custom JVP) are batched
     * with all outputs along axis 0.
     */
    public static Result batch(ClosedJaxpr jaxpr, Ints inDims, int axisSize, String axisName, boolean allBatched) {
        List<ArrayType> inTypes = new ArrayList<>();
        List<ArrayType> example = jaxpr.inTypes();
        for (int i = 0; i < example.size(); i++) {
            ArrayType t = example.get(i);
            inTypes.add(inDims.get(i) == NOT_MAPPED ? t : t.withShape(insert(t.shape(), inDims.get(i), axisSize)));
        }
        int[] outDims = new int[jaxpr.outTypes().size()];
        ClosedJaxpr batched = StagingInterpreter.trace(args -> {
            BatchInterpreter b = new BatchInterpreter(Trace.current(), axisSize, axisName);
            List<Array> in = new ArrayList<>(args.size());
            for (int i = 0; i < args.size(); i++) in.add(b.tracer(args.get(i), inDims.get(i)));
            List<Array> outs = Trace.under(b, () -> JaxprEval.eval(jaxpr, in));
            List<Array> result = new ArrayList<>(outs.size());
            for (int k = 0; k < outs.size(); k++) {
                Batched o = b.unwrap(outs.get(k));
                int d = o.dims().get(0);
                Array v = o.values().getFirst();
                outDims[k] = d == NOT_MAPPED && !allBatched ? NOT_MAPPED : 0;
                result.add(d == NOT_MAPPED ? (allBatched ? Batchable.broadcastAxis(v, axisSize, 0) : v) : Batchable.moveAxis(v, d, 0));
            }
            return result;
        }, inTypes);
        return new Result(batched, Ints.of(outDims));
    }

    private static Shape insert(Shape s, int at, int size) {
        int[] d = s.dims();
        int[] out = new int[d.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) out[i] = i == at ? size : d[j++];
        return new Shape(out);
    }
}
