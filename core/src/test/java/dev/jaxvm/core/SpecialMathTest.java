package dev.jaxvm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpecialMathTest {
    @Test
    void erfInvIsFloat64Accurate() {
        // scipy.special.erfinv(0.8), erfinv(0.999999), erfinv(-0.3)
        assertEquals(0.9061938024368232, SpecialMath.erfInv(0.8), 1e-15);
        assertEquals(3.458910737275499, SpecialMath.erfInv(0.999999), 1e-12);
        assertEquals(-0.2724627147267544, SpecialMath.erfInv(-0.3), 1e-15);
        for (double y = -0.999; y < 1; y += 0.0137) {
            assertEquals(y, SpecialMath.erf(SpecialMath.erfInv(y)), 2e-15, "y = " + y);
        }
    }
}
