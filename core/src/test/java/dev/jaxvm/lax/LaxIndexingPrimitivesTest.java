package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Py;
import dev.jaxvm.numpy.Jnp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The movement, indexing, contraction and sorting primitives of lax on their own: reference values
 * (from JAX 0.10.2), JAX's error messages, and printed parameters.
 */
class LaxIndexingPrimitivesTest {
    private static Array f(float... v) { return Jnp.array(v); }

    private static Array i(int... v) { return Jnp.array(v); }

    private static void fails(Executable e, String message) {
        Throwable t = assertThrows(IllegalArgumentException.class, e);
        assertEquals(message, t.getMessage());
    }

    private static String params(Primitive p) {
        StringBuilder b = new StringBuilder();
        for (Primitive.Param kv : p.params()) b.append(b.isEmpty() ? "" : " ").append(kv.name()).append('=').append(Py.str(kv.value()));
        return b.toString();
    }

    @Test
    void padCropsAndInteriorPads() {
        Array r = Lax.pad(f(0, 1, 2, 3), Jnp.array(-1f), new int[][] {{-1, 2, 1}});
        assertArrayEquals(new float[] {-1, 1, -1, 2, -1, 3, -1, -1}, r.toFloatArray());
        assertArrayEquals(new int[] {0, 4}, Lax.pad(Jnp.zeros(3, 4), Jnp.array(0f), new int[][] {{-4, 1, 0}, {0, 0, 0}}).shape());
        fails(() -> Lax.pad(Jnp.zeros(3, 4), Jnp.array(0f), new int[][] {{1, 1, 0}}),
                "length of padding_config must equal the number of axes of operand, got padding_config ((1, 1, 0),)"
                        + " for operand shape (3, 4)");
        fails(() -> Lax.pad(Jnp.zeros(3, 4), Jnp.array(0f), new int[][] {{0, 0, -1}, {0, 0, 0}}),
                "interior padding in padding_config must be nonnegative, got padding_config ((0, 0, -1), (0, 0, 0))");
        fails(() -> Lax.pad(Jnp.zeros(3, 4), Jnp.array(0), new int[][] {{0, 0, 0}, {0, 0, 0}}),
                "pad operand and padding_value must be same dtype: got float32 and int32.");
        assertEquals("padding_config=((np.int64(1), np.int64(2), 0),)",
                params(new Pad(List.of(new Pad.Dim(PyInt.numpy(1), PyInt.numpy(2), PyInt.of(0))))));
    }

    @Test
    void dynamicSlicesClampAndWrapNegativeStarts() {
        Array x = i(0, 1, 2, 3, 4);
        assertArrayEquals(new int[] {2, 3, 4}, Lax.dynamicSlice(x, List.of(3), 3).toIntArray());
        assertArrayEquals(new int[] {2, 3, 4}, Lax.dynamicSlice(x, List.of(-3), 3).toIntArray());
        assertArrayEquals(new int[] {0, 1}, Lax.dynamicSlice(x, List.of(Jnp.array(-9)), 2).toIntArray());
        assertArrayEquals(new int[] {0, 1, 2, 9, 9}, Lax.dynamicUpdateSlice(x, i(9, 9), List.of(4)).toIntArray());
        fails(() -> Lax.dynamicSlice(Jnp.zeros(3, 4), List.of(0), 1, 2),
                "Length of slice indices must match number of operand dimensions (1 vs (3, 4))");
        fails(() -> Lax.dynamicSlice(Jnp.zeros(3, 4), List.of(0, 0), 4, 2),
                "slice slice_sizes must be less than or equal to operand shape, got slice_sizes (4, 2) for operand shape (3, 4).");
        fails(() -> Lax.dynamicUpdateSlice(x, f(9, 9), List.of(4)),
                "lax.dynamic_update_slice requires arguments to have the same dtypes, got int32, float32.");
        fails(() -> Lax.dynamicUpdateSlice(x, i(0, 1, 2, 3, 4, 5), List.of(0)),
                "dynamic_update_slice update shape must be smaller than operand shape, got update shape (6,) for operand shape (5,).");
    }

