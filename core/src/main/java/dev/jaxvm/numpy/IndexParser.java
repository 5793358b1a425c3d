package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.Index;
import java.util.ArrayList;
import java.util.List;

/** Parses NumPy index syntax ({@code "1:-1, ::2, ..., None, [0, 2]"}) and normalises index objects. */
final class IndexParser {
    private IndexParser() {}

    static List<Object> parse(String index) {
        if (index == null) throw new IllegalArgumentException("index string must not be null");
        List<Object> out = new ArrayList<>();
        String s = index.strip();
        if (s.startsWith("(") && s.endsWith(")")) s = s.substring(1, s.length() - 1).strip();
        if (s.isEmpty()) return out;
        List<String> items = splitTopLevel(index, s);
        if (items.size() > 1 && items.getLast().isBlank()) items.removeLast(); // trailing comma: "1,"
        for (String raw : items) {
            String item = raw.strip();
            if (item.isEmpty()) throw bad(index, raw);
            if (item.equals("...")) out.add(Index.ELLIPSIS);
            else if (item.equals("None")) out.add(Index.NEWAXIS);
            else if (item.equals("True") || item.equals("False")) out.add(Boolean.valueOf(item.equals("True")));
            else if (item.startsWith("[")) out.add(parseList(index, item));
            else if (item.contains(":")) out.add(parseSlice(index, item));
            else out.add(parseInt(index, item));
        }
        return out;
    }

    private static List<String> splitTopLevel(String whole, String s) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') depth++;
            else if (c == ']' && --depth < 0) throw new IllegalArgumentException("unbalanced ']' in index '" + whole + "'");
            else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) throw new IllegalArgumentException("unbalanced '[' in index '" + whole + "'");
        out.add(s.substring(start));
        return out;
    }

    /** A (nested) list literal of ints or booleans, as an int32 or bool array. */
    private static Array parseList(String whole, String item) {
        String flat = item.replace("[", " ").replace("]", " ").replace(",", " ").strip();
        List<Integer> dims = new ArrayList<>();
        int depth = 0;
        while (depth < item.length() && item.charAt(depth) == '[') depth++;
        String[] toks = flat.isEmpty() ? new String[0] : flat.split("\\s+");
        boolean bools = toks.length > 0 && (toks[0].equals("True") || toks[0].equals("False"));
        if (depth > 1) {
            // nested lists: infer a rectangular shape by counting top-level groups
            Object parsed = nested(whole, item.strip(), new int[] {0}, bools);
            return Jnp.array(parsed);
        }
        if (bools) {
            boolean[] b = new boolean[toks.length];
            for (int i = 0; i < b.length; i++) b[i] = parseBool(whole, toks[i]);
            return Jnp.array(b);
        }
        int[] v = new int[toks.length];
        for (int i = 0; i < v.length; i++) v[i] = parseInt(whole, toks[i]);
        return Jnp.array(v);
    }

    private static Object nested(String whole, String s, int[] pos, boolean bools) {
        if (s.charAt(pos[0]) != '[') throw bad(whole, s);
        pos[0]++;
        List<Object> elems = new ArrayList<>();
        StringBuilder tok = new StringBuilder();
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]);
            if (c == '[') {
                elems.add(nested(whole, s, pos, bools));
                continue;
            }
            pos[0]++;
            if (c == ',' || c == ']' || Character.isWhitespace(c)) {
                if (!tok.isEmpty()) {
                    elems.add(bools ? (Object) parseBool(whole, tok.toString()) : (Object) parseInt(whole, tok.toString()));
                    tok.setLength(0);
                }
                if (c == ']') break;
            } else {
                tok.append(c);
            }
        }
        if (!elems.isEmpty() && elems.getFirst() instanceof Integer) {
            return elems.stream().mapToInt(o -> (Integer) o).toArray();
        }
        if (!elems.isEmpty() && elems.getFirst() instanceof Boolean) {
            boolean[] b = new boolean[elems.size()];
            for (int i = 0; i < b.length; i++) b[i] = (Boolean) elems.get(i);
            return b;
        }
        Object first = elems.isEmpty() ? new int[0] : elems.getFirst();
        Object arr = java.lang.reflect.Array.newInstance(first.getClass(), elems.size());
        for (int i = 0; i < elems.size(); i++) java.lang.reflect.Array.set(arr, i, elems.get(i));
        return arr;
    }

    private static boolean parseBool(String whole, String t) {
        return switch (t) {
            case "True" -> true;
            case "False" -> false;
            default -> throw bad(whole, t);
        };
    }

    private static Index parseSlice(String whole, String item) {
        String[] parts = item.split(":", -1);
        if (parts.length > 3) throw bad(whole, item);
        Integer[] v = new Integer[3];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            v[i] = p.isEmpty() || p.equals("None") ? null : parseInt(whole, p);
        }
        if (v[2] != null && v[2] == 0) throw new IllegalArgumentException("slice step cannot be zero in index '" + whole + "'");
        return Index.slice(v[0], v[1], v[2]);
    }

    private static Integer parseInt(String whole, String item) {
        try {
            return Integer.parseInt(item.strip());
        } catch (NumberFormatException e) {
            throw bad(whole, item);
        }
    }

    private static IllegalArgumentException bad(String whole, String item) {
        return new IllegalArgumentException("invalid index '" + item.strip() + "' in '" + whole
                + "': expected an integer, a slice start:stop:step, '...', 'None', True/False or a list [i, j, ...]");
    }

    /** Normalises index objects: boxes Java ints, turns Java int/boolean arrays into index arrays. */
    static List<Object> of(Object... index) {
        if (index == null) return List.of(Index.NEWAXIS);
        List<Object> out = new ArrayList<>();
        for (Object o : index) {
            switch (o) {
                case null -> out.add(Index.NEWAXIS);
                case Integer i -> out.add(i);
                case Long l -> out.add(Math.toIntExact(l));
                case Short s -> out.add((int) s);
                case Byte b -> out.add((int) b);
                case Boolean b -> out.add(b);
                case Index i -> out.add(i);
                case Array a -> out.add(a);
                case int[] a -> out.add(Jnp.array(a));
                case long[] a -> out.add(Jnp.array(a));
                case boolean[] a -> out.add(Jnp.array(a));
                case int[][] a -> out.add(Jnp.array(a));
                case boolean[][] a -> out.add(Jnp.array(a));
                case String s -> throw new IllegalArgumentException("JAX does not support string indexing; use"
                        + " x.get(\"" + s + "\") for NumPy index syntax");
                case Float f -> throw floatIndex("float32");
                case Double d -> throw floatIndex("float64");
                default -> throw new IllegalArgumentException("unsupported index object of type " + o.getClass().getName()
                        + ": use ints, Index.slice(...), Index.ALL, Index.NEWAXIS, Index.ELLIPSIS, int[]/boolean[] or arrays");
            }
        }
        return out;
    }

    static IllegalArgumentException floatIndex(String dtype) {
        return new IllegalArgumentException("Indexer must have integer or boolean type, got indexer with type " + dtype);
    }
}
