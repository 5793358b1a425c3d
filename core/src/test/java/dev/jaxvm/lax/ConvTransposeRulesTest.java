package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import dev.jaxvm.ir.StagingInterpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The transposes of {@code conv_general_dilated} with respect to the input and the kernel: equal to
 * real JAX's VJP on 1-D, 2-D and 3-D, strided, dilated, padded, grouped and batch-grouped cases, and
 * adjoint to the forward convolution (the dot-product test {@code <g, conv(x, w)> = <T_x g, x>}).
 */
class ConvTransposeRulesTest {
    private static final JsonObject CASES = ConvFixtures.load("lax_cases");

    /** The primitive {@link Lax#convGeneralDilated} binds for a case, found by tracing it. */
    static ConvGeneralDilated primitive(JsonObject c, Array lhs, Array rhs) {
        JsonElement dn = c.get("dimension_numbers");
        String[] specs = dn.isJsonNull() ? null : new String[] {dn.getAsJsonArray().get(0).getAsString(),
                dn.getAsJsonArray().get(1).getAsString(), dn.getAsJsonArray().get(2).getAsString()};
        var j = StagingInterpreter.trace(a -> List.of(Lax.convGeneralDilated(a.get(0), a.get(1),
                ConvFixtures.ints(c.get("window_strides")), ConvFixtures.padding(c.get("padding")),
                ConvFixtures.ints(c.get("lhs_dilation")), ConvFixtures.ints(c.get("rhs_dilation")), specs,
                c.get("feature_group_count").getAsInt(), c.get("batch_group_count").getAsInt(), null, null)),
                List.of(lhs.type(), rhs.type()));
        return (ConvGeneralDilated) j.jaxpr().eqns().getFirst().primitive();
    }

    @TestFactory
    Stream<DynamicTest> matchJaxVjp() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : CASES.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            if (!c.has("vjp")) continue;
            String name = c.get("name").getAsString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                DenseArray lhs = ConvFixtures.array(c.getAsJsonObject("lhs"));
                DenseArray rhs = ConvFixtures.array(c.getAsJsonObject("rhs"));
                ConvGeneralDilated p = primitive(c, lhs, rhs);
                JsonObject v = c.getAsJsonObject("vjp");
                Array g = ConvFixtures.array(v.getAsJsonObject("g"));
                Array dl = ConvRules.transposeLhs(g, lhs.type(), rhs, p);
                Array dr = ConvRules.transposeRhs(g, lhs, rhs.type(), p);
                Array wantL = ConvFixtures.array(v.getAsJsonObject("lhs"));
                Array wantR = ConvFixtures.array(v.getAsJsonObject("rhs"));
                if (name.equals("float32_random")) {
                    assertArrayEquals(wantL.toFloatArray(), dl.toFloatArray(), 1e-4f, name + " lhs");
                    assertArrayEquals(wantR.toFloatArray(), dr.toFloatArray(), 1e-4f, name + " rhs");
                } else {
                    ConvFixtures.assertSame(wantL, dl, name + " d lhs");
                    ConvFixtures.assertSame(wantR, dr, name + " d rhs");
                }
                Random r = new Random(name.hashCode());
                Array gx = random(r, p.abstractEval(List.of(lhs.type(), rhs.type())).getFirst().shape().dims());
                Array x = random(r, lhs.shape());
                Array w = random(r, rhs.shape());
                double fwd = dot(gx, Lax.convGeneralDilated(x, w, p.windowStrides().values(), p.padding().toArray(),
                        p.lhsDilation().values(), p.rhsDilation().values(), p.dimensionNumbers(), p.featureGroupCount(),
                        p.batchGroupCount(), null, null));
                assertEquals(fwd, dot(ConvRules.transposeLhs(gx, x.type(), w, p), x), 1e-9 * (1 + Math.abs(fwd)), "<g, Jx>");
                assertEquals(fwd, dot(ConvRules.transposeRhs(gx, x, w.type(), p), w), 1e-9 * (1 + Math.abs(fwd)), "<g, Jw>");
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> batchRuleMatchesALoop() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : CASES.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            if (!c.has("vjp")) continue;
            String name = c.get("name").getAsString();
            for (int[] dims : new int[][] {{0, -1}, {-1, 0}, {1, 2}, {2, -1}, {-1, 1}}) {
                tests.add(DynamicTest.dynamicTest(name + " bdims " + dims[0] + "," + dims[1], () -> {
                    DenseArray lhs = ConvFixtures.array(c.getAsJsonObject("lhs"));
                    DenseArray rhs = ConvFixtures.array(c.getAsJsonObject("rhs"));
                    ConvGeneralDilated p = primitive(c, lhs, rhs);
                    Random r = new Random(name.hashCode() + 31 * dims[0] + dims[1]);
                    int b = 3;
                    Array xs = dims[0] < 0 ? lhs : random(r, insert(lhs.shape(), dims[0], b));
                    Array ws = dims[1] < 0 ? rhs : random(r, insert(rhs.shape(), dims[1], b));
                    ConvRules.BatchedConv got = ConvRules.batch(xs, ws, dims[0], dims[1], p);
                    for (int i = 0; i < b; i++) {
                        Array x = dims[0] < 0 ? xs : take(xs, dims[0], i);
                        Array w = dims[1] < 0 ? ws : take(ws, dims[1], i);
                        Array want = dev.jaxvm.core.Trace.bind1(p, x, w);
                        ConvFixtures.assertSame(want, take(got.out(), got.dim(), i), name + " example " + i);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static int[] insert(int[] shape, int axis, int size) {
        int[] out = new int[shape.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) out[i] = i == axis ? size : shape[j++];
        return out;
    }

    /** Example {@code i} along {@code axis}. */
    private static Array take(Array x, int axis, int i) {
        int[] s = x.shape();
        int[] start = new int[s.length];
        int[] limit = s.clone();
        start[axis] = i;
        limit[axis] = i + 1;
        return Lax.squeeze(Lax.slice(x, start, limit, null), axis);
    }

    private static Array random(Random r, int[] shape) {
        int n = 1;
        for (int d : shape) n *= d;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextInt(9) - 4;
        Object data = Storage.allocate(DType.FLOAT32, n);
        for (int i = 0; i < n; i++) Storage.setDouble(DType.FLOAT32, data, i, v[i]);
        return DenseArray.wrap(dev.jaxvm.core.ArrayType.of(DType.FLOAT32, shape), data);
    }

    private static double dot(Array a, Array b) {
        double[] x = a.toDoubleArray();
        double[] y = b.toDoubleArray();
        assertEquals(x.length, y.length);
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }
}