    @Test
    void concatenateSplitRevTile() {
        Array a = Jnp.array(new int[][] {{1, 2}, {3, 4}});
        Array c = Lax.concatenate(List.of(a, Jnp.array(new int[][] {{5}, {6}})), 1);
        assertArrayEquals(new int[] {1, 2, 5, 3, 4, 6}, c.toIntArray());
        List<Array> parts = Lax.split(c, new int[] {1, 0, 2}, 1);
        assertEquals(3, parts.size());
        assertArrayEquals(new int[] {1, 3}, parts.get(0).toIntArray());
        assertArrayEquals(new int[] {2, 0}, parts.get(1).shape());
        assertArrayEquals(new int[] {2, 5, 4, 6}, parts.get(2).toIntArray());
        assertArrayEquals(new int[] {4, 3, 2, 1}, Lax.rev(a, 0, 1).toIntArray());
        assertArrayEquals(new int[] {1, 2, 1, 2, 3, 4, 3, 4}, Lax.tile(a, 1, 2).toIntArray());
        fails(() -> Lax.concatenate(List.of(Jnp.zeros(3, 4), Jnp.zeros(3, 5)), 0),
                "Cannot concatenate arrays with shapes that differ in dimensions other than the one being concatenated:"
                        + " concatenating along dimension 0 for shapes (3, 4), (3, 5).");
        fails(() -> Lax.concatenate(List.of(Jnp.zeros(3, 4), a), 1),
                "lax.concatenate requires arguments to have the same dtypes, got float32, int32. (Tip: jnp.concatenate is a"
                        + " similar function that does automatic type promotion on inputs).");
        fails(() -> Lax.concatenate(List.of(a, a), 2), "concatenate dimension out of bounds: dimension 2 for shapes (2, 2), (2, 2).");
        fails(() -> Lax.split(a, new int[] {1, 2}, 1), "Sum of sizes 3 must be equal to dimension 1 of the operand shape [2, 2]");
        fails(() -> Lax.rev(a, 2), "rev dimensions must all be less than operand ndim, got dimensions (2,) for operand ndim 2.");
        fails(() -> Lax.rev(a, 0, 0), "rev dimensions must be unique, got (0, 0).");
        fails(() -> Lax.tile(a, 2), "reps length must be equal to the ndim of x, got len(reps)=1 and x.ndim=2.");
        assertEquals("axis=1 sizes=(np.int64(2), np.int64(2))", params(new Split(1, PyInt.list(new int[] {2, 2}, true))));
    }

    @Test
    void gatherModesAndFillValues() {
        Array x = f(1, 2, 3, 4, 5);
        Array idx = Jnp.array(new int[][] {{-1}, {2}, {7}});
        var dn = new GatherDimensionNumbers(Ints.EMPTY, Ints.of(0), Ints.of(0));
        assertArrayEquals(new float[] {1, 3, 5}, Lax.gather(x, idx, dn, 1).toFloatArray());
        assertArrayEquals(new float[] {1, 3, 5},
                Lax.gather(x, idx, dn, new int[] {1}, false, false, GatherScatterMode.CLIP, null).toFloatArray());
        float[] filled = Lax.gather(x, idx, dn, new int[] {1}, false, false, GatherScatterMode.FILL_OR_DROP, null).toFloatArray();
        assertTrue(Float.isNaN(filled[0]) && filled[1] == 3 && Float.isNaN(filled[2]));
        assertArrayEquals(new int[] {-2147483648, 3, -2147483648},
                Lax.gather(i(1, 2, 3, 4, 5), idx, dn, new int[] {1}, false, false, GatherScatterMode.FILL_OR_DROP, null)
                        .toIntArray());
        // a window of 2 rows: starts clamp so that the window fits
        Array m = Jnp.array(new int[][] {{0, 1}, {2, 3}, {4, 5}});
        Array w = Lax.gather(m, Jnp.array(new int[][] {{2}}), new GatherDimensionNumbers(Ints.of(1, 2), Ints.EMPTY, Ints.of(0)), 2, 2);
        assertArrayEquals(new int[] {1, 2, 2}, w.shape());
        assertArrayEquals(new int[] {2, 3, 4, 5}, w.toIntArray());
        fails(() -> Lax.gather(x, f(1), dn, 1), "indices must have an integer type");
        fails(() -> Lax.gather(Jnp.zeros(3, 4), Jnp.array(new int[][] {{0}}), new GatherDimensionNumbers(Ints.of(1), Ints.of(0),
                Ints.of(0)), 2, 4), "Gather op can only collapse slice dims with bound 1, but bound is 2 for index 0 at position 0.");
        fails(() -> Lax.gather(Jnp.zeros(3, 4), Jnp.array(new int[][] {{0}}), new GatherDimensionNumbers(Ints.of(1), Ints.of(0),
                Ints.of(0)), 1, 5), "Slice size at index 1 in gather op is out of range, must be within [0, 4 + 1), got 5.");
        assertEquals("dimension_numbers=GatherDimensionNumbers(offset_dims=(), collapsed_slice_dims=(0,), start_index_map=(0,),"
                + " operand_batching_dims=(), start_indices_batching_dims=()) fill_value=nan indices_are_sorted=False"
                + " mode=GatherScatterMode.FILL_OR_DROP slice_sizes=(1,) unique_indices=False",
                params(new Gather(dn, Double.NaN, false, GatherScatterMode.FILL_OR_DROP, Ints.of(1), false)));
    }

