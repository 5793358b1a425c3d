package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Index;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.ConcretizationTypeError;
import dev.jaxvm.ir.StagingInterpreter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input to the shape, indexing, linalg and sorting functions: clear errors, raised before any work. */
class NumpyShapeErrorsTest {
    private static final Array M = Jnp.array(new float[][] {{1, 2, 3}, {4, 5, 6}});

    private static void fails(Class<? extends Throwable> type, Executable e, String... fragments) {
        Throwable t = assertThrows(type, e);
        for (String f : fragments) assertTrue(t.getMessage().contains(f), "message '" + t.getMessage() + "' lacks '" + f + "'");
    }

    @Test
    void badIndexStrings() {
        fails(IllegalArgumentException.class, () -> M.get("1:2:3:4"), "invalid index '1:2:3:4'");
        fails(IllegalArgumentException.class, () -> M.get("a"), "invalid index 'a'", "in 'a'");
        fails(IllegalArgumentException.class, () -> M.get("::0"), "slice step cannot be zero");
        fails(IllegalArgumentException.class, () -> M.get("1,,2"), "invalid index");
        fails(IllegalArgumentException.class, () -> M.get("[0, 1"), "unbalanced '['");
        fails(IllegalArgumentException.class, () -> M.get("1.5"), "invalid index '1.5'");
    }

    @Test
    void badIndexObjects() {
        fails(IndexOutOfBoundsException.class, () -> M.get(0, 0, 0), "Too many indices: array is 2-dimensional, but 3 were indexed");
        fails(IndexOutOfBoundsException.class, () -> M.get("..., ..."), "single ellipsis");
        fails(IllegalArgumentException.class, () -> M.get(Jnp.array(new float[] {0, 1})),
                "Indexer must have integer or boolean type, got indexer with type float32");
        fails(IllegalArgumentException.class, () -> M.get(1.0), "Indexer must have integer or boolean type");
        fails(IllegalArgumentException.class, () -> M.get((Object) "abc"), "JAX does not support string indexing");
        fails(IndexOutOfBoundsException.class, () -> M.get(new boolean[] {true, false, true}),
                "boolean index did not match shape of indexed array in index 0: got (3,), expected [2]");
        fails(IllegalArgumentException.class, () -> M.get(new Object() {}), "unsupported index object");
    }

    @Test
    void tracedBooleanMaskIsRejectedAsInJax() {
        Throwable t = assertThrows(NonConcreteBooleanIndexError.class, () -> StagingInterpreter.trace(
                a -> List.of(a.getFirst().get(a.getFirst().gt(0))), List.of(ArrayType.of(DType.FLOAT32, 3))));
        assertTrue(t.getMessage().startsWith("Array boolean indices must be concrete; got bool[3]"), t.getMessage());
    }

    @Test
    void concreteOnlyFunctionsRejectTracers() {
        assertThrows(ConcretizationTypeError.class, () -> StagingInterpreter.trace(
                a -> List.of(Jnp.unique(a.getFirst())), List.of(ArrayType.of(DType.FLOAT32, 3))));
        assertThrows(ConcretizationTypeError.class, () -> StagingInterpreter.trace(
                a -> Jnp.nonzero(a.getFirst()), List.of(ArrayType.of(DType.FLOAT32, 3))));
    }

    @Test
    void shapeFunctionErrorsNameTheFunction() {
        fails(IllegalArgumentException.class, () -> Jnp.concatenate(List.of(M, Jnp.ones(3, 2)), 0), "concatenate",
                "(2, 3)", "(3, 2)");
        fails(IllegalArgumentException.class, () -> Jnp.concatenate(List.of(), 0), "concatenate", "at least one array");
        fails(IllegalArgumentException.class, () -> Jnp.concatenate(List.of(M), 2), "concatenate: axis 2 is out of bounds");
        fails(IllegalArgumentException.class, () -> Jnp.split(M, 2, 1), "split", "equal division");
        fails(IllegalArgumentException.class, () -> Jnp.split(M, new int[] {2, 1}, 1), "split", "non-decreasing");
        fails(IllegalArgumentException.class, () -> Jnp.swapaxes(M, 0, 2), "swapaxes: axis 2 is out of bounds");
        fails(IllegalArgumentException.class, () -> Jnp.moveaxis(M, new int[] {0, 0}, new int[] {0, 1}), "moveaxis", "repeated");
        fails(IllegalArgumentException.class, () -> Jnp.flip(M, 0, -2), "flip: repeated axis");
        fails(IllegalArgumentException.class, () -> Jnp.roll(M, 1, 5), "roll: axis 5 is out of bounds");
        fails(IllegalArgumentException.class, () -> Jnp.tile(M, -1), "tile: negative");
        fails(IllegalArgumentException.class, () -> Jnp.repeat(M, -1, 0), "repeat", "negative");
        fails(IllegalArgumentException.class, () -> Jnp.repeat(M, new int[] {1, 2}, 1), "repeat", "repeats of length 2");
        fails(IllegalArgumentException.class, () -> Jnp.pad(M, new int[][] {{1, -1}}), "pad", "negative");
        fails(IllegalArgumentException.class, () -> Jnp.pad(M, new int[][] {{1, 1}, {1, 1}, {1, 1}}), "pad", "pad_width");
        fails(IllegalArgumentException.class, () -> Jnp.pad(M, new int[][] {{1, 1}}, "bogus"), "pad", "'bogus'");
        fails(IllegalArgumentException.class, () -> Jnp.pad(Jnp.zeros(0, 2), new int[][] {{1, 1}, {0, 0}}, "wrap"),
                "Cannot apply 'wrap' padding to empty axis");
        fails(IllegalArgumentException.class, () -> Jnp.broadcastArrays(M, Jnp.ones(4)), "broadcast_arrays", "(2, 3)", "(4,)");
        fails(IllegalArgumentException.class, () -> Jnp.hstack(List.of()), "hstack");
    }

