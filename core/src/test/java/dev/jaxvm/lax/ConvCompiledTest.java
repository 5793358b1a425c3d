package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.compile.ConvGeneral;
import dev.jaxvm.compile.LibraryKernel;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import dev.jaxvm.ir.StagingInterpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The compiled convolution kernels ({@code Conv2d}, {@code ConvGeneral}) against real JAX 0.10.2's values
 * (lax_cases.json, forward and both gradients through {@code Jax.jit}) and against the reference
 * evaluation on random configurations: every layout permutation family, strides, padding (also
 * negative), input and kernel dilation, feature and batch groups, 1-D to 3-D, int and float dtypes,
 * odd and empty sizes.
 */
class ConvCompiledTest {
    private static final JsonObject CASES = ConvFixtures.load("lax_cases");

    private static ConvGeneralDilated primitive(JsonObject c, Array lhs, Array rhs) {
        JsonElement dn = c.get("dimension_numbers");
        String[] specs = dn.isJsonNull() ? null : new String[] {dn.getAsJsonArray().get(0).getAsString(),
                dn.getAsJsonArray().get(1).getAsString(), dn.getAsJsonArray().get(2).getAsString()};
        JsonElement pref = c.get("preferred_element_type");
        var j = StagingInterpreter.trace(a -> List.of(Lax.convGeneralDilated(a.get(0), a.get(1),
                ConvFixtures.ints(c.get("window_strides")), ConvFixtures.padding(c.get("padding")),
                ConvFixtures.ints(c.get("lhs_dilation")), ConvFixtures.ints(c.get("rhs_dilation")), specs,
                c.get("feature_group_count").getAsInt(), c.get("batch_group_count").getAsInt(), null,
                pref.isJsonNull() ? null : DType.of(pref.getAsString()))), List.of(lhs.type(), rhs.type()));
        return (ConvGeneralDilated) j.jaxpr().eqns().getFirst().primitive();
    }

