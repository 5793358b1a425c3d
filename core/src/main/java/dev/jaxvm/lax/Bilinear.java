package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Trace;
import java.util.Arrays;
import java.util.List;

/**
 * A two-operand primitive linear in each operand separately ({@code mul}, {@code dot_general}):
 * JAX's {@code defbilinear}. Its JVP is {@code f(tx, y) + f(x, ty)}; its transpose with respect to
 * one operand (the other known) is given by {@link #transposeLeft} and {@link #transposeRight}.
 */
public interface Bilinear extends Differentiable, Transposable {

    /** The cotangent of the left operand (of type {@code xType}) given the right operand. */
    Array transposeLeft(Array ct, ArrayType xType, Array y);

    /** The cotangent of the right operand (of type {@code yType}) given the left operand. */
    Array transposeRight(Array ct, Array x, ArrayType yType);

    @Override
    default Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array x = primals.get(0), y = primals.get(1);
        Array out = Trace.bind1(this, x, y);
        Array t = null;
        if (tangents.get(0) != null) t = Trace.bind1(this, tangents.get(0), y);
        if (tangents.get(1) != null) t = Tangents.add(t, Trace.bind1(this, x, tangents.get(1)));
        return Jvp.of(out, t);
    }

    @Override
    default List<Array> transpose(List<Array> cts, List<Operand> operands) {
        Array ct = cts.getFirst();
        Operand x = operands.get(0), y = operands.get(1);
        if (x.isLinear() && y.isLinear()) {
            throw new IllegalArgumentException(name() + " is bilinear, not linear: it can't be transposed with respect"
                    + " to both operands at once");
        }
        return x.isLinear()
                ? Arrays.asList(transposeLeft(ct, x.type(), y.value()), null)
                : Arrays.asList(null, transposeRight(ct, x.value(), y.type()));
    }
}
