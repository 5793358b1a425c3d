package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Index;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Ints;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.lax.DotDimensionNumbers;
import dev.jaxvm.lax.GatherDimensionNumbers;
import dev.jaxvm.lax.GatherScatterMode;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.Precision;
import dev.jaxvm.lax.ScatterDimensionNumbers;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Jaxprs of jnp shape, indexing, linalg and sorting functions, held to what JAX 0.10.2 prints
 * (tools/gen_numpy_shape_jaxprs.py), byte for byte, including jnp's nested {@code jit} equations and
 * shared jaxprs.
 */
class NumpyShapeJaxprTest {
    private record Case(Function<List<Array>, List<Array>> f, List<ArrayType> in) {}

    private static final DType F = DType.FLOAT32, I = DType.INT32, U8 = DType.UINT8;
    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    private static ArrayType t(DType d, int... s) { return ArrayType.of(d, s); }

    private static ArrayType weak(DType d) { return new ArrayType(dev.jaxvm.core.Shape.SCALAR, d, true); }

    private static void c1(String name, Function<List<Array>, Array> f, ArrayType... in) {
        CASES.put(name, new Case(a -> List.of(f.apply(a)), List.of(in)));
    }

    private static void cn(String name, Function<List<Array>, List<Array>> f, ArrayType... in) {
        CASES.put(name, new Case(f, List.of(in)));
    }

