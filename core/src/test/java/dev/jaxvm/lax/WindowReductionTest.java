package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.Ints;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.numpy.Jnp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@code reduce_window_*}, pooling and {@code select_and_scatter_add} against real JAX 0.10.2. */
class WindowReductionTest {
    private static final JsonObject CASES = ConvFixtures.load("window_cases");

    private static Array run(JsonObject c, Array x) {
        String kind = c.get("kind").getAsString();
        DType t = x.dtype();
        Number init = switch (kind) {
            case "sum" -> 0;
            case "max" -> t.isFloating() ? Double.NEGATIVE_INFINITY : WindowReduce.identityLong(WindowReduce.Monoid.MAX, t);
            default -> t.isFloating() ? Double.POSITIVE_INFINITY : WindowReduce.identityLong(WindowReduce.Monoid.MIN, t);
        };
        return Lax.reduceWindow(x, init, kind.equals("sum") ? "add" : kind, ConvFixtures.ints(c.get("window_dimensions")),
                ConvFixtures.ints(c.get("window_strides")), ConvFixtures.padding(c.get("padding")),
                ConvFixtures.ints(c.get("base_dilation")), ConvFixtures.ints(c.get("window_dilation")));
    }

    @TestFactory
    Stream<DynamicTest> matchesJax() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : CASES.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("name").getAsString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Array x = ConvFixtures.array(c.getAsJsonObject("operand"));
                ConvFixtures.assertSame(ConvFixtures.array(c.getAsJsonObject("expected")), run(c, x), name);
                if (c.has("jaxpr")) {
                    String text = StagingInterpreter.trace(a -> List.of(run(c, a.getFirst())), List.of(x.type())).toString();
                    assertEquals(c.get("jaxpr").getAsString(), text, name);
                }
            }));
        }
        for (JsonElement e : CASES.getAsJsonArray("scatters")) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("name").getAsString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Array out = Lax.selectAndScatterAdd(ConvFixtures.array(c.getAsJsonObject("source")),
                        ConvFixtures.array(c.getAsJsonObject("operand")), SelectAndScatterAdd.Select.GE,
                        ConvFixtures.ints(c.get("window_dimensions")), ConvFixtures.ints(c.get("window_strides")),
                        ConvFixtures.padding(c.get("padding")));
                ConvFixtures.assertSame(ConvFixtures.array(c.getAsJsonObject("expected")), out, name);
            }));
        }
        for (JsonElement e : CASES.getAsJsonArray("gathers")) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("name").getAsString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Array out = Lax.selectAndGatherAdd(ConvFixtures.array(c.getAsJsonObject("tangents")),
                        ConvFixtures.array(c.getAsJsonObject("operand")), SelectAndScatterAdd.Select.GE,
                        ConvFixtures.ints(c.get("window_dimensions")), ConvFixtures.ints(c.get("window_strides")),
                        ConvFixtures.padding(c.get("padding")), ConvFixtures.ints(c.get("base_dilation")),
                        ConvFixtures.ints(c.get("window_dilation")));
                ConvFixtures.assertSame(ConvFixtures.array(c.getAsJsonObject("expected")), out, name);
            }));
        }
        return tests.stream();
    }

    @Test
    void maxPoolGradientIsSelectAndScatterAdd() {
        JsonObject g = CASES.getAsJsonObject("max_pool_grad");
        Array x = ConvFixtures.array(g.getAsJsonObject("operand"));
        Array weights = Jnp.array(new float[] {0, 1, 2, 3}).reshape(1, 2, 2, 1);
        Array grad = Lax.selectAndScatterAdd(weights, x, SelectAndScatterAdd.Select.GE, new int[] {1, 2, 2, 1},
                new int[] {1, 2, 2, 1}, "VALID");
        ConvFixtures.assertSame(ConvFixtures.array(g.getAsJsonObject("expected")), grad, "max pool gradient");
        // JAX's path: the JVP of reduce_window_max is select_and_gather_add, whose transpose is select_and_scatter_add
        Ints w = Ints.of(1, 2, 2, 1);
        Ints ones = Ints.of(1, 1, 1, 1);
        SelectAndGatherAdd jvp = new SelectAndGatherAdd(ones, Pads.zeros(4), SelectAndScatterAdd.Select.GE, ones, w, w);
        ConvFixtures.assertSame(ConvFixtures.array(g.getAsJsonObject("expected")), WindowRules.gatherTranspose(jvp, weights, x),
                "transpose of select_and_gather_add");
        Array t = Jnp.array(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}).reshape(1, 4, 4, 1);
        Array tangent = WindowRules.chooserJvp(SelectAndScatterAdd.Select.GE, t, x, w, w, Pads.zeros(4), ones, ones);
        // the dot-product test: <weights, J t> = <J^T weights, t>
        assertEquals(dot(weights, tangent), dot(grad, t), 1e-9);
        Array back = WindowRules.scatterTranspose(new SelectAndScatterAdd(Pads.zeros(4), SelectAndScatterAdd.Select.GE, w, w), t, x);
        assertEquals(dot(back, weights), dot(t, grad), 1e-9);
    }

    @Test
    void windowSumTransposeIsAdjoint() {
        java.util.Random r = new java.util.Random(3);
        ReduceWindowSum[] ps = {
            new ReduceWindowSum(Ints.of(1, 1), Pads.zeros(2), Ints.of(1, 1), Ints.of(2, 2), Ints.of(2, 2)),
            new ReduceWindowSum(Ints.of(2, 1), Pads.of(new int[][] {{1, 2}, {0, 1}}), Ints.of(1, 2), Ints.of(2, 3), Ints.of(1, 2))};
        for (ReduceWindowSum p : ps) {
            Array x = Jnp.array(randoms(r, 30)).reshape(5, 6);
            Array y = dev.jaxvm.core.Trace.bind1(p, x);
            Array ct = Jnp.array(randoms(r, y.size())).reshape(y.shape());
            Array back = WindowRules.sumTranspose(p, ct, x.type());
            assertArrayEquals(x.shape(), back.shape());
            assertEquals(dot(ct, y), dot(back, x), 1e-3, p.toString());
        }
    }

    private static float[] randoms(java.util.Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = r.nextInt(9) - 4;
        return v;
    }

    private static double dot(Array a, Array b) {
        double[] x = a.toDoubleArray();
        double[] y = b.toDoubleArray();
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }

    @Test
    void poolingHelpersFollowFlax() {
        Array x = Jnp.array(new float[] {1, 5, 2, 0, 3, 4, 8, 6, 7, 9, 10, 11, 12, 13, 14, 15}).reshape(1, 4, 4, 1);
        assertArrayEquals(new float[] {5, 8, 13, 15}, Pooling.maxPool(x, new int[] {2, 2}, new int[] {2, 2}, "VALID").toFloatArray());
        assertArrayEquals(new float[] {1, 0, 7, 10}, Pooling.minPool(x, new int[] {2, 2}, new int[] {2, 2}, "VALID").toFloatArray());
        assertArrayEquals(new float[] {13 / 4f, 16 / 4f, 41 / 4f, 50 / 4f},
                Pooling.avgPool(x, new int[] {2, 2}, new int[] {2, 2}, "VALID").toFloatArray());
        assertArrayEquals(new int[] {1, 2, 2, 1}, Pooling.maxPool(x, new int[] {3, 3}, new int[] {2, 2}, "SAME").shape());
    }

    @Test
    void rejectsBadWindows() {
        Array x = Jnp.ones(4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lax.reduceWindowSum(x, new int[] {2}, new int[] {1}, "VALID"));
        assertEquals("reduce_window got the wrong number of window_dimensions for operand: got operand shape (4, 4) with"
                + " window_dimensions (2,).", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Lax.reduceWindowSum(x.astype(DType.BOOL), new int[] {2, 2}, new int[] {1, 1}, "VALID"));
        assertEquals("operand to reduce_window_sum must have a number dtype, got bool", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Lax.reduceWindowMax(x, new int[] {2, 0}, new int[] {1, 1}, "VALID"));
        assertEquals("reduce_window window_dimensions must have every element be strictly positive, got (2, 0).", e.getMessage());
        assertThrows(UnsupportedOperationException.class,
                () -> Lax.reduceWindow(x, 1.0, "add", new int[] {2, 2}, null, "VALID", null, null));
    }
}
