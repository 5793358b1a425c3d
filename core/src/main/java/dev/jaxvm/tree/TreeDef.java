package dev.jaxvm.tree;

import java.util.List;
import java.util.StringJoiner;

/**
 * The structure of a pytree with its leaves taken out (JAX's {@code PyTreeDef}). Tree definitions
 * are values: equal structures are {@code equals}, so they serve as cache keys (e.g. by {@code jit}).
 *
 * {@snippet :
 * record Params(Array w, Array b) {}
 * TreeDef d = Tree.structure(new Params(w, b));
 * assert d.numLeaves() == 2 && d.toString().equals("Params(w=*, b=*)");
 * }
 */
public sealed interface TreeDef {

    /** The number of leaves. */
    int numLeaves();

    /** A leaf: any value that is not a container (arrays, Java numbers, ...). */
    record Leaf() implements TreeDef {
        @Override
        public int numLeaves() { return 1; }

        @Override
        public String toString() { return "*"; }
    }

    /** {@code null}: an empty subtree, as Python's {@code None}. */
    record None() implements TreeDef {
        @Override
        public int numLeaves() { return 0; }

        @Override
        public String toString() { return "None"; }
    }

    /**
     * A record: its components, in declaration order.
     *
     * @param type the record class
     * @param children one definition per component
     */
    record RecordNode(Class<?> type, List<TreeDef> children) implements TreeDef {
        public RecordNode {
            children = List.copyOf(children);
        }

        @Override
        public int numLeaves() { return count(children); }

        @Override
        public String toString() {
            StringJoiner j = new StringJoiner(", ", type.getSimpleName() + "(", ")");
            var comps = type.getRecordComponents();
            for (int i = 0; i < children.size(); i++) j.add(comps[i].getName() + "=" + children.get(i));
            return j.toString();
        }
    }

    /**
     * A {@link java.util.List}.
     *
     * @param children one definition per element
     */
    record ListNode(List<TreeDef> children) implements TreeDef {
        public ListNode {
            children = List.copyOf(children);
        }

        @Override
        public int numLeaves() { return count(children); }

        @Override
        public String toString() {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            children.forEach(c -> j.add(c.toString()));
            return j.toString();
        }
    }

    /**
     * A {@link java.util.Map}, flattened in sorted key order (as JAX sorts dict keys).
     *
     * @param keys the sorted keys
     * @param children one definition per key
     */
    record MapNode(List<Object> keys, List<TreeDef> children) implements TreeDef {
        public MapNode {
            keys = List.copyOf(keys);
            children = List.copyOf(children);
        }

        @Override
        public int numLeaves() { return count(children); }

        @Override
        public String toString() {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            for (int i = 0; i < keys.size(); i++) {
                Object k = keys.get(i);
                j.add((k instanceof String s ? "'" + s + "'" : String.valueOf(k)) + ": " + children.get(i));
            }
            return j.toString();
        }
    }

    /**
     * A Java array (e.g. {@code Array[]}).
     *
     * @param componentType the array's component type
     * @param children one definition per element
     */
    record ArrayNode(Class<?> componentType, List<TreeDef> children) implements TreeDef {
        public ArrayNode {
            children = List.copyOf(children);
        }

        @Override
        public int numLeaves() { return count(children); }

        @Override
        public String toString() {
            StringJoiner j = new StringJoiner(", ", componentType.getSimpleName() + "[]{", "}");
            children.forEach(c -> j.add(c.toString()));
            return j.toString();
        }
    }

    /**
     * An {@link java.util.Optional}: {@code child} is {@link None} for an empty optional.
     *
     * @param child the contents' definition
     */
    record OptionalNode(TreeDef child) implements TreeDef {
        @Override
        public int numLeaves() { return child.numLeaves(); }

        @Override
        public String toString() { return "Optional[" + child + "]"; }
    }

    /** The children of a container node; empty for leaves and {@code None}. */
    default List<TreeDef> children() {
        return switch (this) {
            case Leaf l -> List.of();
            case None n -> List.of();
            case RecordNode r -> r.children();
            case ListNode l -> l.children();
            case MapNode m -> m.children();
            case ArrayNode a -> a.children();
            case OptionalNode o -> List.of(o.child());
        };
    }

    private static int count(List<TreeDef> cs) {
        int n = 0;
        for (TreeDef c : cs) n += c.numLeaves();
        return n;
    }

}
