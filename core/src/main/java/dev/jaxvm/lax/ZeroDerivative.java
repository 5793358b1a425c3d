package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * A primitive whose derivative is zero everywhere it exists: comparisons, rounding, bitwise and
 * integer-valued operations (JAX's {@code defjvp_zero}). Its outputs have symbolic zero tangents
 * (float0 for integer and bool outputs).
 */
public interface ZeroDerivative extends Differentiable {
    @Override
    default Jvp jvp(List<Array> primals, List<Array> tangents) {
        List<Array> out = Trace.bind(this, primals);
        return new Jvp(out, new ArrayList<>(java.util.Collections.nCopies(out.size(), null)));
    }
}
