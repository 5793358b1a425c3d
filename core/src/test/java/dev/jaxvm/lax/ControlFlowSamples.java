package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.StagingInterpreter;
import java.util.List;

/** Instances of the control-flow primitives for the catalog's contract tests (autodiff, batching). */
public final class ControlFlowSamples {
    private ControlFlowSamples() {}

    private static ClosedJaxpr trace(java.util.function.Function<List<dev.jaxvm.Array>, List<dev.jaxvm.Array>> f, ArrayType... in) {
        return StagingInterpreter.trace(f::apply, List.of(in));
    }

    /** A two-branch cond taking (index: i32[], x: d[2,3], y: d[2,3]). */
    public static Cond cond(DType d) {
        ArrayType t = ArrayType.of(d, 2, 3);
        return new Cond(List.of(trace(xs -> List.of(Lax.mul(Lax.sin(xs.get(0)), xs.get(1))), t, t),
                trace(xs -> List.of(Lax.add(Lax.cos(xs.get(1)), Lax.mul(xs.get(0), xs.get(0)))), t, t)));
    }

    /** A while taking (threshold: d[], b: d[3], x: d[3]): x = |x| * 1.5 + |b| + 0.25 while sum(x^2) < 20 + threshold. */
    public static While whileLoop(DType d) {
        ArrayType s = ArrayType.of(d), v = ArrayType.of(d, 3);
        ClosedJaxpr cond = trace(xs -> List.of(Lax.lt(Lax.reduceSum(Lax.mul(xs.get(1), xs.get(1)), 0),
                Lax.add(xs.get(0), DenseArray.scalar(d, false, 20)))), s, v);
        ClosedJaxpr body = trace(xs -> List.of(Lax.add(Lax.add(Lax.mul(Lax.abs(xs.get(1)), DenseArray.scalar(d, false, 1.5)),
                Lax.abs(xs.get(0))), DenseArray.scalar(d, false, 0.25))), v, v);
        return new While(cond, 1, body, 1);
    }

    /** A scan taking (c: d[3], carry: d[3], xs: d[4,3]) to (carry, ys: d[4,3]). */
    public static Scan scan(DType d, boolean reverse) {
        ArrayType v = ArrayType.of(d, 3);
        ClosedJaxpr body = trace(xs -> List.of(Lax.add(Lax.mul(xs.get(1), xs.get(2)), Lax.sin(xs.get(0))),
                Lax.mul(Lax.cos(xs.get(1)), xs.get(2))), v, v, v);
        return new Scan(body, 4, 1, 1, reverse, 1);
    }
}