    @Test
    void scattersDropOutOfBoundsWindowsAndAccumulateDuplicates() {
        Array x = Jnp.zeros(4);
        Array idx = Jnp.array(new int[][] {{0}, {0}, {0}, {1}, {2}, {2}, {3}, {3}, {9}, {-1}});
        Array u = f(5, 1, 7, 2, 3, 4, 1, 3, 100, 100);
        var dn = new ScatterDimensionNumbers(Ints.EMPTY, Ints.of(0), Ints.of(0));
        assertArrayEquals(new float[] {13, 2, 7, 4}, Lax.scatterAdd(x, idx, u, dn).toFloatArray());
        assertArrayEquals(new float[] {113, 2, 7, 104}, Lax.scatter(Lax.ScatterKind.ADD, x, idx, u, dn, false, false,
                GatherScatterMode.CLIP).toFloatArray());
        Array y = f(1, 2, 3, 4);
        var one = Jnp.array(new int[][] {{1}});
        assertArrayEquals(new float[] {1, 9, 3, 4}, Lax.scatter(y, one, f(9), dn).toFloatArray());
        assertArrayEquals(new float[] {1, -7, 3, 4}, Lax.scatter(Lax.ScatterKind.SUB, y, one, f(9), dn, false, false, null).toFloatArray());
        assertArrayEquals(new float[] {1, 18, 3, 4}, Lax.scatter(Lax.ScatterKind.MUL, y, one, f(9), dn, false, false, null).toFloatArray());
        assertArrayEquals(new float[] {1, 2, 3, 4}, Lax.scatter(Lax.ScatterKind.MIN, y, one, f(9), dn, false, false, null).toFloatArray());
        assertArrayEquals(new float[] {1, 9, 3, 4}, Lax.scatter(Lax.ScatterKind.MAX, y, one, f(9), dn, false, false, null).toFloatArray());
        fails(() -> Lax.scatterAdd(Jnp.zeros(3, 4), Jnp.zeros(new int[] {2, 1}, DType.INT32), Jnp.zeros(2, 5),
                new ScatterDimensionNumbers(Ints.of(1), Ints.of(0), Ints.of(0))),
                "Bounds of the window dimensions of updates must not exceed the bounds of the corresponding dimensions of"
                        + " operand. For dimension 1, updates bound is 5, operand bound is 4.");
        fails(() -> Lax.scatterAdd(Jnp.zeros(3, 4), Jnp.zeros(new int[] {2, 1}, DType.INT32), Jnp.zeros(new int[] {2, 4}, DType.INT32),
                new ScatterDimensionNumbers(Ints.of(1), Ints.of(0), Ints.of(0))),
                "lax.scatter requires arguments to have the same dtypes, got float32, int32.");
    }

