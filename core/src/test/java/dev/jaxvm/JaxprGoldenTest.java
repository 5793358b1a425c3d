package dev.jaxvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reproduces, byte for byte, the Jaxprs real JAX 0.10.2 printed for the programs in
 * {@code tools/gen_jaxpr_goldens.py} (resource {@code jaxpr/goldens.json}), each written here as the
 * equivalent Java program.
 */
class JaxprGoldenTest {
    private static final Map<String, Supplier<ClosedJaxpr>> PROGRAMS = new LinkedHashMap<>();

    private static void program(String name, Supplier<ClosedJaxpr> p) { PROGRAMS.put(name, p); }

    private static Array ones(DType t, int... shape) { return Jnp.ones(shape, t); }

    private static Array f32(int... shape) { return Jnp.ones(shape); }

    static {
        program("execute_kernel", () -> {
            var executeKernel = Jax.jit((Array p, Array f) -> Jnp.stack(
                    IntStream.range(0, p.shape()[2]).mapToObj(k -> p.get(":, :, " + k).mul(f).sum()).toList(), -1))
                    .named("execute_kernel");
            return Jax.makeJaxpr(executeKernel).apply(Jnp.zeros(new int[] {3, 3, 4}, DType.UINT8),
                    Jnp.array(new int[][] {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}}));
        });
        program("elementwise_chain", () -> Jax.makeJaxpr(x -> Jnp.sin(x).mul(2.0).add(Jnp.cos(x))).apply(f32(3)));
        program("int_literals", () -> Jax.makeJaxpr(x -> x.mul(2).add(1).sub(-3)).apply(ones(DType.INT32, 4)));
        program("uint8_literal", () -> Jax.makeJaxpr(x -> x.add(1)).apply(ones(DType.UINT8, 3)));
        program("int8_int16_literals", () -> Jax.makeJaxprN(a -> List.of(Jnp.multiply(a[0], 3), Jnp.subtract(a[1], 7)))
                .apply(ones(DType.INT8, 2), ones(DType.INT16, 2)));
        program("float16_bfloat16_literals", () -> Jax.makeJaxprN(a -> List.of(Jnp.multiply(a[0], 0.5), Jnp.add(a[1], 2.0)))
                .apply(ones(DType.FLOAT16, 2), ones(DType.BFLOAT16, 2)));
        program("float_literal_values", () -> Jax.makeJaxprN(a -> {
            Array x = (Array) a[0];
            return List.of(x.mul(0.1), x.add(1e-5), x.sub(1e20), x.mul(Double.POSITIVE_INFINITY), x.div(3.0));
        }).apply(f32(2)));
        program("bool_compare", () -> Jax.makeJaxprN(a -> {
            Array x = (Array) a[0], y = (Array) a[1];
            return List.of(x.gt(0.5), y.eq(3), x.le(y));
        }).apply(f32(3), ones(DType.INT32, 3)));
        program("weak_scalar_inputs", () -> Jax.makeJaxpr((Array x, Array y) -> x.mul(y)).apply(3.0, f32(3)));
        program("weak_int_times_float_array", () -> Jax.makeJaxpr((Array x, Array y) -> x.add(y)).apply(3, f32(3)));
        program("weak_int_plus_float_literal", () -> Jax.makeJaxpr(x -> x.add(1.5)).apply(2));
        program("int_array_times_float", () -> Jax.makeJaxpr(x -> x.mul(2.5)).apply(ones(DType.INT32, 3)));
        program("int_true_divide", () -> Jax.makeJaxpr(x -> x.div(2)).apply(ones(DType.INT32, 3)));
        program("astype_weak", () -> Jax.makeJaxpr(x -> x.astype(DType.FLOAT32).add(1)).apply(2));
        program("uint8_times_int32", () -> Jax.makeJaxpr((Array p, Array f) -> p.mul(f))
                .apply(ones(DType.UINT8, 2, 2), ones(DType.INT32, 2, 2)));
        program("reductions", () -> Jax.makeJaxprN(a -> {
            Array x = (Array) a[0];
            return List.of(x.sum(), x.sum(0), Jnp.sum(x, 0, 1), x.mean(1));
        }).apply(f32(2, 3)));
        program("sum_bool_and_uint8", () -> Jax.makeJaxprN(a -> List.of(((Array) a[0]).sum(), ((Array) a[1]).sum(0)))
                .apply(ones(DType.BOOL, 3), ones(DType.UINT8, 2, 2)));
        program("mean_int", () -> Jax.makeJaxpr(x -> x.mean()).apply(ones(DType.INT32, 2, 3)));
        program("reshape_transpose", () -> Jax.makeJaxpr(x -> x.reshape(2, 6).T().reshape(-1, 4)).apply(f32(3, 4)));
        program("transpose_axes", () -> Jax.makeJaxpr(x -> Jnp.transpose(x, 1, 2, 0)).apply(f32(2, 3, 4)));
        program("basic_indexing", () -> Jax.makeJaxprN(a -> {
            Array x = (Array) a[0];
            return List.of(x.get("1:3, ::2"), x.get("0"), x.get("..., 1"), x.get("None, 1"));
        }).apply(f32(4, 5)));
        program("squeeze_expand", () -> Jax.makeJaxprN(a -> List.of(Jnp.squeeze(a[0]), Jnp.expandDims(a[0], 0),
                Jnp.squeeze(a[0], 1))).apply(f32(3, 1, 2)));
        program("broadcast_to", () -> Jax.makeJaxprN(a -> List.of(Jnp.broadcastTo(a[0], 2, 3), Jnp.add(a[0], a[1])))
                .apply(f32(3), f32(2, 3)));
        program("stack_axis1", () -> Jax.makeJaxpr((Array x, Array y, Array z) -> Jnp.stack(List.of(x, y, z), 1))
                .apply(f32(2, 3), f32(2, 3), f32(2, 3)));
        program("stack_promotes", () -> Jax.makeJaxpr((Array x, Array y) -> Jnp.stack(List.of(x, y), 0))
                .apply(ones(DType.INT32, 2), f32(2)));
        program("creation", () -> Jax.makeJaxprN(a -> List.of(Jnp.ones(3), Jnp.zeros(new int[] {2, 2}, DType.INT32),
                Jnp.full(new int[] {2}, 7))).apply());
        program("identity_no_eqns", () -> Jax.makeJaxpr(x -> x).apply(f32(3)));
        program("literal_output", () -> Jax.makeJaxprN(a -> List.of(a[0], 1.0, 2)).apply(f32(3)));
        program("unused_outputs", () -> Jax.makeJaxpr(x -> {
            Jnp.cos(x);
            Array s = Jnp.sin(x);
            return s.mul(2.0);
        }).apply(1.0));
        program("constvars", () -> {
            Array c = Jnp.array(new float[] {0, 1, 2});
            Array d = ones(DType.INT32, 2, 3);
            return Jax.makeJaxpr(x -> x.mul(c).add(d)).apply(f32(3));
        });
        program("jit_simple", () -> Jax.makeJaxpr(Jax.jit(x -> Jnp.sin(x).mul(2.0))).apply(f32(3)));
        program("jit_with_constvar", () -> {
            Array c = Jnp.array(new float[] {0, 1, 2});
            return Jax.makeJaxpr(Jax.jit(x -> x.add(c))).apply(f32(3));
        });
        program("jit_closure_over_tracer", () -> Jax.makeJaxpr((Array x, Array y) ->
                Jax.jit((Array z) -> z.mul(x).add(y)).apply(y).mul(0.1)).apply(f32(3), f32(3)));
        program("jit_called_twice", () -> {
            JitFn1 f = Jax.jit(x -> x.mul(2.0));
            return Jax.makeJaxpr(x -> f.apply(x).add(f.apply(x.add(1.0)))).apply(f32(3));
        });
        program("jit_same_arg_twice", () -> {
            JitFn2 f = Jax.jit((Array x, Array y) -> x.mul(y).add(x));
            return Jax.makeJaxpr(x -> f.apply(x, x)).apply(f32(3));
        });
        program("nested_jit", () -> {
            JitFn2 inner = Jax.jit((Array x, Array y) -> Jnp.sin(x).mul(y));
            JitFn2 outer = Jax.jit((Array x, Array y) -> inner.apply(x, y).add(inner.apply(y, x).mul(2.0)));
            return Jax.makeJaxpr(outer).apply(f32(3), f32(3));
        });
        program("nested_jit_once", () -> {
            JitFn2 inner = Jax.jit((Array x, Array y) -> Jnp.broadcastTo(x, 1).add(y)).named("inner");
            return Jax.makeJaxpr((Array a, Array b) -> inner.apply(a, b.mul(2.0)).sub(1.0)).apply(1.0, 2.0);
        });
        program("jit_big_callee", () -> bigCallee(6));
        program("jit_ten_eqns_inline", () -> bigCallee(5));
        program("jit_shared_name_clash", () -> {
            JitFn1 f1 = Jax.jit(x -> x.mul(2.0)).named("f");
            JitFn1 g1 = Jax.jit(x -> x.add(3.0)).named("g");
            return Jax.makeJaxpr(x -> {
                Array d = g1.apply(g1.apply(f1.apply(f1.apply(x))));
                return Jnp.sin(d).mul(3.0);
            }).apply(f32(2));
        });
        program("jit_same_name_two_jaxprs", () -> {
            JitFn1 f1 = Jax.jit(x -> x.mul(2.0)).named("f");
            JitFn1 f2 = Jax.jit(x -> x.sub(1.0)).named("f");
            return Jax.makeJaxpr(x -> {
                Array y = f1.apply(x).add(f1.apply(x));
                Array z = f2.apply(y).add(f2.apply(y));
                List<Array> s = new ArrayList<>();
                for (int i = 0; i < 3; i++) s.add(Jnp.sin(z));
                return s.getFirst();
            }).apply(f32(2));
        });
        program("jit_pytree_args", () -> {
            JitFunction<List<Array>, List<Array>> f = Jax.jit((List<Array> p) ->
                    List.of(p.get(0).add(p.get(1)), p.get(0).mul(p.get(1))));
            return Jax.makeJaxprN(a -> f.apply(List.of((Array) a[0], (Array) a[1]))).apply(f32(3), f32(3));
        });
        program("jit_static_arg", () -> {
            JitFnN f = Jax.jitN(a -> Jnp.multiply(a[0], a[1])).staticArgnums(1);
            return Jax.makeJaxpr(x -> f.call(x, 3).add(f.call(x, 4))).apply(f32(3));
        });
        program("jit_unused_result", () -> {
            JitFunction<Array, List<Array>> f = Jax.jit((Array x) -> List.of(Jnp.sin(x), Jnp.cos(x)));
            return Jax.makeJaxpr(x -> f.apply(x).get(1)).apply(f32(3));
        });
        program("dict_pytree", () -> Jax.makeJaxpr((Map<String, Array> p) -> p.get("w").mul(2.0).add(p.get("b")))
                .apply(Map.of("w", f32(3), "b", Jnp.zeros(3))));
        program("many_inputs_wrap", () -> Jax.makeJaxprN(a -> {
            Object s = 0;
            for (Object x : a) s = Jnp.add(s, x);
            return s;
        }).apply(scalars(30)));
        program("many_inputs_no_eqns", () -> Jax.makeJaxprN(a -> List.of(a)).apply(scalars(14)));
        program("long_args_wrap", () -> Jax.makeJaxprN(a -> Jnp.stack(List.of(a), 0))
                .apply(IntStream.range(0, 24).mapToObj(i -> f32(2, 3)).toArray()));
        program("long_outputs_wrap", () -> Jax.makeJaxprN(a -> IntStream.range(0, 24)
                .mapToObj(i -> ((Array) a[0]).mul((double) i)).toList()).apply(f32(2, 3)));
        program("many_names", () -> Jax.makeJaxpr(x -> {
            for (int i = 0; i < 40; i++) x = x.add(1.0);
            return x;
        }).apply(1.0));
        program("lax_unary", () -> Jax.makeJaxpr(x ->
                Lax.exp(Lax.log(Lax.tanh(Lax.sqrt(Lax.abs(Lax.neg(Lax.square(x)))))))).apply(f32(2)));
        program("lax_select_n", () -> Jax.makeJaxpr(x -> Lax.select(x.gt(0.0), x, Lax.neg(x))).apply(f32(3)));
        program("lax_iota_broadcast", () -> Jax.makeJaxprN(a -> List.of(Lax.iota(DType.INT32, 5),
                Lax.broadcastedIota(DType.FLOAT32, new int[] {2, 3}, 1),
                Lax.broadcastInDim((Array) a[0], new int[] {2, 3}, 1))).apply(f32(3)));
        program("lax_convert", () -> Jax.makeJaxprN(a -> {
            Array x = (Array) a[0];
            return List.of(Lax.convertElementType(x, DType.INT32), Lax.convertElementType(x, DType.FLOAT16),
                    x.astype(DType.UINT8));
        }).apply(f32(2)));
        program("lax_binary", () -> Jax.makeJaxprN(a -> {
            Array x = (Array) a[0], y = (Array) a[1];
            return List.of(Lax.max(x, y), Lax.min(x, y), Lax.atan2(x, y), Lax.rem(x, y), Lax.pow(x, y),
                    Lax.nextafter(x, y));
        }).apply(f32(2), f32(2)));
        program("lax_bitwise", () -> Jax.makeJaxprN(a -> {
            Array x = (Array) a[0], y = (Array) a[1];
            return List.of(Lax.bitwiseAnd(x, y), Lax.bitwiseOr(x, y), Lax.bitwiseXor(x, y), Lax.bitwiseNot(x),
                    Lax.shiftLeft(x, y), Lax.shiftRightLogical(x, y), Lax.populationCount(x), Lax.clz(x));
        }).apply(ones(DType.INT32, 2), ones(DType.INT32, 2)));
        program("lax_slice_reshape", () -> Jax.makeJaxprN(a -> {
            Array x = (Array) a[0];
            return List.of(Lax.slice(x, new int[] {0, 1}, new int[] {2, 3}, null),
                    Lax.slice(x, new int[] {0, 0}, new int[] {2, 4}, new int[] {1, 2}), Lax.reshape(x, 4, 2),
                    Lax.squeeze(x.get(":1"), 0));
        }).apply(f32(2, 4)));
        program("nested_jit_wrapped_params", () -> {
            JitFn1 inner = Jax.jit(x -> x.get("0:2, 1:3").mul(2.0));
            return Jax.makeJaxpr(x -> inner.apply(x).add(1.0)).apply(f32(4, 4));
        });
    }

    static {
        program("bool_uint32_nan_literals", () -> Jax.makeJaxprN(a -> {
            Array b = (Array) a[0], u = (Array) a[1], x = (Array) a[2];
            return List.of(b.eq(true), u.add(5), x.mul(Double.NaN), x.sub(Double.NEGATIVE_INFINITY));
        }).apply(ones(DType.BOOL, 2), ones(DType.UINT32, 2), f32(2)));
        program("jit_returns_const_and_literal", () -> {
            Array c = Jnp.array(new float[] {0, 1, 2, 3});
            JitFunction<Array, List<Object>> f = Jax.jit((Array y) -> List.of(y.add(1.0), c, 2.0));
            return Jax.makeJaxpr((Array x) -> f.apply(x)).apply(f32(4));
        });
        program("jit_nested_closure", () -> Jax.makeJaxpr(Jax.jit(x -> Jax.jit((Array y) -> x.mul(y).add(1.0))
                .apply(x.mul(2.0)))).apply(f32(3)));
        program("jit_scalar_args", () -> {
            JitFnN f = Jax.jitN(a -> Jnp.multiply(a[0], a[1]));
            return Jax.makeJaxpr(a -> f.call(a, 2.0).add(f.call(3, a))).apply(f32(3));
        });
    }

    static {
        program("permissive_sum", () -> Jax.makeJaxprN(a -> Jnp.sum(Jnp.array(List.of(a))))
                .apply(IntStream.range(0, 10).boxed().toArray()));
        program("dot_shifted", () -> Jax.makeJaxpr((Array x, Array y) -> Jnp.dot(x.add(1), y.add(1)))
                .apply(f32(3, 4), f32(4)));
        program("at_set_and_where", () -> Jax.makeJaxpr((Array b, Array a) -> {
            Array c = b.at("1:-1, 1:-1").set(a);
            return Jnp.where(c.gt(2), c, 0.0);
        }).apply(Jnp.zeros(6, 6), Jnp.ones(4, 4)));
    }

    private static ClosedJaxpr bigCallee(int rounds) {
        JitFn1 body = Jax.jit(x -> {
            for (int i = 0; i < rounds; i++) x = Jnp.sin(x).mul((double) (i + 1));
            return x;
        }).named("body");
        return Jax.makeJaxpr(x -> body.apply(x).add(1.0)).apply(f32(3));
    }

    private static Object[] scalars(int n) {
        Object[] xs = new Object[n];
        java.util.Arrays.fill(xs, 1.0);
        return xs;
    }

    static JsonObject goldens() {
        try (var in = JaxprGoldenTest.class.getResourceAsStream("/jaxpr/goldens.json")) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject()
                    .getAsJsonObject("cases");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    List<DynamicTest> reproducesJax() {
        List<DynamicTest> tests = new ArrayList<>();
        for (var e : goldens().entrySet()) {
            String expected = e.getValue().getAsJsonObject().get("jaxpr").getAsString();
            String python = e.getValue().getAsJsonObject().get("python").getAsString();
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                Supplier<ClosedJaxpr> p = PROGRAMS.get(e.getKey());
                assertTrue(p != null, "no Java program for golden " + e.getKey());
                assertEquals(expected, p.get().toString(), "golden " + e.getKey() + ", JAX program:\n" + python);
            }));
        }
        return tests;
    }

    @Test
    void everyProgramHasAGolden() {
        JsonObject g = goldens();
        for (String name : PROGRAMS.keySet()) assertTrue(g.has(name), "no golden for program " + name);
    }
}
