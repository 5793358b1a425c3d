package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code slice}'s reference evaluation (runs of whole inner axes copied at once) against a naive gather. */
class SliceEvaluateTest {
    @Test
    void randomBoxesMatchElementByElement() {
        Random r = new Random(11);
        for (int trial = 0; trial < 400; trial++) {
            int rank = r.nextInt(4);
            int[] dims = new int[rank], start = new int[rank], limit = new int[rank], strides = new int[rank];
            boolean unit = r.nextBoolean();
            for (int k = 0; k < rank; k++) {
                dims[k] = 1 + r.nextInt(5);
                boolean whole = r.nextBoolean();
                start[k] = whole ? 0 : r.nextInt(dims[k]);
                limit[k] = whole ? dims[k] : start[k] + r.nextInt(dims[k] - start[k] + 1);
                strides[k] = unit ? 1 : 1 + r.nextInt(3);
            }
            ArrayType t = ArrayType.of(DType.INT32, dims);
            int[] data = new int[t.size()];
            for (int i = 0; i < data.length; i++) data[i] = i;
            Slice s = new Slice(Ints.of(start), Ints.of(limit), unit && r.nextBoolean() ? null : Ints.of(strides));
            ArrayType ot = s.abstractEval(List.of(t)).getFirst();
            int[] got = (int[]) s.evaluate(List.of(DenseArray.wrap(t, data)), List.of(ot)).getFirst().buffer();
            int[] od = ot.shape().dims(), xs = t.shape().strides();
            int[] want = new int[ot.size()];
            for (int o = 0; o < want.length; o++) {
                int rem = o, src = 0;
                for (int k = rank - 1; k >= 0; k--) {
                    int i = rem % od[k];
                    rem /= od[k];
                    src += (start[k] + i * (s.strides() == null ? 1 : strides[k])) * xs[k];
                }
                want[o] = data[src];
            }
            assertArrayEquals(want, got, s + " of " + t);
        }
    }
}
