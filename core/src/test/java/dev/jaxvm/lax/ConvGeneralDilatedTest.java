package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Ints;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.numpy.Jnp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@code conv_general_dilated} against real JAX 0.10.2 (values, printed Jaxprs and error messages). */
class ConvGeneralDilatedTest {
    private static final JsonObject CASES = ConvFixtures.load("lax_cases");

    private static Array run(JsonObject c, Array lhs, Array rhs) {
        JsonElement dn = c.get("dimension_numbers");
        String[] specs = dn.isJsonNull() ? null : new String[] {dn.getAsJsonArray().get(0).getAsString(),
                dn.getAsJsonArray().get(1).getAsString(), dn.getAsJsonArray().get(2).getAsString()};
        JsonElement pref = c.get("preferred_element_type");
        return Lax.convGeneralDilated(lhs, rhs, ConvFixtures.ints(c.get("window_strides")),
                ConvFixtures.padding(c.get("padding")), ConvFixtures.ints(c.get("lhs_dilation")),
                ConvFixtures.ints(c.get("rhs_dilation")), specs, c.get("feature_group_count").getAsInt(),
                c.get("batch_group_count").getAsInt(), null, pref.isJsonNull() ? null : DType.of(pref.getAsString()));
    }

    @TestFactory
    Stream<DynamicTest> matchesJax() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : CASES.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("name").getAsString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Array lhs = ConvFixtures.array(c.getAsJsonObject("lhs"));
                Array rhs = ConvFixtures.array(c.getAsJsonObject("rhs"));
                Array out = run(c, lhs, rhs);
                Array expected = ConvFixtures.array(c.getAsJsonObject("expected"));
                if (name.equals("float32_random")) {
                    assertArrayEquals(expected.shape(), out.shape());
                    assertArrayEquals(expected.toFloatArray(), out.toFloatArray(), 1e-5f, name);
                } else {
                    ConvFixtures.assertSame(expected, out, name);
                }
                if (c.has("jaxpr")) {
                    String text = StagingInterpreter.trace(a -> List.of(run(c, a.get(0), a.get(1))),
                            List.of(lhs.type(), rhs.type())).toString();
                    assertEquals(c.get("jaxpr").getAsString(), text, name);
                }
            }));
        }
        for (JsonElement e : CASES.getAsJsonArray("transposes")) {
            JsonObject c = e.getAsJsonObject();
            tests.add(DynamicTest.dynamicTest(c.get("name").getAsString(), () -> {
                Array out = Lax.convTranspose(ConvFixtures.array(c.getAsJsonObject("lhs")),
                        ConvFixtures.array(c.getAsJsonObject("rhs")), ConvFixtures.ints(c.get("strides")),
                        ConvFixtures.padding(c.get("padding")), ConvFixtures.ints(c.get("rhs_dilation")), null,
                        c.get("transpose_kernel").getAsBoolean(), null, null);
                ConvFixtures.assertSame(ConvFixtures.array(c.getAsJsonObject("expected")), out, c.get("name").getAsString());
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> raisesJaxErrors() {
        Array f4 = Jnp.ones(1, 1, 3, 3);
        Array f22 = Jnp.ones(1, 1, 2, 2);
        Array c = Jnp.ones(1, 3, 3, 1);
        Array k = Jnp.ones(2, 2, 1, 1);
        int[] s11 = {1, 1};
        List<Object[]> cases = List.of(
                new Object[] {"rank_mismatch", (Supplier<Array>) () -> Lax.conv(f4, Jnp.ones(1, 1, 2), s11, "VALID")},
                new Object[] {"dtype_mismatch", (Supplier<Array>) () -> Lax.conv(f4.astype(DType.UINT8),
                        f22.astype(DType.INT32), s11, "VALID")},
                new Object[] {"preferred_float_to_int", (Supplier<Array>) () -> Lax.convGeneralDilated(f4, f22, s11,
                        "VALID", null, null, null, 1, 1, null, DType.INT32)},
                new Object[] {"feature_group_divide", (Supplier<Array>) () -> Lax.convGeneralDilated(Jnp.ones(1, 3, 3, 3),
                        Jnp.ones(2, 1, 2, 2), s11, "VALID", null, null, null, 2, 1, null, null)},
                new Object[] {"feature_group_in", (Supplier<Array>) () -> Lax.convGeneralDilated(Jnp.ones(1, 4, 3, 3),
                        Jnp.ones(2, 1, 2, 2), s11, "VALID", null, null, null, 2, 1, null, null)},
                new Object[] {"feature_group_out", (Supplier<Array>) () -> Lax.convGeneralDilated(Jnp.ones(1, 4, 3, 3),
                        Jnp.ones(3, 2, 2, 2), s11, "VALID", null, null, null, 2, 1, null, null)},
                new Object[] {"batch_group_divide", (Supplier<Array>) () -> Lax.convGeneralDilated(Jnp.ones(3, 1, 3, 3),
                        Jnp.ones(2, 1, 2, 2), s11, "VALID", null, null, null, 1, 2, null, null)},
                new Object[] {"strides_rank", (Supplier<Array>) () -> Lax.conv(f4, f22, new int[] {1}, "VALID")},
                new Object[] {"pads_rank", (Supplier<Array>) () -> Lax.convGeneralDilated(f4, f22, s11, new int[][] {{0, 0}})},
                new Object[] {"bad_padding_string", (Supplier<Array>) () -> Lax.conv(f4, f22, s11, "FOO")},
                new Object[] {"string_pad_lhs_dilation", (Supplier<Array>) () -> Lax.convGeneralDilated(f4, f22, s11,
                        "SAME", new int[] {2, 2}, null, null)},
                new Object[] {"dn_missing_char", (Supplier<Array>) () -> Lax.convGeneralDilated(c, k, s11, "VALID", null,
                        null, new String[] {"NHWX", "HWIO", "NHWC"})},
                new Object[] {"dn_spatial_mismatch", (Supplier<Array>) () -> Lax.convGeneralDilated(c, k, s11, "VALID",
                        null, null, new String[] {"NHWC", "HDIO", "NHWC"})},
                new Object[] {"dn_length", (Supplier<Array>) () -> Lax.convGeneralDilated(c, k, s11, "VALID", null, null,
                        new String[] {"NHC", "HWIO", "NHWC"})});
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : CASES.getAsJsonArray("errors")) {
            JsonObject j = e.getAsJsonObject();
            String name = j.get("name").getAsString();
            @SuppressWarnings("unchecked")
            Supplier<Array> fn = (Supplier<Array>) cases.stream().filter(x -> x[0].equals(name)).findFirst().orElseThrow()[1];
            tests.add(DynamicTest.dynamicTest(name, () -> {
                IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, fn::get);
                assertEquals(j.get("message").getAsString(), ex.getMessage());
            }));
        }
        assertEquals(cases.size(), tests.size());
        return tests.stream();
    }

    @Test
    void printsPrecisionAndDimensionNumbers() {
        ConvGeneralDilated p = new ConvGeneralDilated(Ints.of(1, 1), Pads.of(new int[][] {{1, 1}, {0, 2}}), Ints.of(1, 1),
                Ints.of(1, 1), ConvDimensionNumbers.of("NHWC", "HWIO", "NHWC"), 4, 1,
                List.of(Precision.HIGHEST, Precision.HIGHEST), DType.FLOAT32);
        String text = p.params().stream().map(x -> x.name() + "=" + dev.jaxvm.core.Py.str(x.value()))
                .reduce((a, b) -> a + " " + b).orElseThrow();
        assertEquals("batch_group_count=1 dimension_numbers=ConvDimensionNumbers(lhs_spec=(0, 3, 1, 2), rhs_spec=(3, 2,"
                + " 0, 1), out_spec=(0, 3, 1, 2)) feature_group_count=4 lhs_dilation=(1, 1) out_sharding=None"
                + " padding=((1, 1), (0, 2)) precision=(Precision.HIGHEST, Precision.HIGHEST) preferred_element_type=float32"
                + " rhs_dilation=(1, 1) window_strides=(1, 1)", text);
    }

    @Test
    void typeRuleKeepsWeakOnlyWhenBothWeak() {
        ConvGeneralDilated p = new ConvGeneralDilated(Ints.of(1), Pads.zeros(1), Ints.of(1), Ints.of(1),
                ConvDimensionNumbers.defaults(3), 1, 1, null, null);
        ArrayType weak = new ArrayType(dev.jaxvm.core.Shape.of(1, 1, 3), DType.FLOAT32, true);
        ArrayType strong = weak.withWeakType(false);
        assertEquals(true, p.abstractEval(List.of(weak, weak)).getFirst().weakType());
        assertEquals(false, p.abstractEval(List.of(weak, strong)).getFirst().weakType());
    }

    @Test
    void samePaddingMatchesPadtypeToPads() {
        // in 7, window 4, stride 3: out 3, pad 3 -> SAME (1, 2), SAME_LOWER (2, 1)
        assertEquals("((1, 2),)", WindowShapes.padtypeToPads("SAME", new int[] {7}, new int[] {4}, new int[] {3}).toString());
        assertEquals("((2, 1),)", WindowShapes.padtypeToPads("SAME_LOWER", new int[] {7}, new int[] {4}, new int[] {3}).toString());
    }
}
