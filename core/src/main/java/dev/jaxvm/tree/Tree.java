package dev.jaxvm.tree;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Pytrees: nested containers whose leaves are arrays (JAX's {@code jax.tree_util}). Containers are
 * Java records (components in declaration order), {@link List}s, {@link Map}s (keys sorted, as JAX
 * sorts dict keys; keys must be mutually {@link Comparable}), Java arrays ({@code Array[]}),
 * {@link Optional}s, and {@code null} (an empty subtree, as Python's {@code None}); every other
 * value is a leaf, including jaxvm's own value records ({@code ArrayType}, {@code Shape}, {@code Ints}).
 *
 * <p>Records are read and rebuilt reflectively through their accessors and canonical constructor:
 * a record declared in a named module must be in a package exported (or opened) to {@code dev.jaxvm}.
 *
 * {@snippet :
 * record Params(Array w, Array b) {}
 * Tree.Flat flat = Tree.flatten(new Params(w, b));          // leaves [w, b]
 * Params doubled = Tree.map(x -> ((Array) x).mul(2), new Params(w, b));
 * }
 */
public final class Tree {
    private Tree() {}

    /**
     * A flattened pytree.
     *
     * @param leaves the leaves, in order
     * @param treeDef the structure
     */
    public record Flat(List<Object> leaves, TreeDef treeDef) {
        public Flat {
            leaves = Collections.unmodifiableList(new ArrayList<>(leaves));
        }
    }

    /** The leaves of {@code tree} in order, and its structure. */
    public static Flat flatten(Object tree) {
        List<Object> leaves = new ArrayList<>();
        TreeDef def = flattenInto(tree, leaves);
        return new Flat(leaves, def);
    }

    /** The leaves of {@code tree}, in order. */
    public static List<Object> leaves(Object tree) { return flatten(tree).leaves(); }

    /** The structure of {@code tree}. */
    public static TreeDef structure(Object tree) { return flatten(tree).treeDef(); }

    /**
     * Rebuilds a tree of the given structure from {@code leaves}.
     *
     * @throws IllegalArgumentException if the number of leaves does not match
     */
    @SuppressWarnings("unchecked")
    public static <T> T unflatten(TreeDef def, List<?> leaves) {
        if (leaves.size() != def.numLeaves()) {
            throw new IllegalArgumentException("unflatten: tree structure " + def + " has " + def.numLeaves()
                    + " leaves, got " + leaves.size());
        }
        int[] pos = {0};
        return (T) build(def, leaves, pos);
    }

    /** The tree with {@code f} applied to every leaf; containers are rebuilt with the same types. */
    public static <T> T map(Function<Object, ?> f, T tree) {
        Flat flat = flatten(tree);
        List<Object> out = new ArrayList<>(flat.leaves().size());
        for (Object leaf : flat.leaves()) out.add(f.apply(leaf));
        return unflatten(flat.treeDef(), out);
    }

    /**
     * The tree with {@code f} applied to corresponding leaves of two trees of the same structure.
     *
     * @throws IllegalArgumentException if the structures differ
     */
    public static <T> T map(BiFunction<Object, Object, ?> f, T tree, Object other) {
        Flat a = flatten(tree);
        Flat b = flatten(other);
        if (!a.treeDef().equals(b.treeDef())) {
            throw new IllegalArgumentException("tree structures differ: " + a.treeDef() + " and " + b.treeDef());
        }
        List<Object> out = new ArrayList<>(a.leaves().size());
        for (int i = 0; i < a.leaves().size(); i++) out.add(f.apply(a.leaves().get(i), b.leaves().get(i)));
        return unflatten(a.treeDef(), out);
    }

    private static TreeDef flattenInto(Object x, List<Object> leaves) {
        return switch (x) {
            case null -> new TreeDef.None();
            case dev.jaxvm.core.ArrayType t -> leaf(t, leaves); // abstract values are leaves, as ShapeDtypeStruct
            case dev.jaxvm.core.Shape s -> leaf(s, leaves);
            case dev.jaxvm.core.Ints i -> leaf(i, leaves);
            case Record r -> {
                List<TreeDef> cs = new ArrayList<>();
                for (RecordComponent c : r.getClass().getRecordComponents()) cs.add(flattenInto(read(r, c), leaves));
                yield new TreeDef.RecordNode(r.getClass(), cs);
            }
            case List<?> l -> {
                List<TreeDef> cs = new ArrayList<>(l.size());
                for (Object o : l) cs.add(flattenInto(o, leaves));
                yield new TreeDef.ListNode(cs);
            }
            case Map<?, ?> m -> {
                List<Object> keys = sortedKeys(m);
                List<TreeDef> cs = new ArrayList<>(keys.size());
                for (Object k : keys) cs.add(flattenInto(m.get(k), leaves));
                yield new TreeDef.MapNode(keys, cs);
            }
            case Optional<?> o -> new TreeDef.OptionalNode(flattenInto(o.orElse(null), leaves));
            case Object[] a -> {
                List<TreeDef> cs = new ArrayList<>(a.length);
                for (Object o : a) cs.add(flattenInto(o, leaves));
                yield new TreeDef.ArrayNode(a.getClass().getComponentType(), cs);
            }
            default -> leaf(x, leaves);
        };
    }

    private static TreeDef leaf(Object x, List<Object> leaves) {
        leaves.add(x);
        return new TreeDef.Leaf();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Object> sortedKeys(Map<?, ?> m) {
        List<Object> keys = new ArrayList<>(m.keySet());
        try {
            keys.sort((a, b) -> ((Comparable) a).compareTo(b));
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("pytree map keys must be mutually comparable (they are sorted, as JAX"
                    + " sorts dict keys), got " + m.keySet(), e);
        }
        return keys;
    }

    private static Object build(TreeDef def, List<?> leaves, int[] pos) {
        return switch (def) {
            case TreeDef.Leaf l -> leaves.get(pos[0]++);
            case TreeDef.None n -> null;
            case TreeDef.RecordNode r -> {
                Object[] args = new Object[r.children().size()];
                for (int i = 0; i < args.length; i++) args[i] = build(r.children().get(i), leaves, pos);
                yield construct(r.type(), args);
            }
            case TreeDef.ListNode l -> {
                List<Object> out = new ArrayList<>(l.children().size());
                for (TreeDef c : l.children()) out.add(build(c, leaves, pos));
                yield Collections.unmodifiableList(out);
            }
            case TreeDef.MapNode m -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < m.keys().size(); i++) out.put(m.keys().get(i), build(m.children().get(i), leaves, pos));
                yield Collections.unmodifiableMap(out);
            }
            case TreeDef.ArrayNode a -> {
                Object arr = java.lang.reflect.Array.newInstance(a.componentType(), a.children().size());
                for (int i = 0; i < a.children().size(); i++) {
                    java.lang.reflect.Array.set(arr, i, build(a.children().get(i), leaves, pos));
                }
                yield arr;
            }
            case TreeDef.OptionalNode o -> Optional.ofNullable(build(o.child(), leaves, pos));
        };
    }

    private static Object read(Record r, RecordComponent c) {
        try {
            Method m = c.getAccessor();
            if (!m.canAccess(r)) m.setAccessible(true);
            return m.invoke(r);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read component " + c.getName() + " of record "
                    + r.getClass().getName() + " (is its package exported or opened to dev.jaxvm?)", e);
        }
    }

    private static Object construct(Class<?> type, Object[] args) {
        RecordComponent[] comps = type.getRecordComponents();
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) types[i] = comps[i].getType();
        try {
            Constructor<?> k = type.getDeclaredConstructor(types);
            if (!k.canAccess(null)) k.setAccessible(true);
            return k.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalArgumentException("cannot rebuild record " + type.getName(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot rebuild record " + type.getName() + " from leaves "
                    + java.util.Arrays.toString(args) + " (is its package exported or opened to dev.jaxvm?)", e);
        }
    }
}
