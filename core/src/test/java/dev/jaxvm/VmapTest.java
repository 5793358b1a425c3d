package dev.jaxvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.EscapedTracerError;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code Jax.vmap}: the behaviours of API_BEHAVIOURS.md §5, with JAX's results and messages. */
class VmapTest {
    static Array range(int n, int... shape) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return Jnp.array(v).reshape(shape);
    }

    static Array irange(int n) { return Jnp.array(IntStream.range(0, n).toArray()); }

    static String message(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable e) {
        return assertThrows(type, e).getMessage();
    }

    @Test
    void constantFunctionIsBroadcastAlongOutAxis() { // E1
        Array r = Jax.vmap(x -> Jnp.asarray(3)).apply(Jnp.ones(4));
        assertEquals("Array([3, 3, 3, 3], dtype=int32, weak_type=True)", r.toString());
    }

    @Test
    void negativeInAxesAndOutAxes() { // E4
        Array x = range(60, 3, 4, 5);
        assertArrayEquals(new float[] {330, 405, 480, 555}, Jax.vmap(a -> a.sum(), -2, 0).apply(x).toFloatArray());
        assertArrayEquals(x.sum(1, 2).toFloatArray(), Jax.vmap(a -> a.sum(), -3, 0).apply(x).toFloatArray());
        assertArrayEquals(x.sum(0, 1).toFloatArray(), Jax.vmap(a -> a.sum(), -1, 0).apply(x).toFloatArray());
        assertEquals("vmap was requested to map its argument along axis -4, which implies that its rank should be at"
                + " least 4, but is only 3 (its shape is (3, 4, 5))",
                message(IllegalArgumentException.class, () -> Jax.vmap(a -> a.sum(), -4, 0).apply(x)));
        Array moved = Jax.vmap(a -> a.mul(2), 0, -1).apply(x);
        assertArrayEquals(new int[] {4, 5, 3}, moved.shape());
        assertArrayEquals(x.mul(2).transpose(1, 2, 0).toFloatArray(), moved.toFloatArray());
        assertEquals("axis -4 is out of bounds for array of dimension 1",
                message(IllegalArgumentException.class, () -> Jax.vmap(a -> a.sum(), 0, -4).apply(x)));
    }

    @Test
    void preservesWeakType() { // E6
        Array weak = Lax.convertElementType(Jnp.array(new float[] {1, 2, 3}), DType.FLOAT32, true);
        assertTrue(Jax.vmap(x -> {
            assertTrue(x.weakType());
            return x.mul(2);
        }).apply(weak).weakType());
    }

    @Test
    void axisIndex() { // E7
        Array r = Jax.vmap(x -> x.sub(Lax.axisIndex("i")), 0, 0, null, "i").apply(irange(10));
        assertArrayEquals(new int[10], r.toIntArray());
    }

    @Test
    void inAxesListEqualsArray() { // E8
        FnN f = xs -> ((Array) xs[0]).mul(xs[1]).add(xs[2]);
        Array a = range(3, 3), b = range(6, 2, 3), c = range(6, 2, 3).mul(3);
        Array viaList = (Array) Jax.vmapN(f, Arrays.asList(null, 0, 0), 0, null, null).apply(a, b, c);
        Array viaArray = (Array) Jax.vmapN(f, new Integer[] {null, 0, 0}, 0, null, null).apply(a, b, c);
        assertArrayEquals(viaArray.toFloatArray(), viaList.toFloatArray());
        assertArrayEquals(new float[] {0, 4, 10, 9, 16, 25}, viaList.toFloatArray());
    }

    @Test
    void inAxesSpecErrors() { // E9, E10, E15
        assertEquals("vmap in_axes must be an int, None, or a tuple of entries corresponding to the positional arguments"
                + " passed to the function, but got {'a': 0}.",
                message(IllegalArgumentException.class, () -> Jax.vmap(x -> x, java.util.Map.of("a", 0), 0)));
        assertEquals("vmap in_axes must be an int, None, or a tuple of entries corresponding to the positional arguments"
                + " passed to the function, but got len(in_axes)=2, len(args)=1",
                message(IllegalArgumentException.class, () -> Jax.vmap(x -> x, List.of(0, 0), 0).apply(Jnp.ones(2))));
        assertTrue(message(IllegalArgumentException.class, () -> Jax.vmap(x -> x, false, 0)).contains("must be an int"));
        assertTrue(message(IllegalArgumentException.class, () -> Jax.vmap(x -> x, List.of(Jnp.zeros(1)), 0))
                .startsWith("vmap in_axes must be an int, None, or (nested) container with those types as leaves"));
        assertTrue(message(IllegalArgumentException.class, () -> Jax.vmap(x -> x, 0, Jnp.zeros(1)))
                .startsWith("vmap out_axes must be an int, None, or (nested) container with those types as leaves"));
    }

    @Test
    void inconsistentSizes() { // E11, E13
        assertEquals("vmap got inconsistent sizes for array axes to be mapped:\n"
                + "  * one axis had size 10: axis 0 of args[0] of type float32[10,4];\n"
                + "  * one axis had size 2: axis 1 of args[1] of type float32[10,2]",
                message(IllegalArgumentException.class,
                        () -> Jax.vmap((a, b) -> a, List.of(0, 1), 0).apply(Jnp.ones(10, 4), Jnp.ones(10, 2))));
        assertEquals("vmap got inconsistent sizes for array axes to be mapped:\n"
                + "  * most axes (2 of them) had size 10, e.g. axis 0 of args[0] of type float32[10,4];\n"
                + "  * some axes (2 of them) had size 2, e.g. axis 0 of args[2] of type float32[2]",
                message(IllegalArgumentException.class,
                        () -> Jax.vmapN(xs -> xs[0]).apply(Jnp.ones(10, 4), Jnp.ones(10, 2), Jnp.ones(2), Jnp.ones(2))));
        assertEquals("vmap got inconsistent sizes for array axes to be mapped:\n"
                + "  * the `axis_size` argument was 2;\n"
                + "  * one axis had size 8: axis 0 of args[0] of type int32[8]",
                message(IllegalArgumentException.class, () -> Jax.vmap(x -> x, 0, 0, 2, null).apply(irange(8))));
    }

    @Test
    void rankAndOutAxesErrors() { // E12, E16
        assertEquals("vmap was requested to map its argument along axis 0, which implies that its rank should be at"
                + " least 1, but is only 0 (its shape is ())",
                message(IllegalArgumentException.class, () -> Jax.vmap(x -> x).apply(Jnp.asarray(1.0))));
        assertEquals("vmap must have at least one non-None value in in_axes or axis_size must be specified",
                message(IllegalArgumentException.class, () -> Jax.vmap(x -> x, null, 0).apply(Jnp.ones(3))));
        assertTrue(message(IllegalArgumentException.class, () -> Jax.vmap(x -> x, 0, List.of(2, 3)).apply(Jnp.ones(3)))
                .startsWith("vmap out_axes specification must be a tree prefix of the corresponding value"));
        assertEquals("at vmap out_axes, got axis spec None but output was batched on axis 0",
                message(IllegalArgumentException.class, () -> Jax.vmap(x -> x, 0, null).apply(Jnp.ones(3))));
        assertEquals("vmap has mapped output (axis_name=foo) but out_axes is None",
                message(IllegalArgumentException.class, () -> Jax.vmap(x -> x, 0, null, null, "foo").apply(Jnp.ones(3))));
        assertTrue(message(IllegalArgumentException.class, () -> Jax.vmapN(xs -> Jnp.ones(1)).apply())
                .startsWith("vmap wrapped function must be passed at least one argument containing an array or axis_size"
                        + " must be specified, got empty *args=()"));
        assertArrayEquals(new int[] {4, 1}, ((Array) Jax.vmapN(xs -> Jnp.ones(1), 0, 0, 4, null).apply()).shape());
    }

    @Test
    void unbatchedOutputWithOutAxesNone() {
        Array y = Jnp.array(new float[] {7, 8});
        assertEquals(y, Jax.vmap((a, b) -> b, Arrays.asList(0, null), null).apply(Jnp.ones(3), y));
    }

    @Test
    void indexingEqualsNumPy() { // E18
        Array x = range(10 * 5 * 3 * 7, 10, 5, 3, 7);
        Array r = Jax.vmap(a -> a.get(":, 2")).apply(x);
        assertArrayEquals(x.get(":, :, 2").toFloatArray(), r.toFloatArray());
        assertArrayEquals(new int[] {10, 5, 7}, r.shape());
    }

    @Test
    void psumPmaxPmeanAllGather() {
        Array xs = range(12, 3, 4);
        assertArrayEquals(new float[] {12, 15, 18, 21, 12, 15, 18, 21, 12, 15, 18, 21},
                Jax.vmap(x -> Lax.psum(x, "i"), 0, 0, null, "i").apply(xs).toFloatArray());
        Array ys = range(6, 3, 2);
        assertArrayEquals(new float[] {4, 5, 4, 5, 4, 5}, Jax.vmap(x -> Lax.pmax(x, "i"), 0, 0, null, "i").apply(ys).toFloatArray());
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 1}, Jax.vmap(x -> Lax.pmin(x, "i"), 0, 0, null, "i").apply(ys).toFloatArray());
        assertArrayEquals(new float[] {2, 3, 2, 3, 2, 3}, Jax.vmap(x -> Lax.pmean(x, "i"), 0, 0, null, "i").apply(ys).toFloatArray());
        Array g = Jax.vmap(x -> Lax.allGather(x, "i"), 0, 0, null, "i").apply(ys);
        assertArrayEquals(new int[] {3, 3, 2}, g.shape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5}, g.toFloatArray());
        Array g1 = Jax.vmap(x -> Lax.allGather(x, "i", 1, false), 0, 0, null, "i").apply(ys);
        assertArrayEquals(new int[] {3, 2, 3}, g1.shape());
        assertArrayEquals(new float[] {0, 2, 4, 1, 3, 5}, Arrays.copyOf(g1.toFloatArray(), 6));
        Array tiled = Jax.vmap(x -> Lax.allGather(x, "i", 0, true), 0, 0, null, "i").apply(ys);
        assertArrayEquals(new int[] {3, 6}, tiled.shape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, Arrays.copyOf(tiled.toFloatArray(), 6));
        // an unbatched operand: psum multiplies by the axis size
        Array u = Jax.vmap((x, y) -> Lax.psum(y, "i"), Arrays.asList(0, null), 0, null, "i")
                .apply(range(3, 3), Jnp.asarray(2.0f));
        assertArrayEquals(new float[] {6, 6, 6}, u.toFloatArray());
    }

    @Test
    void collectivesOverOuterAxisInsideInnerVmap() {
        Fn1 inner = Jax.vmap(x -> Lax.psum(x, "i"), 0, 0, null, "j");
        Array r = Jax.vmap(inner, 0, 0, null, "i").apply(range(6, 3, 2));
        assertArrayEquals(new float[] {6, 9, 6, 9, 6, 9}, r.toFloatArray());
        Fn1 innerMax = Jax.vmap(x -> Lax.pmax(x, "j"), 0, 0, null, "j");
        assertArrayEquals(new float[] {1, 1, 3, 3, 5, 5}, Jax.vmap(innerMax, 0, 0, null, "i").apply(range(6, 3, 2)).toFloatArray());
    }

    @Test
    void unboundAxisName() {
        assertEquals("unbound axis name: i", message(IllegalArgumentException.class, () -> Lax.psum(Jnp.ones(3), "i")));
        assertEquals("unbound axis name: j",
                message(IllegalArgumentException.class, () -> Jax.vmap(x -> Lax.pmean(x, "j"), 0, 0, null, "i").apply(Jnp.ones(3))));
    }

    @Test
    void nestedVmap() {
        Array x = range(24, 2, 3, 4);
        Array y = range(4, 4);
        Fn2 f = (a, b) -> a.mul(b).sum();            // per-example dot of two vectors
        Fn2 rows = Jax.vmap(f, Arrays.asList(0, null), 0);
        Fn2 both = Jax.vmap(rows, Arrays.asList(0, null), 0);
        Array r = both.apply(x, y);
        assertArrayEquals(new int[] {2, 3}, r.shape());
        assertArrayEquals(x.mul(y).sum(2).toFloatArray(), r.toFloatArray());
        // inner over axis 1 of the example, outer over axis 2 of the batch; outputs moved
        Array z = Jax.vmap(Jax.vmap(a -> a.sum(), 1, 0), 2, 1).apply(x);
        assertArrayEquals(new int[] {3, 4}, z.shape());
        assertArrayEquals(x.sum(0).toFloatArray(), z.toFloatArray());
    }

    @Test
    void stagesOneBatchedProgram() {
        String text = StagingInterpreter.trace(xs -> List.of(Jax.vmap(Jnp::sin, 1, 0).apply(xs.getFirst())),
                List.of(ArrayType.of(DType.FLOAT32, 3, 4))).toString();
        assertEquals("{ lambda ; a:f32[3,4]. let\n    b:f32[3,4] = sin a\n    c:f32[4,3] = transpose[permutation=(1, 0)] b\n"
                + "  in (c,) }", text);
    }

    @Test
    void escapedBatchTracer() {
        Array[] leak = new Array[1];
        Jax.vmap(x -> {
            leak[0] = x;
            return x;
        }).apply(Jnp.ones(3));
        assertThrows(EscapedTracerError.class, () -> Lax.sin(leak[0]));
    }

    @Test
    void missingBatchRuleNamesThePrimitive() {
        dev.jaxvm.core.Primitive foo = new dev.jaxvm.core.Primitive() {
            public String name() { return "foo"; }

            public List<ArrayType> abstractEval(List<ArrayType> in) { return in; }

            public List<dev.jaxvm.core.DenseArray> evaluate(List<dev.jaxvm.core.DenseArray> in, List<ArrayType> out) { return in; }
        };
        assertEquals("Batching rule for 'foo' not implemented", message(UnsupportedOperationException.class,
                () -> Jax.vmap(x -> dev.jaxvm.core.Trace.bind1(foo, x)).apply(Jnp.ones(3))));
        assertEquals(3, Jax.vmap((x, y) -> dev.jaxvm.core.Trace.bind1(foo, y), Arrays.asList(0, null), 0)
                .apply(Jnp.ones(3), Jnp.ones(2)).shape()[0]); // unbatched operands need no rule
    }
}
