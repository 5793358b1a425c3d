package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.lax.Lax;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompilerSmokeTest {
    @Test
    void sinPlusTwoCos() {
        ArrayType t = ArrayType.of(DType.FLOAT32, 37);
        ClosedJaxpr j = Oracle.trace(xs -> List.of(Lax.add(Lax.sin(xs.get(0)),
                Lax.mul(DenseArray.scalar(DType.FLOAT32, false, 2), Lax.cos(xs.get(1))))), t, t);
        Random r = new Random(1);
        List<DenseArray> args = List.of(Oracle.random(t, r), Oracle.random(t, r));
        Executable e = Compiler.build(j, Compiler.Backend.BYTECODE);
        System.out.println(j);
        System.out.println(e.asText());
        // jaxvm's float32 sin and cos are within an ulp of Math's (ScalarMath); the sum may cancel
        Oracle.assertClose(Oracle.evaluate(j, args).getFirst(), e.call(args).getFirst(), 2, 1e-6, "bytecode");
        Oracle.assertClose(Oracle.evaluate(j, args).getFirst(),
                Compiler.build(j, Compiler.Backend.REFERENCE).call(args).getFirst(), 0, "reference");
    }

    @Test
    void sumOfBroadcastProduct() {
        ArrayType a = ArrayType.of(DType.FLOAT32, 5, 7);
        ArrayType b = ArrayType.of(DType.FLOAT32, 7);
        ClosedJaxpr j = Oracle.trace(xs -> List.of(Lax.reduceSum(Lax.mul(xs.get(0),
                Lax.broadcastInDim(xs.get(1), new int[] {5, 7}, 1)), 1), Lax.reduceSum(xs.get(0), 0, 1)), a, b);
        Random r = new Random(2);
        List<DenseArray> args = List.of(Oracle.random(a, r), Oracle.random(b, r));
        Executable e = Compiler.build(j, Compiler.Backend.BYTECODE);
        System.out.println(j);
        System.out.println(e.asText());
        List<DenseArray> want = Oracle.evaluate(j, args);
        List<DenseArray> got = e.call(args);
        Oracle.assertClose(want.get(0), got.get(0), 2, "row sums");
        Oracle.assertClose(want.get(1), got.get(1), 2, "total");
    }
}
