package dev.jaxvm.transform;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Trace;
import dev.jaxvm.lax.Batchable;
import dev.jaxvm.lax.CollectivePrimitive;
import dev.jaxvm.lax.LaxPrimitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The batching contract over the whole sealed catalog: for every primitive, applying it to a batch
 * under vmap equals applying it to each example and stacking, for batch axes at every position and
 * every choice of batched operands.
 */
class BatchRuleContractTest {
    static final int B = 5;

    /** The primitives holding programs, which the batching interpreter batches itself (as JAX's batch_jaxpr). */
    static final java.util.Set<Class<?>> BY_INTERPRETER = java.util.Set.of(dev.jaxvm.lax.Jit.class, dev.jaxvm.lax.Remat.class,
            dev.jaxvm.lax.CustomJvpCall.class, dev.jaxvm.lax.CustomVjpCall.class,
            dev.jaxvm.lax.While.class, dev.jaxvm.lax.Cond.class, dev.jaxvm.lax.Scan.class,
            // custom_lin exists only inside reverse-mode differentiation, which stages it, never binds it to vmap
            dev.jaxvm.lax.CustomLin.class);

    /** Primitives whose parameters are user functions: checked by VmapAutodiffTest rather than by samples. */
    static final java.util.Set<Class<?>> BY_TESTS = java.util.Set.of(dev.jaxvm.lax.CustomJvpCall.class,
            dev.jaxvm.lax.CustomVjpCall.class, dev.jaxvm.lax.CustomLin.class);

    /** Every concrete primitive record of the catalog, found through the sealed hierarchy. */
    static List<Class<?>> catalog() {
        List<Class<?>> out = new ArrayList<>();
        collect(LaxPrimitive.class, out);
        return out;
    }

    private static void collect(Class<?> c, List<Class<?>> out) {
        if (c.isSealed()) {
            for (Class<?> s : c.getPermittedSubclasses()) collect(s, out);
        } else if (c.isRecord() && !out.contains(c)) {
            out.add(c);
        }
    }

    /** Every primitive has a batch rule, except the higher-order ones, which the batching interpreter handles itself. */
    @Test
    void everyPrimitiveHasABatchRuleAndSamples() throws ReflectiveOperationException {
        TreeSet<String> noRule = new TreeSet<>();
        TreeSet<String> noSamples = new TreeSet<>();
        for (Class<?> c : catalog()) {
            if (!Batchable.class.isAssignableFrom(c) && !BY_INTERPRETER.contains(c)) noRule.add(c.getSimpleName());
            if (!CollectivePrimitive.class.isAssignableFrom(c) && !BY_TESTS.contains(c) && BatchSamples.of(c).isEmpty()) noSamples.add(c.getSimpleName());
        }
        assertEquals("[]", noRule.toString(), "primitives without a batch rule");
        assertEquals("[]", noSamples.toString(), "primitives without batching samples");
        assertTrue(catalog().size() > 60);
    }

    @Test
    void batchedEqualsStackedExamples() throws ReflectiveOperationException {
        Random rnd = new Random(8);
        int checked = 0;
        for (Class<?> c : catalog()) {
            for (BatchSamples.Sample s : BatchSamples.of(c)) {
                for (int[] dims : configurations(s.types(), rnd)) {
                    check(s, dims, rnd);
                    checked++;
                }
            }
        }
        assertTrue(checked > 300, "checked " + checked);
    }

    /**
     * Which operands are batched and where: every non-empty subset of operands (all-batched and each
     * alone for more than three), each batched operand's axis at every position (clamped to its rank),
     * plus one random mix of positions.
     */
    static List<int[]> configurations(List<ArrayType> types, Random rnd) {
        int n = types.size();
        List<int[]> masks = new ArrayList<>();
        if (n <= 3) {
            for (int m = 1; m < (1 << n); m++) masks.add(bits(m, n));
        } else {
            int[] all = new int[n];
            Arrays.fill(all, 1);
            masks.add(all);
            for (int i = 0; i < n; i++) masks.add(bits(1 << i, n));
        }
        int maxRank = 0;
        for (ArrayType t : types) maxRank = Math.max(maxRank, rank(t));
        List<int[]> out = new ArrayList<>();
        if (n == 0) out.add(new int[0]);
        for (int[] mask : masks) {
            for (int p = 0; p <= maxRank + 1; p++) {
                int[] dims = new int[n];
                for (int i = 0; i < n; i++) {
                    int r = rank(types.get(i));
                    dims[i] = mask[i] == 0 ? NOT_MAPPED : p <= maxRank ? Math.min(p, r) : rnd.nextInt(r + 1);
                }
                out.add(dims);
            }
        }
        return out;
    }

    /** The rank batch axes range over: a key array's logical rank (a batch axis never follows its key words). */
    private static int rank(ArrayType t) { return t.isExtended() ? t.rank() - 1 : t.rank(); }

    private static int[] bits(int m, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = (m >> i) & 1;
        return out;
    }

    static void check(BatchSamples.Sample s, int[] dims, Random rnd) {
        int n = s.types().size();
        List<Array> args = new ArrayList<>();
        List<Integer> inAxes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ArrayType t = s.types().get(i);
            args.add(BatchTesting.random(dims[i] == NOT_MAPPED ? t : BatchTesting.batchType(t, B, dims[i]), rnd));
            inAxes.add(dims[i] == NOT_MAPPED ? null : dims[i]);
        }
        String what = s + " batched along " + Arrays.toString(dims);
        List<Array> got = Vmap.call(xs -> Trace.bind(s.primitive(), xs), args, inAxes, List.of(0), B, null, null);
        List<List<Array>> perExample = new ArrayList<>();
        for (int b = 0; b < B; b++) {
            List<Array> ex = new ArrayList<>();
            for (int i = 0; i < n; i++) ex.add(dims[i] == NOT_MAPPED ? args.get(i) : BatchTesting.example(args.get(i), dims[i], b));
            perExample.add(Trace.bind(s.primitive(), ex));
        }
        assertEquals(perExample.getFirst().size(), got.size(), what + ": number of outputs");
        for (int k = 0; k < got.size(); k++) {
            List<Array> column = new ArrayList<>();
            for (List<Array> outs : perExample) column.add(outs.get(k));
            BatchTesting.assertSame(BatchTesting.stack(column), got.get(k), what + ", output " + k);
        }
    }
}
