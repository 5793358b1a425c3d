package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.lax.Lax;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compiled float32 sums keep the bits of the 256-bit order whatever the machine's vector width: the
 * expected values were computed by the 256-bit-only compiler (main before map kernels widened). Sizes
 * around multiples of 8 and 16 exercise the 16-lane steps, the masked 8-lane block and the scalar tail.
 * Run also with {@code -XX:UseAVX=2} (or {@code -Djaxvm.vector_bits=256}) for the 256-bit path.
 */
class ReductionWidthTest {
    private static final int[] SIZES = {7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 33, 100_003};
    /** sum(sin(x)), then the sum of the cancelling values, of each size, as float32 bits from the 256-bit compiler. */
    private static final String EXPECTED = "40804998 41900000 3dcff876 0 c048a856 40800000 bf23a7ce 41c00000 "
            + "be5f3999 0 bc014394 40000000 c04dd0d2 41a00000 bcc88af2 41880000 "
            + "406e395d 41b00000 3fb021d6 42180000 be9c3810 41d00000 3fb74879 40c00000";

    static String sums() {
        StringBuilder sb = new StringBuilder();
        for (int n : SIZES) {
            float[] xs = new float[n];
            // +-1e20 (cancelling) between small integers: which of these an accumulator lane absorbs
            // while it holds 1e20 depends on the order, so another order gives another sum
            float[] big = new float[n];
            for (int i = 0; i < n; i++) {
                xs[i] = (float) Math.sin(i * 0.37 + n) * 3;
                big[i] = i % 5 + 1;
            }
            for (int i = 0; i + 7 < n; i += 8) {   // +1e20 and -1e20 at two places of each 8
                big[i + i / 8 * 3 % 7] = 1e20f;
                big[i + 7 - i / 8 * 5 % 7] = -1e20f;
            }
            ArrayType t = ArrayType.of(DType.FLOAT32, n);
            List<DenseArray> in = List.of(DenseArray.wrap(t, xs), DenseArray.wrap(t, big));
            for (ClosedJaxpr j : List.of(
                    StagingInterpreter.trace(a -> List.of(Lax.reduceSum(Lax.sin(a.get(0)), 0)), List.of(t, t)),
                    StagingInterpreter.trace(a -> List.of(Lax.reduceSum(a.get(1), 0)), List.of(t, t)))) {
                DenseArray out = (DenseArray) Compiler.compile(j).call(in).getFirst();
                sb.append(Integer.toHexString(Float.floatToRawIntBits((float) out.getDouble(0)))).append(' ');
            }
        }
        return sb.toString().trim();
    }

    @Test
    void sumsKeepThe256BitOrder() {
        assertEquals(EXPECTED, sums());
    }

    public static void main(String[] args) { System.out.println(sums()); }
}