    @Test
    void dotGeneralContractsAndBatches() {
        Array a = Jnp.array(new float[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}});
        Array b = Jnp.array(new float[][][] {{{1, 0}, {0, 1}}, {{2, 0}, {0, 2}}});
        var bmm = DotDimensionNumbers.of(new int[] {2}, new int[] {1}, new int[] {0}, new int[] {0});
        assertArrayEquals(new float[] {1, 2, 3, 4, 10, 12, 14, 16}, Lax.dotGeneral(a, b, bmm).toFloatArray());
        Array mixed = Lax.dotGeneral(Jnp.array(new int[] {1, 2}), f(0.5f, 0.25f),
                DotDimensionNumbers.of(new int[] {0}, new int[] {0}, new int[0], new int[0]), null, DType.FLOAT32);
        assertEquals(1.0f, mixed.item());
        fails(() -> Lax.dotGeneral(Jnp.zeros(3, 4), Jnp.zeros(3, 4), DotDimensionNumbers.of(new int[] {1}, new int[] {0},
                new int[0], new int[0])), "dot_general requires contracting dimensions to have the same shape, got (4,) and (3,).");
        assertEquals("dimension_numbers=(([1], [0]), ([], [])) precision=(Precision.HIGHEST, Precision.HIGHEST)"
                + " preferred_element_type=float32", params(new DotGeneral(DotDimensionNumbers.of(new int[] {1}, new int[] {0},
                new int[0], new int[0]), Precision.HIGHEST, DType.FLOAT32)));
    }

    @Test
    void sortPutsNansLastAndKeepsEqualKeysInOrder() {
        Array x = f(3, Float.NaN, Float.NEGATIVE_INFINITY, 1, -0f, 0, Float.NaN);
        float[] s = Lax.sort(x).toFloatArray();
        assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, -0f, 0, 1, 3}, java.util.Arrays.copyOf(s, 5));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(s[1]));
        assertTrue(Float.isNaN(s[5]) && Float.isNaN(s[6]));
        List<Array> kv = Lax.sort(List.of(i(2, 1, 2, 1), i(0, 1, 2, 3)), 0, true, 1);
        assertArrayEquals(new int[] {1, 1, 2, 2}, kv.get(0).toIntArray());
        assertArrayEquals(new int[] {1, 3, 0, 2}, kv.get(1).toIntArray());
        Array u8 = Jnp.array(new int[] {200, 3, 255}, DType.UINT8);
        assertArrayEquals(new int[] {3, 200, 255}, Lax.sort(u8).toIntArray());
        fails(() -> Lax.sort(List.of(x, x), 0, true, 3), "num_keys=3 must be between 1 and len(operand)=2");
        fails(() -> Lax.sort(List.of(Jnp.zeros(3, 4), Jnp.zeros(3)), 0, true, 1),
                "Arguments to sort must have equal shapes, got: (3, 4) (3,)");
        assertEquals("dimension=0 is_stable=True num_keys=1", params(new Sort(0, true, 1)));
    }

    @Test
    void topKTakesTheLargestFirst() {
        List<Array> r = Lax.topK(Jnp.array(new float[][] {{1, 5, 3, 5}, {Float.NaN, 0, 2, 1}}), 2);
        float[] v = r.get(0).toFloatArray();
        assertArrayEquals(new float[] {5, 5}, java.util.Arrays.copyOf(v, 2));
        assertTrue(Float.isNaN(v[2]) && v[3] == 2);
        assertArrayEquals(new int[] {1, 3, 0, 2}, r.get(1).toIntArray());
        assertEquals(DType.INT32, r.get(1).dtype());
        fails(() -> Lax.topK(Jnp.zeros(3, 4), 5),
                "k argument to top_k must be no larger than size along axis; got k=5 with shape=[3, 4] and axis=1");
        assertEquals("axis=1 k=2", params(new TopK(1, 2)));
    }

    @Test
    void everyNewPrimitiveEvaluatesToItsTypeRule() {
        Array x = Jnp.array(new float[][] {{1, 2, 3}, {4, 5, 6}});
        for (Array r : List.of(Lax.rev(x, 1), Lax.tile(x, 2, 1), Lax.concatenate(List.of(x, x), 0),
                Lax.pad(x, Jnp.array(0f), new int[][] {{1, 0, 1}, {0, 2, 0}}), Lax.dynamicSlice(x, List.of(1, 1), 1, 2),
                Lax.sort(x), Lax.dotGeneral(x, x, DotDimensionNumbers.of(new int[] {1}, new int[] {1}, new int[0], new int[0])))) {
            DenseArray d = (DenseArray) r;
            assertEquals(d.size(), d.toFloatArray().length);
            assertTrue(r.type().equals(new ArrayType(r.type().shape(), DType.FLOAT32, false)), r.type().toString());
        }
    }
}
