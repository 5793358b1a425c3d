package dev.jaxvm.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.Jax;
import dev.jaxvm.core.XlaPowF32;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import org.junit.jupiter.api.Test;

/**
 * float32 {@code pow} is XLA:CPU's (the C library's {@code powf}) bit for bit, eagerly and under jit,
 * including inputs where the float64 power rounded to float32 differs (resource prng/powf.json, from
 * tools/gen_prng_powf.py) and the special cases.
 */
class XlaPowTest {
    private static final JsonObject G = Golden.load("/prng/powf.json");

    private static int bits(JsonElement e) { return Integer.parseUnsignedInt(e.getAsString().substring(2), 16); }

    @Test
    void powIsXlaCpusPowf() {
        JsonArray cases = G.getAsJsonArray("cases");
        int n = cases.size();
        float[] x = new float[n];
        float[] y = new float[n];
        int[] want = new int[n];
        for (int i = 0; i < n; i++) {
            JsonArray c = cases.get(i).getAsJsonArray();
            x[i] = Float.intBitsToFloat(bits(c.get(0)));
            y[i] = Float.intBitsToFloat(bits(c.get(1)));
            want[i] = bits(c.get(2));
        }
        float[] eager = Lax.pow(Jnp.array(x), Jnp.array(y)).toFloatArray();
        float[] jit = Jax.jit((Array a, Array b) -> Lax.pow(a, b)).apply(Jnp.array(x), Jnp.array(y)).toFloatArray();
        for (int i = 0; i < n; i++) {
            String label = "pow(" + x[i] + ", " + y[i] + ")";
            assertEquals(want[i], Float.floatToRawIntBits(XlaPowF32.pow(x[i], y[i])), label);
            assertEquals(want[i], Float.floatToRawIntBits(eager[i]), "eager " + label);
            assertEquals(want[i], Float.floatToRawIntBits(jit[i]), "jit " + label);
        }
    }
}
