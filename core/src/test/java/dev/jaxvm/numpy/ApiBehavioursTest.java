package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.StagingInterpreter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numerics and dtype behaviours of reference/API_BEHAVIOURS.md §7 (and F10, F11) that concern jnp-elem. */
class ApiBehavioursTest {
    @Test
    void g2BinaryPromotionWithWeakScalars() {
        Array weakF32 = Jnp.array(1.0);
        assertTrue(weakF32.weakType());
        assertEquals(DType.FLOAT32, Jnp.add(weakF32, 0.0).dtype());
        assertEquals(DType.FLOAT16, Jnp.add(weakF32, Jnp.array(0.0, DType.FLOAT16)).dtype());
        assertEquals(DType.FLOAT16, Jnp.add(Jnp.array(1.0, DType.FLOAT16), 0.0).dtype());
        assertEquals(DType.FLOAT32, Jnp.add(Jnp.array(1.0, DType.FLOAT16), Jnp.array(0.0, DType.FLOAT32)).dtype());
        assertEquals(DType.FLOAT32, Jnp.add(Jnp.array(new float[] {1}), Jnp.array(0.0, DType.FLOAT16)).dtype());
        assertEquals(DType.FLOAT16, Jnp.add(Jnp.array(new float[] {1}, DType.FLOAT16), 0.0).dtype());
    }

    @Test
    void g3AndG6DefaultTypes() {
        assertEquals(DType.INT32, Jnp.array(0).dtype());
        assertEquals(DType.FLOAT32, Jnp.array(0.0).dtype());
        assertEquals(DType.BOOL, Jnp.array(true).dtype());
        assertEquals(DType.INT32, Jnp.arange(10).dtype());
        assertEquals(DType.FLOAT32, Jnp.arange(10.0).dtype());
        assertEquals(DType.FLOAT32, Jnp.arange(0, 10, 1.0).dtype());
    }

    @Test
    void g7ClipUpperPrecedence() {
        assertEquals(2.0f, Jnp.clip(4.0, 3.0, 2.0).item());
    }

    @Test
    void g9IntegerPowerHasNoOverflowMishandling() {
        Array x = Jnp.array(new int[] {-1, 0, 1});
        for (int y : new int[] {0, 32, 64, 128}) {
            int[] want = {y % 2 == 0 ? 1 : -1, y == 0 ? 1 : 0, 1};
            assertArrayEquals(want, Jnp.power(x, y).toIntArray(), "static exponent " + y);
            assertArrayEquals(want, Jnp.power(x, Jnp.full(new int[] {3}, y)).toIntArray(), "array exponent " + y);
        }
    }

    @Test
    void g10SumOfBools() {
        Array ones = Jnp.ones(new int[] {32}, DType.BOOL);
        assertEquals(32, Jnp.sum(ones).item());
        assertEquals(DType.INT32, Jnp.sum(ones).dtype());
    }

    @Test
    void f10IntegerPowerIsOneEquation() {
        ClosedJaxpr j = StagingInterpreter.trace(xs -> List.of(Jnp.power(xs.getFirst(), 2)),
                List.of(new ArrayType(dev.jaxvm.core.Shape.SCALAR, DType.INT32, true)));
        assertEquals(1, j.jaxpr().eqns().size(), j.toString());
        assertEquals("integer_pow", j.jaxpr().eqns().getFirst().primitive().name());
    }

    @Test
    void f11SaturatingCastAndBoolArithmetic() {
        assertArrayEquals(new int[] {254, 255, 255, 255}, Jnp.arange(254.0, 258.0).astype(DType.UINT8).toIntArray());
        Array t = Jnp.add(true, true);
        assertEquals(DType.BOOL, t.dtype());
        assertEquals(true, t.item());
        assertFalse(Jnp.multiply(true, false).toBooleanArray()[0]);
    }
}
