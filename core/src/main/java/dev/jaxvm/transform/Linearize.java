package dev.jaxvm.transform;

import dev.jaxvm.Array;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.JaxprEval;
import dev.jaxvm.lax.Tangents;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code linearize}: the JVP of a function, partially evaluated with the primals known and the
 * tangents unknown. The primal outputs are computed now; the tangent computation becomes a linear
 * Jaxpr (tangents in, tangents out) whose constants are the residuals. Transposing that Jaxpr gives
 * reverse mode ({@link Transpose}).
 *
 * {@snippet :
 * Linearize.Result r = Linearize.linearize(xs -> List.of(Lax.sin(xs.get(0))), List.of(x));
 * List<Array> tOut = r.apply(List.of(t));
 * }
 */
public final class Linearize {
    private Linearize() {}

    /**
     * A linearized function.
     *
     * @param primalsOut the primal outputs
     * @param linear the linear Jaxpr: one tangent per primal input, one per output
     */
    public record Result(List<Array> primalsOut, ClosedJaxpr linear) {
        /** Applies the linear map to {@code tangents} (evaluated under the current interpreter). */
        public List<Array> apply(List<? extends Array> tangents) { return JaxprEval.eval(linear, tangents); }
    }

    /** Linearizes {@code f} at {@code primals}. */
    public static Result linearize(Function<List<Array>, List<? extends Array>> f, List<Array> primals) {
        PartialEvalInterpreter pe = new PartialEvalInterpreter(Trace.current());
        List<Array> tangents = new ArrayList<>(primals.size());
        for (Array p : primals) {
            Array t = pe.newInput(Tangents.tangentType(p.type()));
            tangents.add(Tangents.isDifferentiable(p.type()) ? t : null);
        }
        return Trace.under(pe, () -> {
            JvpInterpreter.Result r = JvpInterpreter.jvp(f, primals, tangents);
            List<Array> outs = new ArrayList<>(r.tangentsOut().size());
            for (int i = 0; i < r.tangentsOut().size(); i++) {
                Array t = r.tangentsOut().get(i);
                outs.add(t != null ? t : Tangents.zeros(Tangents.tangentType(r.primalsOut().get(i).type())));
            }
            return new Result(r.primalsOut(), pe.toJaxpr(outs));
        });
    }
}
