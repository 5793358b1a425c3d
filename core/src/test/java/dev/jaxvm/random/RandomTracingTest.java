package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.JaxprEval;
import dev.jaxvm.ir.StagingInterpreter;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sampling traced into a Jaxpr (what jit stages) gives exactly the eager numbers, keys traced. */
class RandomTracingTest {

    private static void assertSameWhenTraced(Function<KeyArray, Array> f, long seed) {
        KeyArray key = Random.key(seed);
        Array eager = f.apply(key);
        ClosedJaxpr j = StagingInterpreter.trace(xs -> List.of(f.apply(Random.wrapKeyData(xs.getFirst()))),
                List.of(ArrayType.of(DType.UINT32, 2)));
        assertTrue(j.toString().matches("(?s).*random_(bits|split|fold_in).*"), j.toString());
        Array traced = JaxprEval.eval(j, List.of(Random.keyData(key))).getFirst();
        assertArrayEquals(eager.shape(), traced.shape());
        assertArrayEquals(eager.toLongArray(), traced.toLongArray());
        if (eager.dtype().isFloating()) assertArrayEquals(eager.toDoubleArray(), traced.toDoubleArray());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void samplersTraceToTheirEagerValues(boolean part) {
        Golden.inMode(part, false, () -> {
            int[] s = {3, 4};
            assertSameWhenTraced(k -> Random.keyData(Random.split(k, 3)), 1);
            assertSameWhenTraced(k -> Random.keyData(Random.foldIn(k, 12)), 1);
            assertSameWhenTraced(k -> Random.bits(k, s, DType.UINT8), 2);
            assertSameWhenTraced(k -> Random.uniform(k, s), 3);
            assertSameWhenTraced(k -> Random.uniform(k, s, null, -0.3, 0.7), 3);
            assertSameWhenTraced(k -> Random.normal(k, s), 4);
            assertSameWhenTraced(k -> Random.randint(k, s, -5, 100), 5);
            assertSameWhenTraced(k -> Random.truncatedNormal(k, -1, 2, s), 6);
            assertSameWhenTraced(k -> Random.bernoulli(k, 0.25, s), 7);
            assertSameWhenTraced(k -> Random.gumbel(k, s), 8);
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void tracedSeedsAndFoldInData(boolean part) {
        Golden.inMode(part, false, () -> {
            ClosedJaxpr j = StagingInterpreter.trace(xs -> {
                KeyArray k = Random.key(xs.get(0));
                return List.of(Random.normal(Random.foldIn(k, xs.get(1)), new int[] {5}));
            }, List.of(ArrayType.of(DType.INT32), ArrayType.of(DType.INT32)));
            Array traced = JaxprEval.eval(j, List.of(dev.jaxvm.numpy.Jnp.array(42), dev.jaxvm.numpy.Jnp.array(7)))
                    .getFirst();
            Array eager = Random.normal(Random.foldIn(Random.key(42), 7), new int[] {5});
            assertArrayEquals(eager.toDoubleArray(), traced.toDoubleArray());
            return null;
        });
    }
}
