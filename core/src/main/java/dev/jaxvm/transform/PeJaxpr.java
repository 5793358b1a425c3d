package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.JaxprEval;
import dev.jaxvm.ir.StagingInterpreter;
import java.util.ArrayList;
import java.util.List;

/**
 * Partial evaluation of a whole Jaxpr (JAX's {@code partial_eval_jaxpr_nounits}), by tracing it under
 * a partial evaluator nested in a staging trace of its known part: nested primitives are split by
 * their own rules, so mixed primal/tangent equations never end up in the unknown part.
 */
final class PeJaxpr {
    private PeJaxpr() {}

    /** Where a residual comes from. */
    enum Source {
        /** Computed by the known program: one of its outputs. */
        COMPUTED,
        /** One of the known program's inputs, forwarded (see {@link Split#forwarded}). */
        KNOWN_INPUT,
        /** A concrete constant. */
        CONSTANT
    }

    /**
     * A split program.
     *
     * @param known the known inputs to the known outputs, then the {@link Source#COMPUTED} residuals
     * @param unknown the residuals (all of them, in order) then the unknown inputs, to the unknown outputs
     * @param outUnknown for each output, whether it is an output of {@code unknown}
     * @param sources for each residual, where it comes from
     * @param forwarded for each residual, the known input it is ({@link Source#KNOWN_INPUT}), else -1
     * @param constants for each residual, its value when it is a {@link Source#CONSTANT}, else null
     * @param residualTypes the residuals' types
     */
    record Split(ClosedJaxpr known, ClosedJaxpr unknown, boolean[] outUnknown, List<Source> sources, int[] forwarded,
                 List<Array> constants, List<ArrayType> residualTypes) {
        int numResiduals() { return sources.size(); }

        int numComputed() {
            int n = 0;
            for (Source s : sources) if (s == Source.COMPUTED) n++;
            return n;
        }
    }

    /**
     * Splits {@code j} for the inputs marked unknown; outputs marked in {@code instantiate} are made
     * unknown. Residuals that are one of the first {@code forwardable} known inputs are forwarded
     * rather than computed.
     */
    static Split split(ClosedJaxpr j, boolean[] inUnknown, boolean[] instantiate, int forwardable) {
        List<ArrayType> in = j.inTypes();
        List<ArrayType> knownTypes = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) if (!inUnknown[i]) knownTypes.add(in.get(i));
        int nOut = j.outTypes().size();
        boolean[] outUk = new boolean[nOut];
        ClosedJaxpr[] unknown = new ClosedJaxpr[1];
        List<Source> sources = new ArrayList<>();
        List<Integer> fwd = new ArrayList<>();
        List<Array> constants = new ArrayList<>();
        ClosedJaxpr known = StagingInterpreter.trace(kxs -> {
            PartialEvalInterpreter inner = new PartialEvalInterpreter(Trace.current());
            List<Array> full = new ArrayList<>();
            for (int i = 0, k = 0; i < in.size(); i++) full.add(inUnknown[i] ? inner.newInput(in.get(i)) : kxs.get(k++));
            List<Array> outs = Trace.under(inner, () -> JaxprEval.eval(j, full));
            List<Array> knownOuts = new ArrayList<>(), unknownOuts = new ArrayList<>();
            for (int k = 0; k < nOut; k++) {
                outUk[k] = inner.owns(outs.get(k)) || instantiate[k];
                (outUk[k] ? unknownOuts : knownOuts).add(outs.get(k));
            }
            unknown[0] = inner.toJaxpr(unknownOuts);
            for (Array r : unknown[0].consts()) {
                int f = indexOf(kxs.subList(0, forwardable), r);
                Source s = f >= 0 ? Source.KNOWN_INPUT : r instanceof DenseArray ? Source.CONSTANT : Source.COMPUTED;
                sources.add(s);
                fwd.add(f);
                constants.add(s == Source.CONSTANT ? r : null);
                if (s == Source.COMPUTED) knownOuts.add(r);
            }
            return knownOuts;
        }, knownTypes);
        Hoisted h = Hoisted.of(unknown[0]);
        List<ArrayType> resTypes = new ArrayList<>();
        for (Array r : unknown[0].consts()) resTypes.add(r.type());
        int[] f = fwd.stream().mapToInt(Integer::intValue).toArray();
        return new Split(known, h.jaxpr(), outUk, List.copyOf(sources), f, java.util.Collections.unmodifiableList(constants),
                resTypes);
    }

    private static int indexOf(List<Array> xs, Array x) {
        for (int i = 0; i < xs.size(); i++) if (xs.get(i) == x) return i;
        return -1;
    }
}
