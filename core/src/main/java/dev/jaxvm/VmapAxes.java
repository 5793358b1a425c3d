package dev.jaxvm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Parses and validates {@code vmap}'s {@code inAxes} and {@code outAxes} specifications, with JAX's messages. */
final class VmapAxes {
    private VmapAxes() {}

    /**
     * The per-argument in axes: {@code null} (all unbatched), an {@code Integer} (all arguments), or
     * one entry per argument as an {@code int[]}, an array or a {@link List} of {@code Integer}/{@code null}.
     * Returns null for "the same spec for every argument" encoded as a singleton, else the list.
     *
     * @throws IllegalArgumentException as JAX's TypeError for other values
     */
    static Spec parseIn(Object inAxes) {
        return switch (inAxes) {
            case null -> new Spec(Collections.singletonList(null), true);
            case Integer i -> new Spec(List.of(i), true);
            case int[] a -> new Spec(Arrays.stream(a).boxed().toList(), false);
            case Object[] a -> new Spec(leaves("in_axes", Arrays.asList(a), inAxes), false);
            case List<?> l -> new Spec(leaves("in_axes", l, inAxes), false);
            default -> throw new IllegalArgumentException("vmap in_axes must be an int, None, or a tuple of entries"
                    + " corresponding to the positional arguments passed to the function, but got " + show(inAxes) + ".");
        };
    }

    /** The out axis of a single output: an {@code Integer} or {@code null}. */
    static Integer parseOut(Object outAxes) {
        return switch (outAxes) {
            case null -> null;
            case Integer i -> i;
            case int[] a -> throw notPrefix(show(a));
            case Object[] a -> throw notPrefix(show(a));
            case List<?> l -> throw notPrefix(show(l));
            default -> throw new IllegalArgumentException("vmap out_axes must be an int, None, or (nested) container with"
                    + " those types as leaves, but got " + show(outAxes) + ".");
        };
    }

    private static IllegalArgumentException notPrefix(String spec) {
        return new IllegalArgumentException("vmap out_axes specification must be a tree prefix of the corresponding value;"
                + " got out_axes " + spec + " for a single array output");
    }

    private static List<Integer> leaves(String what, List<?> entries, Object whole) {
        List<Integer> out = new ArrayList<>(entries.size());
        for (Object o : entries) {
            if (o != null && !(o instanceof Integer)) {
                throw new IllegalArgumentException("vmap " + what + " must be an int, None, or (nested) container with"
                        + " those types as leaves, but got " + show(whole) + ".");
            }
            out.add((Integer) o);
        }
        return out;
    }

    /** Python-like text of a spec: tuples for Java arrays and lists, None for null, False for false. */
    static String show(Object o) {
        return switch (o) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case int[] a -> dev.jaxvm.core.Py.tuple(a);
            case Object[] a -> show(Arrays.asList(a));
            case List<?> l -> {
                List<String> parts = l.stream().map(VmapAxes::show).toList();
                yield "(" + String.join(", ", parts) + (parts.size() == 1 ? ",)" : ")");
            }
            default -> o.toString();
        };
    }

    /**
     * A parsed in_axes specification.
     *
     * @param axes one axis per argument, or the single axis for all when {@code broadcast}
     * @param broadcast whether the one entry applies to every argument
     */
    record Spec(List<Integer> axes, boolean broadcast) {
        Spec {
            axes = Collections.unmodifiableList(new ArrayList<>(axes));
        }

        /** One axis per argument for a call with {@code n} arguments. */
        List<Integer> forArgs(int n) {
            if (broadcast) return Collections.nCopies(n, axes.getFirst());
            if (axes.size() != n) {
                throw new IllegalArgumentException("vmap in_axes must be an int, None, or a tuple of entries corresponding"
                        + " to the positional arguments passed to the function, but got len(in_axes)=" + axes.size()
                        + ", len(args)=" + n);
            }
            return axes;
        }
    }
}
