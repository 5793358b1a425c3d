package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The SIMD float32 transcendentals against {@link Math}, rounded to float: within 2 ulp, specials exact. */
class VectorMathTest {
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            88.7f, 88.72f, 89f, -87.3f, -100f, -103f, -104f, -200f, 1e-30f, 3.1415927f, 1e5f, -7e4f, 65535.9f, 1.5707964f};

    private static void check(UnaryOperator<FloatVector> simd, DoubleUnaryOperator ref, float lo, float hi) {
        Random r = new Random(3);
        float[] x = new float[8 * 4000 + SPECIAL.length + 3];
        for (int i = 0; i < x.length; i++) x[i] = i < SPECIAL.length ? SPECIAL[i] : lo + r.nextFloat() * (hi - lo);
        int worst = 0;
        for (int i = 0; i + 8 <= x.length; i += 8) {
            float[] got = simd.apply(FloatVector.fromArray(FloatVector.SPECIES_256, x, i)).toArray();
            for (int j = 0; j < 8; j++) {
                float want = (float) ref.applyAsDouble(x[i + j]);
                if (Float.isNaN(want) || Float.isInfinite(want) || want == 0) {
                    assertEquals(want, got[j], Math.abs(want) < Float.MIN_NORMAL ? 1e-37f : 0f, "at " + x[i + j]);
                    continue;
                }
                int ulps = Math.abs(Float.floatToIntBits(want) - Float.floatToIntBits(got[j]));
                if (Math.abs(want) < 1e-6f && Math.abs(want - got[j]) < 1e-7f) continue; // near a zero of sin/cos
                worst = Math.max(worst, ulps);
                assertTrue(ulps <= 2, "at " + x[i + j] + ": " + got[j] + " vs " + want);
            }
        }
        System.out.println("worst ulps " + worst);
    }

    @Test
    void exp() { check(VectorMath::exp, Math::exp, -110, 90); }

    @Test
    void sin() { check(VectorMath::sin, Math::sin, -100, 100); }

    @Test
    void cos() { check(VectorMath::cos, Math::cos, -100, 100); }

    @Test
    void everyLaneHasTheBitsOfTheScalarForm() {
        Random r = new Random(4);
        float[] x = new float[8 * 2000];
        for (int i = 0; i < x.length; i++) x[i] = i < SPECIAL.length ? SPECIAL[i] : (r.nextFloat() - 0.5f) * (i % 3 == 0 ? 2e5f : 60f);
        for (int i = 0; i < x.length; i += 8) {
            FloatVector v = FloatVector.fromArray(FloatVector.SPECIES_256, x, i);
            float[] e = VectorMath.exp(v).toArray(), s = VectorMath.sin(v).toArray(), c = VectorMath.cos(v).toArray();
            for (int j = 0; j < 8; j++) {
                assertEquals(Float.floatToRawIntBits(ScalarMath.exp(x[i + j])), Float.floatToRawIntBits(e[j]), "exp " + x[i + j]);
                assertEquals(Float.floatToRawIntBits(ScalarMath.sin(x[i + j])), Float.floatToRawIntBits(s[j]), "sin " + x[i + j]);
                assertEquals(Float.floatToRawIntBits(ScalarMath.cos(x[i + j])), Float.floatToRawIntBits(c[j]), "cos " + x[i + j]);
            }
        }
    }
}
