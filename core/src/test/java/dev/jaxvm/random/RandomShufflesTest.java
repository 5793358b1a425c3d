package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Permutations are permutations; choice and categorical follow their probabilities. */
class RandomShufflesTest {

    @Test
    void permutationsArePermutations() {
        for (int n : new int[] {1, 10, 1626, 3000}) {
            int[] p = Random.permutation(Random.key(n), n).toIntArray();
            int[] sorted = p.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < n; i++) assertEquals(i, sorted[i]);
        }
        Array x = Lax.iota(DType.INT32, 12).reshape(4, 3);
        int[] rows = Random.permutation(Random.key(3), x).toIntArray();
        for (int r = 0; r < 4; r++) {
            assertEquals(rows[3 * r] + 1, rows[3 * r + 1]);
            assertEquals(rows[3 * r] % 3, 0);
        }
        int[] shuffled = Random.shuffle(Random.key(4), Lax.iota(DType.INT32, 100), 0).toIntArray();
        assertNotEquals(Arrays.toString(Lax.iota(DType.INT32, 100).toIntArray()), Arrays.toString(shuffled));
    }

    @Test
    void choiceAndCategoricalFrequencies() {
        int n = 100_000;
        double[] p = {0.1, 0.2, 0.3, 0.4};
        Array pa = Jnp.array(new float[] {0.1f, 0.2f, 0.3f, 0.4f});
        assertFrequencies("choice with p", Random.choice(Random.key(1), 4, new int[] {n}, true, pa).toIntArray(), p);
        assertFrequencies("categorical", Random.categorical(Random.key(2), Lax.log(pa), -1, new int[] {n}).toIntArray(), p);
        assertFrequencies("choice", Random.choice(Random.key(3), 4, new int[] {n}).toIntArray(),
                new double[] {0.25, 0.25, 0.25, 0.25});
        int[] noRep = Random.choice(Random.key(4), 50, new int[] {50}, false, null).toIntArray();
        Arrays.sort(noRep);
        for (int i = 0; i < 50; i++) assertEquals(i, noRep[i]);
        Array rows = Random.choice(Random.key(5), Lax.iota(DType.INT32, 20).reshape(5, 4), new int[] {2, 3}, true, null, 0);
        assertArrayEquals(new int[] {2, 3, 4}, rows.shape());
    }

    private static void assertFrequencies(String name, int[] draws, double[] p) {
        int[] c = new int[p.length];
        for (int d : draws) c[d]++;
        for (int i = 0; i < p.length; i++) {
            double sd = Math.sqrt(draws.length * p[i] * (1 - p[i]));
            assertTrue(Math.abs(c[i] - draws.length * p[i]) < 5 * sd, name + ": category " + i + " drawn " + c[i] + " times");
        }
    }
}
