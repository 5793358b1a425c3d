package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code jnp.einsum} with subscripts (explicit {@code ->} or NumPy's implicit output), lowered as jnp's
 * {@code _einsum} does for one and two operands: sums of indices unique to one operand
 * ({@code reduce_sum}), diagonals of repeated indices ({@code iota}/{@code eq}/{@code select_n}), one
 * {@code dot_general}, and a final {@code transpose}. Three or more operands are contracted left to right
 * (opt_einsum's path may order them differently, so such Jaxprs can differ from JAX's).
 */
final class Einsum {
    private Einsum() {}

    static Array einsum(String subscripts, Object... operandObjs) {
        String spec = subscripts.replace(" ", "");
        if (spec.contains(".")) throw new UnsupportedOperationException("einsum: ellipsis ('...') subscripts are not supported");
        String[] io = spec.split("->", -1);
        if (io.length > 2) throw new IllegalArgumentException("einsum: subscripts may contain only one '->': " + subscripts);
        String[] inputs = io[0].split(",", -1);
        if (inputs.length != operandObjs.length) {
            throw new IllegalArgumentException("einsum: " + inputs.length + " subscript terms for " + operandObjs.length
                    + " operands in '" + subscripts + "'");
        }
        List<Array> ops = new ArrayList<>();
        Map<Character, Integer> sizes = new LinkedHashMap<>();
        Map<Character, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            Array a = Jnp.asarray(operandObjs[i]);
            ops.add(a);
            String s = inputs[i];
            if (s.length() != a.ndim()) {
                throw new IllegalArgumentException("einsum: operand " + i + " has " + a.ndim() + " dimensions but subscripts '"
                        + s + "' name " + s.length());
            }
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (!Character.isLetter(c)) throw new IllegalArgumentException("einsum: invalid subscript '" + c + "' in '"
                        + subscripts + "'");
                counts.merge(c, 1, Integer::sum);
                Integer prev = sizes.putIfAbsent(c, a.shape()[k]);
                if (prev != null && prev != a.shape()[k] && prev != 1 && a.shape()[k] != 1) {
                    throw new IllegalArgumentException("einsum: size of label '" + c + "' for operand " + i + " ("
                            + a.shape()[k] + ") does not match previous terms (" + prev + ")");
                }
            }
        }
        String output;
        if (io.length == 2) {
            output = io[1];
            for (char c : output.toCharArray()) {
                if (!counts.containsKey(c)) throw new IllegalArgumentException("einsum: output subscript '" + c
                        + "' does not appear in the input subscripts");
                if (output.indexOf(c) != output.lastIndexOf(c)) {
                    throw new IllegalArgumentException("einsum: output subscript '" + c + "' appears more than once");
                }
            }
        } else {
            StringBuilder b = new StringBuilder();
            new TreeSet<>(counts.keySet()).forEach(c -> { if (counts.get(c) == 1) b.append(c); });
            output = b.toString();
        }
        ArrayType rt = Linalg.resultType(ops.toArray(Array[]::new));
        DType pref = rt.dtype();
        List<String> names = new ArrayList<>(List.of(inputs));
        while (ops.size() > 2) {
            String keep = output + String.join("", names.subList(2, names.size()));
            String mid = uniqueChars(names.get(0) + names.get(1), keep);
            Array r = contract(ops.get(0), names.get(0), ops.get(1), names.get(1), mid, pref);
            ops.subList(0, 2).clear();
            names.subList(0, 2).clear();
            ops.addFirst(r);
            names.addFirst(mid);
        }
        Array r = ops.size() == 1 ? single(ops.getFirst(), names.getFirst(), output, pref)
                : contract(ops.get(1), names.get(1), ops.get(0), names.get(0), output, pref); // opt_einsum pops (1, 0)
        return Promote.convert("einsum", r, rt.dtype(), rt.weakType());
    }

    /** The distinct characters of {@code s} that also occur in {@code keep}, in order of first appearance. */
    private static String uniqueChars(String s, String keep) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) if (keep.indexOf(c) >= 0 && b.indexOf(String.valueOf(c)) < 0) b.append(c);
        return b.toString();
    }

    private static String contracted(String in, String out) {
        TreeSet<Character> set = new TreeSet<>();
        for (char c : in.toCharArray()) if (out.indexOf(c) < 0) set.add(c);
        StringBuilder b = new StringBuilder();
        set.forEach(b::append);
        return b.toString();
    }

    private record Named(Array x, String names) {}

    private static Array single(Array x, String names, String result, DType pref) {
        String contracted = contracted(names, result);
        Named n = sumUniques(new Named(x, names), uniques(contracted, names, ""), pref);
        n = sumRepeats(n, result, pref);
        return finish(n, result);
    }

    private static String uniques(String contracted, String names, String other) {
        StringBuilder b = new StringBuilder();
        for (char c : contracted.toCharArray()) if (count(names, c) == 1 && count(other, c) == 0) b.append(c);
        return b.toString();
    }

    private static int count(String s, char c) { return (int) s.chars().filter(ch -> ch == c).count(); }

    private static Array sum(Array x, int[] axes, DType pref) {
        if (Promotion.promoteTypes(x.dtype(), pref) != x.dtype()) x = Lax.convertElementType(x, pref);
        return x.dtype() == DType.BOOL ? reduceOr(x, axes) : Lax.reduceSum(x, axes);
    }

    private static Array reduceOr(Array x, int[] axes) {
        throw new UnsupportedOperationException("einsum: summing bool operands needs reduce_or, which is not available yet");
    }

    private static Named sumUniques(Named n, String uniques, DType pref) {
        if (uniques.isEmpty()) return n;
        int[] axes = new int[uniques.length()];
        for (int i = 0; i < axes.length; i++) axes[i] = n.names().indexOf(uniques.charAt(i));
        String names = n.names();
        for (char c : uniques.toCharArray()) names = names.replace(String.valueOf(c), "");
        return new Named(sum(n.x(), axes, pref), names);
    }

    private static Named sumRepeats(Named n, String keepNames, DType pref) {
        Array x = n.x();
        String names = n.names();
        for (char c : distinct(names)) {
            if (count(names, c) < 2) continue;
            List<Integer> axesL = new ArrayList<>();
            for (int i = 0; i < names.length(); i++) if (names.charAt(i) == c) axesL.add(i);
            int[] axes = Linalg.ints(axesL);
            Array eye = delta(x.shape(), axes);
            Array zeros = Jnp.broadcastTo(Promote.convert("einsum", 0, x.dtype(), x.weakType()), x.shape());
            x = Lax.selectN(eye, zeros, x);
            if (keepNames.indexOf(c) < 0) {
                x = sum(x, axes, pref);
                names = names.replace(String.valueOf(c), "");
            } else {
                x = sum(x, java.util.Arrays.copyOf(axes, axes.length - 1), pref);
                String s = names;
                for (int k = 0; k < axes.length - 1; k++) s = s.replaceFirst(String.valueOf(c), "");
                names = s;
            }
        }
        return new Named(x, names);
    }

    private static List<Character> distinct(String s) {
        List<Character> out = new ArrayList<>();
        for (char c : s.toCharArray()) if (!out.contains(c)) out.add(c);
        return out;
    }

    /** {@code lax._delta(bool, shape, axes)}: true where the indices along {@code axes} are all equal. */
    private static Array delta(int[] shape, int[] axes) {
        int[] base = new int[axes.length];
        for (int i = 0; i < axes.length; i++) base[i] = shape[axes[i]];
        List<Array> iotas = new ArrayList<>();
        for (int i = 0; i < base.length; i++) iotas.add(Lax.broadcastedIota(DType.UINT32, base, i));
        Array r = null;
        for (int i = 0; i + 1 < iotas.size(); i++) {
            Array e = Lax.eq(iotas.get(i), iotas.get(i + 1));
            r = r == null ? e : Lax.bitwiseAnd(r, e);
        }
        boolean identity = base.length == shape.length;
        for (int i = 0; identity && i < axes.length; i++) identity = axes[i] == i;
        return identity ? r : Lax.broadcastInDim(r, shape, axes);
    }

    private static Named filterSingletons(Array x, String names, int[] otherShape, String otherNames) {
        List<Integer> squeeze = new ArrayList<>();
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < names.length(); i++) {
            int j = otherNames.indexOf(names.charAt(i));
            boolean keep = x.shape()[i] != 1 || j == -1 || otherShape[j] == 1;
            if (keep) kept.append(names.charAt(i));
            else squeeze.add(i);
        }
        return new Named(squeeze.isEmpty() ? x : Lax.squeeze(x, Linalg.ints(squeeze)), kept.toString());
    }

    private static Array contract(Array l, String ln, Array r, String rn, String result, DType pref) {
        String contractedAll = contracted(ln + rn, result);
        Named lhs = filterSingletons(l, ln, r.shape(), rn);
        Named rhs = filterSingletons(r, rn, lhs.x().shape(), lhs.names());
        String lhsNamesBefore = lhs.names(), rhsNamesBefore = rhs.names();
        lhs = sumUniques(lhs, uniques(contractedAll, lhsNamesBefore, rhsNamesBefore), pref);
        rhs = sumUniques(rhs, uniques(contractedAll, rhsNamesBefore, lhsNamesBefore), pref);
        lhs = sumRepeats(lhs, result + rhs.names(), pref);
        rhs = sumRepeats(rhs, result + lhs.names(), pref);
        String lnm = lhs.names(), rnm = rhs.names();
        StringBuilder contractedB = new StringBuilder();
        for (char c : contractedAll.toCharArray()) if (lnm.indexOf(c) >= 0 || rnm.indexOf(c) >= 0) contractedB.append(c);
        String contracted = contractedB.toString();
        StringBuilder batch = new StringBuilder();
        for (char c : result.toCharArray()) if (lnm.indexOf(c) >= 0 && rnm.indexOf(c) >= 0) batch.append(c);
        int[] lb = new int[batch.length()], rb = new int[batch.length()];
        for (int i = 0; i < lb.length; i++) {
            lb[i] = lnm.indexOf(batch.charAt(i));
            rb[i] = rnm.indexOf(batch.charAt(i));
        }
        int[] lc = new int[contracted.length()], rc = new int[contracted.length()];
        for (int i = 0; i < lc.length; i++) {
            lc[i] = lnm.indexOf(contracted.charAt(i));
            rc[i] = rnm.indexOf(contracted.charAt(i));
            if (lc[i] < 0 || rc[i] < 0 || lhs.x().shape()[lc[i]] != rhs.x().shape()[rc[i]]) {
                throw new IllegalArgumentException("einsum: incompatible reduction dimensions for label '"
                        + contracted.charAt(i) + "': lhs shape " + lhs.x().type().shape() + " (" + lnm + "), rhs shape "
                        + rhs.x().type().shape() + " (" + rnm + ")");
            }
        }
        String deleted = batch + contracted;
        String remL = remove(lnm, deleted), remR = remove(rnm, deleted);
        String names = batch + remR + remL;
        Array out;
        if (names.equals(result)) {
            out = Linalg.dotGeneral(rhs.x(), lhs.x(), rc, lc, rb, lb, pref);
        } else {
            names = batch + remL + remR;
            out = Linalg.dotGeneral(lhs.x(), rhs.x(), lc, rc, lb, rb, pref);
        }
        return finish(new Named(out, names), result);
    }

    private static String remove(String s, String chars) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) if (chars.indexOf(c) < 0) b.append(c);
        return b.toString();
    }

    private static Array finish(Named n, String result) {
        if (n.names().equals(result)) return n.x();
        int[] perm = new int[result.length()];
        for (int i = 0; i < perm.length; i++) perm[i] = n.names().indexOf(result.charAt(i));
        return Lax.transpose(n.x(), perm);
    }
}
