package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * A primitive that is linear in all its operands (JAX's {@code deflinear}): its JVP applies the
 * primitive itself to the tangents (zeros instantiated when only some are zero), and it must give a
 * transpose rule.
 *
 * {@snippet :
 * public record Neg() implements UnaryPrimitive, Elementwise, Linear { ... }
 * }
 */
public interface Linear extends Differentiable, Transposable {
    @Override
    default Jvp jvp(List<Array> primals, List<Array> tangents) {
        List<Array> out = Trace.bind(this, primals);
        if (tangents.stream().allMatch(t -> t == null)) {
            return new Jvp(out, new ArrayList<>(java.util.Collections.nCopies(out.size(), null)));
        }
        List<Array> ts = new ArrayList<>(tangents.size());
        for (int i = 0; i < tangents.size(); i++) {
            Array t = tangents.get(i);
            ts.add(t != null ? t : Tangents.zeros(Tangents.tangentType(primals.get(i).type())));
        }
        return new Jvp(out, Trace.bind(this, ts));
    }
}
