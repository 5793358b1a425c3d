package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.core.XlaFloat32;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * The SIMD float32 transcendentals over a dense sweep of all float32 bit patterns (every 4093th, both
 * signs, zeros, subnormals, huge arguments, infinities, NaN): jaxvm's own within 2 ulp of {@link Math}
 * (rounded to float) with exact specials, XLA's sequences bit for bit {@link XlaFloat32}, and every
 * lane bit for bit its scalar form.
 */
class VectorMathTest {
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        88.7f, 88.72f, 89f, -87.3f, -100f, -103f, -104f, -200f, 1e-30f, 3.1415927f, 1e5f, -7e4f, 65535.9f, 1.5707964f,
        0.625f, -0.625f, 0.62499994f, 9f, -9f, 0.4f, -0.4f, 0.99999994f, -0.99999994f, 0.5f, Float.MIN_VALUE,
        Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE};

    /** Every 4093th float32 bit pattern, then the special values: 1.05M inputs, a multiple of 8. */
    private static float[] sweep() {
        int n = (int) ((1L << 32) / 4093) + 1;
        float[] x = new float[(n + SPECIAL.length + 15) / 16 * 16];
        for (int i = 0; i < n; i++) x[i] = Float.intBitsToFloat((int) (i * 4093L));
        for (int i = n; i < x.length; i++) x[i] = SPECIAL[(i - n) % SPECIAL.length];
        return x;
    }

    private static final float[] X = sweep();

    private static float[] simd(UnaryOperator<FloatVector> f) {
        float[] out = new float[X.length];
        // the kernels' width (512 bits on AVX-512, else 256; run with -XX:UseAVX=2 for the latter)
        for (int i = 0; i < X.length; i += VectorMath.F.length()) f.apply(FloatVector.fromArray(VectorMath.F, X, i)).intoArray(out, i);
        return out;
    }

    /** Within 2 ulp of Math (results below 1e-6 near a zero of sin/cos: within 1e-7 absolute); specials exact. */
    private static void near(UnaryOperator<FloatVector> f, DoubleUnaryOperator ref, String name) {
        float[] got = simd(f);
        int worst = 0;
        for (int i = 0; i < X.length; i++) {
            float want = (float) ref.applyAsDouble(X[i]);
            String at = name + "(" + X[i] + " = 0x" + Integer.toHexString(Float.floatToRawIntBits(X[i])) + "): " + got[i] + " vs " + want;
            if (Float.isNaN(want) || Float.isInfinite(want) || want == 0) {
                if (Float.isNaN(want)) assertTrue(Float.isNaN(got[i]), at);
                else assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(got[i]), at);
                continue;
            }
            if (Math.abs(want) < Float.MIN_NORMAL) {
                assertTrue(Math.abs(want - got[i]) <= 2 * Float.MIN_VALUE, at);
                continue;
            }
            if (Math.abs(want) < 1e-6f && Math.abs(want - got[i]) < 1e-7f) continue;
            int ulps = Math.abs(Float.floatToIntBits(want) - Float.floatToIntBits(got[i]));
            worst = Math.max(worst, ulps);
            assertTrue(ulps <= 2, at);
        }
        System.out.println(name + ": worst " + worst + " ulp over " + X.length + " inputs");
    }

    private static void bitsEqual(UnaryOperator<FloatVector> f, UnaryOperator<Float> scalar, String name) {
        float[] got = simd(f);
        for (int i = 0; i < X.length; i++) {
            int want = Float.floatToRawIntBits(scalar.apply(X[i]));
            // NaN's sign and payload are not reproducible in Java arithmetic: any NaN matches a NaN
            if (want != Float.floatToRawIntBits(got[i]) && !(Float.isNaN(got[i]) && Float.isNaN(Float.intBitsToFloat(want)))) {
                assertEquals(Float.intBitsToFloat(want), got[i], name + "(" + X[i] + "): lane bits differ from the scalar form");
                assertEquals(want, Float.floatToRawIntBits(got[i]), name + "(" + X[i] + ")");
            }
        }
    }

    @Test
    void exp() {
        near(VectorMath::exp, Math::exp, "exp");
        bitsEqual(VectorMath::exp, ScalarMath::exp, "exp");
    }

    @Test
    void sin() {
        near(VectorMath::sin, Math::sin, "sin");
        bitsEqual(VectorMath::sin, ScalarMath::sin, "sin");
    }

    @Test
    void cos() {
        near(VectorMath::cos, Math::cos, "cos");
        bitsEqual(VectorMath::cos, ScalarMath::cos, "cos");
    }

    @Test
    void tanh() {
        near(VectorMath::tanh, Math::tanh, "tanh");
        bitsEqual(VectorMath::tanh, ScalarMath::tanh, "tanh");
    }

    @Test
    void logistic() {
        near(VectorMath::logistic, x -> 1 / (1 + Math.exp(-x)), "logistic");
        bitsEqual(VectorMath::logistic, ScalarMath::logistic, "logistic");
    }

    @Test
    void xlaSequencesBitForBit() {
        bitsEqual(VectorMath::log, XlaFloat32::log, "log");
        bitsEqual(VectorMath::log1p, XlaFloat32::log1p, "log1p");
        bitsEqual(VectorMath::erfInv, XlaFloat32::erfInv, "erf_inv");
    }
}