    /** Floats within {@code rel} of the magnitude of the expected values (float32 lanes sum in another order); integers exact. */
    static void assertClose(Array want, Array got, double rel, String what) {
        assertArrayEquals(want.shape(), got.shape(), what + " shape");
        assertEquals(want.dtype(), got.dtype(), what + " dtype");
        DenseArray w = (DenseArray) want, g = (DenseArray) got;
        double scale = 1;
        for (int i = 0; i < w.size(); i++) if (w.dtype().isFloating()) scale = Math.max(scale, Math.abs(w.getDouble(i)));
        for (int i = 0; i < w.size(); i++) {
            if (w.dtype().isFloating()) {
                if (Math.abs(w.getDouble(i) - g.getDouble(i)) > rel * scale) {
                    fail(what + ": element " + i + " expected " + w.getDouble(i) + " but was " + g.getDouble(i));
                }
            } else if (w.getLong(i) != g.getLong(i)) {
                fail(what + ": element " + i + " expected " + w.getLong(i) + " but was " + g.getLong(i));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> jittedMatchesJax() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : CASES.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("name").getAsString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                DenseArray lhs = ConvFixtures.array(c.getAsJsonObject("lhs"));
                DenseArray rhs = ConvFixtures.array(c.getAsJsonObject("rhs"));
                ConvGeneralDilated p = primitive(c, lhs, rhs);
                ArrayType out = p.abstractEval(List.of(lhs.type(), rhs.type())).getFirst();
                Lowering l = p.lower(List.of(lhs.type(), rhs.type()), List.of(out));
                if (ConvGeneral.supports(lhs.dtype(), rhs.dtype(), out.dtype())) assertInstanceOf(Lowering.Library.class, l, name);
                Array got = Jax.jit((dev.jaxvm.Fn2) (a, b) -> dev.jaxvm.core.Trace.bind1(p, a, b)).apply(lhs, rhs);
                assertClose(ConvFixtures.array(c.getAsJsonObject("expected")), got, 1e-6, name);
                if (!c.has("vjp")) return;
                JsonObject v = c.getAsJsonObject("vjp");
                Array g = ConvFixtures.array(v.getAsJsonObject("g"));
                Array dl = Jax.jit((dev.jaxvm.Fn1) ct -> ConvRules.transposeLhs(ct, lhs.type(), rhs, p)).apply(g);
                Array dr = Jax.jit((dev.jaxvm.Fn1) ct -> ConvRules.transposeRhs(ct, lhs, rhs.type(), p)).apply(g);
                assertClose(ConvFixtures.array(v.getAsJsonObject("lhs")), dl, 1e-5, name + " d lhs");
                assertClose(ConvFixtures.array(v.getAsJsonObject("rhs")), dr, 1e-5, name + " d rhs");
            }));
        }
        return tests.stream();
    }

    private static final String[][] LAYOUTS_2D = {{"NCHW", "OIHW", "NCHW"}, {"NHWC", "HWIO", "NHWC"}, {"HNCW", "OHWI", "CNHW"},
            {"CHWN", "IHWO", "WHNC"}};

    @Test
    void randomConfigurationsMatchTheReference() {
        Random rnd = new Random(17);
        DType[] dtypes = {DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64};
        for (int iter = 0; iter < 160; iter++) {
            int nsp = 1 + iter % 3;
            DType t = dtypes[iter % dtypes.length];
            int fg = 1, bg = 1;
            int groups = 1 + rnd.nextInt(3);
            if (rnd.nextBoolean()) fg = groups;
            else bg = groups;
            int n = bg * (1 + rnd.nextInt(2)), cin = 1 + rnd.nextInt(3), o = fg * bg * (1 + rnd.nextInt(2));
            int[] s = new int[nsp], k = new int[nsp], st = new int[nsp], ldl = new int[nsp], rdl = new int[nsp];
            int[][] pads = new int[nsp][2];
            for (int d = 0; d < nsp; d++) {
                s[d] = (iter % 17 == 0 && d == 0) ? 0 : 1 + rnd.nextInt(nsp == 3 ? 4 : 9);
                k[d] = 1 + rnd.nextInt(4);
                st[d] = 1 + rnd.nextInt(3);
                ldl[d] = rnd.nextInt(4) == 0 ? 2 : 1;
                rdl[d] = rnd.nextInt(4) == 0 ? 2 : 1;
                pads[d][0] = rnd.nextInt(4) - 1;
                pads[d][1] = rnd.nextInt(4) - 1;
            }
            // make sure the padded, dilated input covers one dilated window
            for (int d = 0; d < nsp; d++) {
                int in = s[d] == 0 ? 0 : (s[d] - 1) * ldl[d] + 1, win = (k[d] - 1) * rdl[d] + 1;
                while (in + pads[d][0] + pads[d][1] < win) pads[d][1]++;
            }
            int[] lhsShape = new int[nsp + 2], rhsShape = new int[nsp + 2];
            ConvDimensionNumbers dn;
            if (nsp == 2) {
                String[] lay = LAYOUTS_2D[rnd.nextInt(LAYOUTS_2D.length)];
                dn = ConvDimensionNumbers.of(lay[0], lay[1], lay[2]);
            } else {
                dn = rnd.nextBoolean() ? ConvDimensionNumbers.defaults(nsp + 2) : channelsLast(nsp);
            }
            int[] lc = new int[nsp + 2], rc = new int[nsp + 2];
            lc[0] = n;
            lc[1] = cin * fg;
            rc[0] = o;
            rc[1] = cin;
            for (int d = 0; d < nsp; d++) {
                lc[2 + d] = s[d];
                rc[2 + d] = k[d];
            }
            for (int i = 0; i < nsp + 2; i++) {
                lhsShape[dn.lhsSpec().get(i)] = lc[i];
                rhsShape[dn.rhsSpec().get(i)] = rc[i];
            }
            ConvGeneralDilated p = new ConvGeneralDilated(Ints.of(st), Pads.of(pads), Ints.of(ldl), Ints.of(rdl), dn, fg, bg, null, null);
            ArrayType lt = new ArrayType(new Shape(lhsShape), t, false), rt = new ArrayType(new Shape(rhsShape), t, false);
            check(p, lt, rt, rnd, "case " + iter + " " + p.params());
        }
    }

    private static ConvDimensionNumbers channelsLast(int nsp) {
        int r = nsp + 2;
        int[] l = new int[r], k = new int[r];
        l[0] = 0;
        l[1] = r - 1;
        k[0] = r - 1;
        k[1] = r - 2;
        for (int d = 0; d < nsp; d++) {
            l[2 + d] = 1 + d;
            k[2 + d] = d;
        }
        return new ConvDimensionNumbers(Ints.of(l), Ints.of(k), Ints.of(l));
    }

    private static void check(ConvGeneralDilated p, ArrayType lt, ArrayType rt, Random rnd, String what) {
        ArrayType out = p.abstractEval(List.of(lt, rt)).getFirst();
        Lowering l = p.lower(List.of(lt, rt), List.of(out));
        LibraryKernel k = assertInstanceOf(Lowering.Library.class, l, () -> what + " " + l).kernel();
        DenseArray a = random(lt, rnd), b = random(rt, rnd);
        DenseArray want = p.evaluate(List.of(a, b), List.of(out)).getFirst();
        for (int threads : new int[] {1, 2}) {
            assertClose(want, k.run(List.of(a, b), List.of(out), threads).getFirst(), 1e-6, what + " " + k.describe() + " threads " + threads);
        }
    }

    private static DenseArray random(ArrayType t, Random r) {
        Object d = Storage.allocate(t.dtype(), t.size());
        for (int i = 0; i < t.size(); i++) {
            if (t.dtype().isFloating()) Storage.setDouble(t.dtype(), d, i, r.nextDouble() * 6 - 3);
            else Storage.setLong(t.dtype(), d, i, r.nextInt(101) - 50);
        }
        return DenseArray.wrap(t, d);
    }

    @Test
    void kernelGradientOfTheDepthwiseDemoLayoutIsCompiled() {
        // the layout of JAX's transpose rule for the kernel gradient of a depthwise NHWC convolution
        ConvDimensionNumbers dn = new ConvDimensionNumbers(Ints.of(3, 0, 1, 2), Ints.of(3, 0, 1, 2), Ints.of(2, 3, 0, 1));
        ConvGeneralDilated p = new ConvGeneralDilated(Ints.of(1, 1), Pads.of(new int[][] {{3, 3}, {3, 3}}), Ints.of(1, 1),
                Ints.of(1, 1), dn, 1, 4, null, null);
        check(p, ArrayType.of(DType.FLOAT32, 1, 37, 45, 4), ArrayType.of(DType.FLOAT32, 1, 37, 45, 4), new Random(3), "kernel gradient");
    }
}
