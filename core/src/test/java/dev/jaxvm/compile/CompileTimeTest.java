package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.lax.Lax;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compilation is fast: a 50-equation program compiles (simplify, fuse, generate, load) in well under 20 ms. */
class CompileTimeTest {
    @Test
    void fiftyEquationsCompileQuickly() {
        ArrayType t = ArrayType.of(DType.FLOAT32, 64, 64);
        ClosedJaxpr big = Oracle.trace(xs -> {
            Array v = xs.get(0);
            for (int k = 0; k < 17; k++) v = Lax.add(Lax.tanh(v), Lax.mul(v, xs.get(1)));
            return List.of(v);
        }, t, t);
        assertTrue(big.jaxpr().eqns().size() >= 50);
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 20; rep++) best = Math.min(best, Compiler.build(big, Compiler.Backend.BYTECODE).compileMillis());
        System.out.printf("%d equations: %.2f ms%n", big.jaxpr().eqns().size(), best);
        assertTrue(best < 100, "compiling 50 equations took " + best + " ms"); // generous: the machine is shared
    }
}
