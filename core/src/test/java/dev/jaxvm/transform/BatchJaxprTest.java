package dev.jaxvm.transform;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Ints;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.JaxprEval;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.lax.Lax;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchJaxprTest {
    @Test
    void batchedProgramEqualsVmap() {
        ClosedJaxpr j = StagingInterpreter.trace(xs -> List.of(Lax.mul(Lax.sin(xs.get(0)), xs.get(1)),
                Lax.reduceSum(xs.get(1), 0), Lax.cos(xs.get(1))),
                List.of(ArrayType.of(DType.FLOAT32, 2, 3), ArrayType.of(DType.FLOAT32, 2, 3)));
        BatchJaxpr.Result r = BatchJaxpr.batch(j, Ints.of(1, NOT_MAPPED), 4, null);
        assertEquals(Ints.of(0, NOT_MAPPED, NOT_MAPPED), r.outDims());
        assertEquals("[f32[2,4,3], f32[2,3]]", r.jaxpr().inTypes().toString());
        Random rnd = new Random(1);
        Array x = BatchTesting.random(ArrayType.of(DType.FLOAT32, 2, 4, 3), rnd);
        Array y = BatchTesting.random(ArrayType.of(DType.FLOAT32, 2, 3), rnd);
        List<Array> got = JaxprEval.eval(r.jaxpr(), List.of(x, y));
        List<Array> want = Vmap.call(xs -> JaxprEval.eval(j, xs), List.of(x, y), Arrays.asList(1, null),
                Arrays.asList(0, null, null), null, null, null);
        for (int k = 0; k < 3; k++) BatchTesting.assertSame(want.get(k), got.get(k), "output " + k);
    }
}