    static {
        c1("ravel", a -> Jnp.ravel(a.get(0)), t(F, 2, 3, 4));
        c1("swapaxes", a -> Jnp.swapaxes(a.get(0), 0, 2), t(F, 2, 3, 4));
        c1("moveaxis", a -> Jnp.moveaxis(a.get(0), 0, -1), t(F, 2, 3, 4));
        cn("broadcast_arrays", a -> Jnp.broadcastArrays(a.get(0), a.get(1)), t(F, 3, 4), t(F, 4));
        c1("concatenate", a -> Jnp.concatenate(List.of(a.get(0), a.get(1)), 1), t(F, 3, 4), t(I, 3, 2));
        c1("concatenate_none", a -> Jnp.concatenate(List.of(a.get(0), a.get(1)), null), t(F, 3, 4), t(F, 3, 4));
        c1("hstack", a -> Jnp.hstack(a), t(F, 3, 4), t(F, 3, 4));
        c1("vstack_1d", a -> Jnp.vstack(a), t(F, 4), t(F, 4));
        c1("hstack_0d", a -> Jnp.hstack(a), t(F), t(F));
        c1("vstack_0d", a -> Jnp.vstack(a), t(F), t(F));
        cn("split", a -> Jnp.split(a.get(0), 2, 1), t(F, 3, 4));
        cn("split_indices", a -> Jnp.split(a.get(0), new int[] {1, 3}, 1), t(F, 3, 4));
        c1("tile", a -> Jnp.tile(a.get(0), 2, 1, 3), t(F, 3, 4));
        c1("repeat", a -> Jnp.repeat(a.get(0), 2, 0), t(F, 3, 4));
        c1("repeat_none", a -> Jnp.repeat(a.get(0), 3, null), t(I, 2, 2));
        c1("flip", a -> Jnp.flip(a.get(0), 1, 0), t(F, 3, 4));
        c1("roll", a -> Jnp.roll(a.get(0), 1, 1), t(F, 3, 4));
        c1("roll_none", a -> Jnp.roll(a.get(0), -2, null), t(F, 3, 4));
        c1("pad_constant", a -> Jnp.pad(a.get(0), new int[][] {{1, 2}, {0, 3}}), t(F, 3, 4));
        c1("pad_constant_value", a -> Jnp.pad(a.get(0), new int[][] {{1, 1}}, "constant", 7), t(I, 3, 4));
        c1("pad_edge", a -> Jnp.pad(a.get(0), new int[][] {{1, 2}, {2, 1}}, "edge"), t(F, 3, 4));
        c1("pad_reflect", a -> Jnp.pad(a.get(0), new int[][] {{1, 2}, {2, 1}}, "reflect"), t(F, 3, 4));
        c1("pad_symmetric", a -> Jnp.pad(a.get(0), new int[][] {{4, 0}}, "symmetric"), t(F, 3));
        c1("pad_wrap", a -> Jnp.pad(a.get(0), new int[][] {{1, 2}, {5, 1}}, "wrap"), t(F, 3, 4));
        c1("expand_dims", a -> Jnp.expandDims(a.get(0), 0, 2), t(F, 3, 4));

        c1("get_int", a -> a.get(0).get(1), t(F, 3, 4));
        c1("get_kernel", a -> a.get(0).get(":, :, 2"), t(U8, 3, 3, 4));
        c1("get_neg_step", a -> a.get(0).get("3:0:-2"), t(F, 5));
        c1("get_mixed", a -> a.get(0).get("1:, ::2, None"), t(F, 2, 3, 4));
        c1("get_ellipsis", a -> a.get(0).get("..., -1, None"), t(F, 2, 3, 4));
        c1("get_oob_int", a -> a.get(0).get(10), t(F, 3, 4));
        c1("get_traced_int", a -> a.get(0).get(a.get(1)), t(F, 3, 4), t(I));
        c1("get_traced_int_col", a -> a.get(0).get(Index.ALL, a.get(1)), t(F, 3, 4), t(I));
        c1("get_traced_int_slice", a -> a.get(0).get(a.get(1), Index.slice(1, 3)), t(F, 3, 4), t(I));
        c1("get_traced_int_rev", a -> a.get(0).get(a.get(1), Index.slice(null, null, -1)), t(F, 3, 4), t(I));
        c1("get_traced_int_newaxis", a -> a.get(0).get(Index.NEWAXIS, a.get(1)), t(F, 3, 4), weak(I));
        c1("get_traced_int_step", a -> a.get(0).get(a.get(1), Index.slice(null, null, 2)), t(F, 3, 4), weak(I));
        c1("at_traced_int_slice", a -> a.get(0).at(a.get(1), Index.slice(1, 3)).set(a.get(2)), t(F, 3, 4), t(I), t(F, 2));
        c1("get_array", a -> a.get(0).get(a.get(1)), t(F, 3, 4), t(I, 2));
        c1("get_arrays", a -> a.get(0).get(a.get(1), a.get(2)), t(F, 3, 4), t(I, 2), t(I, 2));
        c1("get_arrays_separated", a -> a.get(0).get(a.get(1), Index.ALL, a.get(2)), t(F, 2, 3, 4), t(I, 2), t(I, 2));
        c1("get_arrays_adjacent", a -> a.get(0).get(Index.ALL, a.get(1), a.get(2)), t(F, 2, 3, 4), t(I, 2), t(I, 2));
        c1("get_array_slice", a -> a.get(0).get(a.get(1), Index.slice(1, 3)), t(F, 3, 4), t(I, 2));
        c1("get_array_step", a -> a.get(0).get(a.get(1), Index.slice(null, null, -2)), t(F, 3, 5), t(I, 2));
        c1("get_array_2d", a -> a.get(0).get(a.get(1)), t(F, 5), t(I, 2, 2));
        c1("get_fill", a -> a.get(0).at(a.get(1)).get("fill", null), t(F, 4), t(I, 2));
        c1("get_fill_int", a -> a.get(0).at(a.get(1)).get("fill", null), t(I, 4), t(I, 2));
        c1("get_clip", a -> a.get(0).at(a.get(1)).get("clip", null), t(F, 4), t(I, 2));
        c1("at_set_int", a -> a.get(0).at(1).set(2.0), t(F, 3, 4));
        c1("at_set_slices", a -> a.get(0).at("1:-1, 1:-1").set(a.get(1)), t(F, 6, 6), t(F, 4, 4));
        c1("at_add_array", a -> a.get(0).at(a.get(1)).add(a.get(2)), t(F, 5), t(I, 3), t(F, 3));
        c1("at_multiply", a -> a.get(0).at(2).multiply(3.0), t(F, 5));
        c1("at_subtract", a -> a.get(0).at(2).subtract(3.0), t(F, 5));
        c1("at_divide", a -> a.get(0).at(2).divide(3.0), t(F, 5));
        c1("at_min", a -> a.get(0).at(2).min(3.0), t(F, 5));
        c1("at_max", a -> a.get(0).at(a.get(1)).max(3), t(I, 5), t(I, 2));
        c1("at_set_float_into_int", a -> a.get(0).at(2).set(3.5), t(I, 5));
        c1("at_traced_index", a -> a.get(0).at(a.get(1)).set(1.0), t(F, 5), t(I));
        c1("at_neg_step", a -> a.get(0).at("::-1").set(a.get(1)), t(F, 5), t(F, 5));
        c1("at_get", a -> a.get(0).at(2).get(), t(F, 5));

        c1("dot_mm", a -> Jnp.dot(a.get(0), a.get(1)), t(F, 3, 4), t(F, 4, 5));
        c1("dot_mv", a -> Jnp.dot(a.get(0), a.get(1)), t(F, 3, 4), t(F, 4));
        c1("dot_mixed", a -> Jnp.dot(a.get(0), a.get(1)), t(I, 3, 4), t(F, 4, 5));
        c1("dot_scalar", a -> Jnp.dot(a.get(0), 2.0), t(F, 3, 4));
        c1("dot_3d", a -> Jnp.dot(a.get(0), a.get(1)), t(F, 2, 3, 4), t(F, 5, 4, 6));
        c1("matmul", a -> Jnp.matmul(a.get(0), a.get(1)), t(F, 3, 4), t(F, 4, 5));
        c1("matmul_batch", a -> Jnp.matmul(a.get(0), a.get(1)), t(F, 2, 3, 4), t(F, 2, 4, 5));
        c1("matmul_bcast", a -> Jnp.matmul(a.get(0), a.get(1)), t(F, 1, 3, 4), t(F, 2, 4, 5));
        c1("matmul_vm", a -> Jnp.matmul(a.get(0), a.get(1)), t(F, 4), t(F, 2, 4, 5));
        c1("matmul_mv", a -> Jnp.matmul(a.get(0), a.get(1)), t(F, 2, 3, 4), t(F, 4));
        c1("tensordot", a -> Jnp.tensordot(a.get(0), a.get(1), new int[] {0, 2}, new int[] {1, 0}),
                t(F, 2, 3, 4), t(F, 4, 2, 5));
        c1("einsum_mm", a -> Jnp.einsum("ij,jk->ik", a.get(0), a.get(1)), t(F, 3, 4), t(F, 4, 5));
        c1("einsum_ki", a -> Jnp.einsum("ij,kj->ki", a.get(0), a.get(1)), t(F, 3, 4), t(F, 2, 4));
        c1("einsum_bmm", a -> Jnp.einsum("bij,bjk->bik", a.get(0), a.get(1)), t(F, 2, 3, 4), t(F, 2, 4, 5));
        c1("einsum_transpose", a -> Jnp.einsum("ij->ji", a.get(0)), t(F, 3, 4));
        c1("einsum_sum", a -> Jnp.einsum("ij->i", a.get(0)), t(F, 3, 4));
        c1("einsum_trace", a -> Jnp.einsum("ii->", a.get(0)), t(F, 3, 3));
        c1("einsum_diag", a -> Jnp.einsum("ii->i", a.get(0)), t(F, 3, 3));
        c1("einsum_outer", a -> Jnp.einsum("i,j->ij", a.get(0), a.get(1)), t(F, 3), t(F, 4));
        c1("einsum_unique", a -> Jnp.einsum("ij,jk->i", a.get(0), a.get(1)), t(F, 3, 4), t(F, 4, 5));
        c1("outer", a -> Jnp.outer(a.get(0), a.get(1)), t(F, 3), t(I, 4));
        c1("inner", a -> Jnp.inner(a.get(0), a.get(1)), t(F, 3, 4), t(F, 2, 4));
        c1("vdot", a -> Jnp.vdot(a.get(0), a.get(1)), t(F, 3, 4), t(F, 3, 4));
        c1("trace", a -> Jnp.trace(a.get(0)), t(F, 3, 4));
        c1("trace_offset", a -> Jnp.trace(a.get(0), 1, 0, 1), t(I, 3, 4));

        c1("get_weak_int_1d", a -> a.get(0).get(a.get(1)), t(F, 5), weak(I));
        c1("lax_dynamic_slice", a -> Lax.dynamicSlice(a.get(0), List.of(a.get(1)), 2), t(F, 5), t(I));
        c1("lax_dynamic_slice_weak_2d", a -> Lax.dynamicSlice(a.get(0), List.of(a.get(1), 2), 2, 2), t(F, 5, 5), weak(I));
        c1("lax_dynamic_update_slice", a -> Lax.dynamicUpdateSlice(a.get(0), a.get(1), List.of(a.get(2), 0)),
                t(F, 3, 4), t(F, 1, 4), t(I));
        c1("lax_pad", a -> Lax.pad(a.get(0), a.get(1), new int[][] {{-1, 2, 1}, {0, 0, 0}}), t(F, 4, 2), t(F));
        cn("lax_sort_multi", a -> Lax.sort(List.of(a.get(0), a.get(1)), 0, true, 1), t(F, 3, 4), t(I, 3, 4));
        cn("lax_top_k", a -> Lax.topK(a.get(0), 2), t(F, 3, 4));
        c1("lax_concatenate_rev", a -> Lax.rev(Lax.concatenate(List.of(a.get(0), a.get(1)), 1), 0, 1), t(F, 2, 3), t(F, 2, 1));
        c1("lax_dot_general_highest", a -> Lax.dotGeneral(a.get(0), a.get(1),
                DotDimensionNumbers.of(new int[] {1}, new int[] {0}, new int[0], new int[0]), Precision.HIGHEST, F),
                t(DType.BFLOAT16, 2, 3), t(DType.BFLOAT16, 3, 4));
        c1("lax_gather_clip", a -> Lax.gather(a.get(0), a.get(1), new GatherDimensionNumbers(Ints.of(1), Ints.of(0), Ints.of(0)),
                new int[] {1, 3}, false, false, GatherScatterMode.CLIP, null), t(F, 4, 3), t(I, 2, 1));
        c1("lax_scatter_add", a -> Lax.scatterAdd(a.get(0), a.get(1), a.get(2),
                new ScatterDimensionNumbers(Ints.of(1), Ints.of(0), Ints.of(0))), t(F, 4, 3), t(I, 2, 1), t(F, 2, 3));

        c1("sort", a -> Jnp.sort(a.get(0)), t(F, 3, 4));
        c1("sort_axis0_desc", a -> Jnp.sort(a.get(0), 0, true), t(F, 3, 4));
        c1("sort_none", a -> Jnp.sort(a.get(0), null), t(I, 3, 4));
        c1("argsort", a -> Jnp.argsort(a.get(0)), t(F, 3, 4));
        c1("argsort_desc", a -> Jnp.argsort(a.get(0), 0, true, true), t(F, 3, 4));
        c1("searchsorted_sort", a -> Jnp.searchsorted(a.get(0), a.get(1)), t(F, 4), t(F, 3));
        c1("searchsorted_sort_right", a -> Jnp.searchsorted(a.get(0), a.get(1), "right"), t(F, 4), t(F, 2, 3));
    }

    @TestFactory
    Stream<DynamicTest> jaxprsMatchJax() {
        Map<String, String> expected = new Gson().fromJson(new InputStreamReader(
                NumpyShapeJaxprTest.class.getResourceAsStream("/numpy_shape/jaxprs.json"), StandardCharsets.UTF_8),
                new TypeToken<Map<String, String>>() {}.getType());
        List<DynamicTest> tests = new ArrayList<>();
        for (var e : expected.entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                Case c = CASES.get(e.getKey());
                if (c == null) throw new AssertionError("no Java program for case " + e.getKey());
                String got = StagingInterpreter.trace(a -> c.f().apply(a), c.in()).toString();
                assertEquals(e.getValue(), got, e.getKey());
            }));
        }
        return tests.stream();
    }
}