    @Test
    void linalgErrorsNameTheShapes() {
        fails(IllegalArgumentException.class, () -> Jnp.dot(M, M), "dot", "(2, 3)", "not aligned");
        fails(IllegalArgumentException.class, () -> Jnp.matmul(M, M), "matmul", "(2, 3)");
        fails(IllegalArgumentException.class, () -> Jnp.matmul(M, 2.0), "matmul input operand 1 must have ndim at least 1");
        fails(IllegalArgumentException.class, () -> Jnp.matmul(Jnp.ones(2, 2, 3), Jnp.ones(3, 3, 1)),
                "Incompatible types for matmul arguments");
        fails(IllegalArgumentException.class, () -> Jnp.tensordot(M, M, 3), "Number of tensordot axes");
        fails(IllegalArgumentException.class, () -> Jnp.einsum("ij,jk->ik", M, M), "einsum", "label 'j'");
        fails(IllegalArgumentException.class, () -> Jnp.einsum("ij->ik", M), "einsum", "'k'");
        fails(IllegalArgumentException.class, () -> Jnp.einsum("ijk->i", M), "einsum", "operand 0 has 2 dimensions");
        fails(IllegalArgumentException.class, () -> Jnp.trace(Jnp.ones(3)), "trace");
        fails(IllegalArgumentException.class, () -> Jnp.trace(M, 0, 1, -1), "axis1 and axis2 can not be same");
    }

    @Test
    void sortingErrors() {
        fails(IllegalArgumentException.class, () -> Jnp.sort(M, 2), "sort: axis 2 is out of bounds");
        fails(IllegalArgumentException.class, () -> Jnp.searchsorted(M, 1.0), "searchsorted", "1-dimensional");
        fails(IllegalArgumentException.class, () -> Jnp.searchsorted(Jnp.ones(3), 1.0, "middle"), "side");
        fails(IllegalArgumentException.class, () -> Jnp.nonzero(Jnp.array(1.0f)), "nonzero", "0d");
    }

    @Test
    void updateErrors() {
        fails(IllegalArgumentException.class, () -> M.at(0).set(Jnp.ones(4)), "Incompatible types for broadcasting",
                "float32[4]", "float32[3]");
        fails(IllegalArgumentException.class, () -> M.at(Index.ALL, 0).set(Jnp.ones(2, 1)),
                "Cannot broadcast to shape with fewer dimensions");
        fails(IllegalArgumentException.class, () -> M.at(0).get("bogus", null), "Unknown gather mode");
    }

    @Test
    void outOfBoundsReadsClampAndWritesDrop() {
        Array x = Jnp.array(new int[] {1, 2, 3, 4, 5});
        assertEquals(5, x.get(10).item());
        assertEquals(1, x.get(-10).item());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, x.at(10).add(10).toIntArray());
        assertArrayEquals(new int[] {1, 2, 3, 4, 15}, x.at(20).add(10, "clip").toIntArray());
        assertArrayEquals(new int[] {1, 2, 3, 4, 99}, x.at(-1).set(99).toIntArray());
        assertArrayEquals(new int[] {0}, x.get("5:10").shape());
    }

    @Test
    void classicUpdateOfTheJaxIntroduction() {
        Array a = Jnp.array(java.util.stream.IntStream.range(0, 16).toArray()).reshape(4, 4);
        Array b = Jnp.zeros(6, 6).at("1:-1, 1:-1").set(a);
        assertEquals(DType.FLOAT32, b.dtype());
        assertArrayEquals(new int[] {6, 6}, b.shape());
        assertEquals(0f, b.get(0, 0).item());
        assertEquals(5f, b.get(2, 2).item());
        assertEquals(15f, b.get(4, 4).item());
        assertEquals(120f, b.sum().item());
    }
}
