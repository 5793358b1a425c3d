package dev.jaxvm.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jaxvm.Array;
import dev.jaxvm.numpy.Jnp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TreeTest {
    record Params(Array w, Array b) {}

    record Model(Params layer, List<Array> extras, Optional<Array> bias, Object nothing) {}

    private static final Array W = Jnp.array(new float[] {1, 2});
    private static final Array B = Jnp.array(new float[] {3});
    private static final Array C = Jnp.array(new float[] {4, 5, 6});

    @Test
    void recordComponentsInOrder() {
        Tree.Flat f = Tree.flatten(new Params(W, B));
        assertEquals(List.of(W, B), f.leaves());
        assertEquals(new TreeDef.RecordNode(Params.class, List.of(new TreeDef.Leaf(), new TreeDef.Leaf())), f.treeDef());
        assertEquals("Params(w=*, b=*)", f.treeDef().toString());
        Params back = Tree.unflatten(f.treeDef(), f.leaves());
        assertEquals(new Params(W, B), back);
    }

    @Test
    void nestedContainersRoundTrip() {
        Model m = new Model(new Params(W, B), List.of(C, W), Optional.of(B), null);
        Tree.Flat f = Tree.flatten(m);
        assertEquals(List.of(W, B, C, W, B), f.leaves());
        assertEquals(5, f.treeDef().numLeaves());
        Model back = Tree.unflatten(f.treeDef(), f.leaves());
        assertEquals(m, back);
        Model empty = new Model(new Params(W, B), List.of(), Optional.empty(), null);
        Tree.Flat g = Tree.flatten(empty);
        assertEquals(2, g.leaves().size());
        assertEquals(empty, Tree.unflatten(g.treeDef(), g.leaves()));
        assertNotEquals(f.treeDef(), g.treeDef());
    }

    @Test
    void mapsFlattenInSortedKeyOrder() {
        Map<String, Object> m = new HashMap<>();
        m.put("zeta", W);
        m.put("alpha", B);
        m.put("mid", List.of(C));
        Tree.Flat f = Tree.flatten(m);
        assertEquals(List.of(B, C, W), f.leaves());
        assertEquals("{'alpha': *, 'mid': [*], 'zeta': *}", f.treeDef().toString());
        Map<String, Object> back = Tree.unflatten(f.treeDef(), f.leaves());
        assertEquals(m, back);
        assertEquals(List.of("alpha", "mid", "zeta"), new ArrayList<>(back.keySet()));
        assertThrows(IllegalArgumentException.class, () -> Tree.flatten(Map.of(1, W, "a", B)));
    }

    @Test
    void javaArraysOfArrays() {
        Array[] xs = {W, B, C};
        Tree.Flat f = Tree.flatten(xs);
        assertEquals(List.of(W, B, C), f.leaves());
        Array[] back = Tree.unflatten(f.treeDef(), f.leaves());
        assertArrayEquals(xs, back);
    }

    @Test
    void nullIsAnEmptySubtreeAndLeavesAreOthers() {
        assertEquals(List.of(), Tree.leaves(null));
        assertNull(Tree.unflatten(new TreeDef.None(), List.of()));
        assertEquals(List.of(1.5, "s"), Tree.leaves(Arrays.asList(null, 1.5, "s")));
        assertEquals(new TreeDef.Leaf(), Tree.structure(W));
        assertSame(W, Tree.<Object>unflatten(new TreeDef.Leaf(), List.of(W)));
    }

    @Test
    void structuresAreValuesUsableAsKeys() {
        assertEquals(Tree.structure(new Params(C, C)), Tree.structure(new Params(W, B)));
        assertEquals(Tree.structure(new Params(W, B)).hashCode(), Tree.structure(new Params(C, C)).hashCode());
        assertNotEquals(Tree.structure(List.of(W, B)), Tree.structure(List.of(W, B, C)));
        assertNotEquals(Tree.structure(List.of(W, B)), Tree.structure(new Params(W, B)));
        assertNotEquals(Tree.structure(Map.of("a", W)), Tree.structure(Map.of("b", W)));
    }

    @Test
    void mapAppliesToEveryLeafAndKeepsTypes() {
        Params p = Tree.map(x -> ((Array) x).mul(2), new Params(W, B));
        assertArrayEquals(new float[] {2, 4}, p.w().toFloatArray());
        assertArrayEquals(new float[] {6}, p.b().toFloatArray());
        Params s = Tree.map((x, y) -> ((Array) x).add(y), new Params(W, B), new Params(W, B));
        assertArrayEquals(new float[] {2, 4}, s.w().toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> Tree.map((x, y) -> x, new Params(W, B), List.of(W, B)));
    }

    @Test
    void unflattenChecksLeafCount() {
        TreeDef d = Tree.structure(new Params(W, B));
        var e = assertThrows(IllegalArgumentException.class, () -> Tree.unflatten(d, List.of(W)));
        assertEquals("unflatten: tree structure Params(w=*, b=*) has 2 leaves, got 1", e.getMessage());
    }
}
