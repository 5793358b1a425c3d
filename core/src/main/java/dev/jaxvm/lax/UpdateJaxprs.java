package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Shape;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.StagingInterpreter;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;

/** The scalar update programs of the scatter family, cached per (operation, dtype) as JAX caches them. */
final class UpdateJaxprs {
    private static final ConcurrentHashMap<String, ClosedJaxpr> CACHE = new ConcurrentHashMap<>();

    private UpdateJaxprs() {}

    static ClosedJaxpr of(String op, DType dtype, BinaryOperator<Array> f) {
        return CACHE.computeIfAbsent(op + ":" + dtype.numpyName(), k -> {
            ArrayType t = new ArrayType(Shape.SCALAR, dtype, false);
            return StagingInterpreter.trace(xs -> List.of(f.apply(xs.get(0), xs.get(1))), List.of(t, t));
        });
    }
}
