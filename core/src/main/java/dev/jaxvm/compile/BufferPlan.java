package dev.jaxvm.compile;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Storage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The memory plan of a compiled program, made once per {@link Executable} by liveness over its steps.
 * <ul>
 * <li>Within one call, an intermediate buffer whose last reader has run lends its array to a later
 *     kernel that writes an intermediate of the same storage type and size ({@code b7 (reuses b3)} in
 *     {@code asText()}). Inputs, constants, outputs and buffers a library kernel or a reference
 *     evaluation may return views of never take part.</li>
 * <li>For donation ({@code donateArgnums}), each input that may be donated gets the output it may be
 *     written into: an output of the same dtype and size written by a map kernel that runs after the
 *     input's last reader, or that is the input's last reader and reads it only at the element it writes;
 *     or itself when it is returned as it is. As in JAX, an input no kernel reads gets none.</li>
 * </ul>
 */
final class BufferPlan {
    /** Per step, flattened (receiver, donor) pairs: before the step runs, the receiver takes the donor's array. */
    private final int[][] lend;
    /** Per buffer, the buffer whose array it reuses within a call, or -1. */
    private final int[] reuses;
    /** Per input, the output it may be written into when donated, or -1. */
    private final int[] donateInto;

    private BufferPlan(int[][] lend, int[] reuses, int[] donateInto) {
        this.lend = lend;
        this.reuses = reuses;
        this.donateInto = donateInto;
    }

    /**
     * Plans {@code program} run as {@code steps}.
     *
     * @param reusable which buffers are intermediates whose arrays may be recycled (see {@link Executable})
     */
    static BufferPlan of(Program program, List<Step> steps, boolean[] reusable) {
        int n = program.buffers().size();
        int[] writer = new int[n], lastRead = new int[n];
        Arrays.fill(writer, -1);
        Arrays.fill(lastRead, -1);
        boolean[] viewed = new boolean[n];
        // a row group's chunk buffers live per thread (see RowScratch): never planned
        boolean[] planned = reusable.clone();
        for (Step st : steps) {
            if (st instanceof Step.Rows rows) {
                rows.scratch().forEach(b -> planned[b] = false);
                if (rows.base() >= 0) planned[rows.base()] = false;
            }
        }
        for (int s = 0; s < steps.size(); s++) {
            for (Kernel k : kernels(steps.get(s))) {
                for (int b : reads(k)) lastRead[b] = s;
                for (int o : k.outputs()) writer[o] = s;
                switch (k) {
                    case Kernel.Library l -> { if (!l.kernel().recyclable()) l.in().forEach(i -> viewed[i] = true); }
                    case Kernel.Fallback f -> f.in().forEach(i -> viewed[i] = true);
                    case Kernel.Map m -> { }
                    case Kernel.Reduce r -> { }
                }
            }
        }
        // within a call: a linear scan over the steps with a pool of dead arrays per (storage, size)
        int[] reuses = new int[n];
        Arrays.fill(reuses, -1);
        int[][] lend = new int[steps.size()][];
        HashMap<List<Object>, ArrayDeque<Integer>> pool = new HashMap<>();
        for (int s = 0; s < steps.size(); s++) {
            List<Integer> pairs = new ArrayList<>();
            for (Kernel k : kernels(steps.get(s))) {
                if (!receives(k)) continue;
                for (int o : k.outputs()) {
                    if (!planned[o] || writer[o] != s) continue;
                    ArrayDeque<Integer> free = pool.get(key(program.buffers().get(o)));
                    if (free == null || free.isEmpty()) continue;
                    int donor = free.poll();
                    reuses[o] = donor;
                    pairs.add(o);
                    pairs.add(donor);
                }
            }
            lend[s] = pairs.stream().mapToInt(Integer::intValue).toArray();
            for (int b = 0; b < n; b++) {
                if (planned[b] && writer[b] >= 0 && Math.max(writer[b], lastRead[b]) == s) {
                    pool.computeIfAbsent(key(program.buffers().get(b)), x -> new ArrayDeque<>()).add(b);
                }
            }
        }
        int[] donateInto = new int[program.inputs()];
        Arrays.fill(donateInto, -1);
        Set<Integer> taken = new HashSet<>();
        Set<Integer> outputs = new HashSet<>(program.outputs());
        for (int i = 0; i < program.inputs(); i++) {
            if (viewed[i]) continue;
            int times = java.util.Collections.frequency(program.outputs(), i);
            if (times == 1) donateInto[i] = i; // returned as it is: the result takes the data (as JAX)
            // as JAX: an argument no kernel reads is not donated
            if (times > 0 || lastRead[i] < 0) continue;
            ArrayType t = program.buffers().get(i);
            for (int o : program.outputs()) {
                if (o < program.inputs() || program.constants().containsKey(o) || taken.contains(o) || writer[o] < 0) continue;
                ArrayType u = program.buffers().get(o);
                if (u.dtype() != t.dtype() || u.size() != t.size()) continue;
                Step step = steps.get(writer[o]);
                Kernel.Map map = null;
                for (Kernel k : kernels(step)) if (k instanceof Kernel.Map m && m.out() == o) map = m;
                if (map == null) continue;
                boolean ok = lastRead[i] < writer[o]
                        || lastRead[i] == writer[o] && !(step instanceof Step.Rows) && readsOnlyInPlace(map, i);
                if (ok) {
                    donateInto[i] = o;
                    taken.add(o);
                    break;
                }
            }
        }
        return new BufferPlan(lend, reuses, donateInto);
    }

    /** Before step {@code s} runs: hands dead arrays to the buffers the step writes. */
    void prepare(int s, Object[] bufs) {
        int[] pairs = lend[s];
        for (int p = 0; p < pairs.length; p += 2) bufs[pairs[p]] = bufs[pairs[p + 1]];
    }

    /** The buffer whose array {@code b} reuses within a call, or -1. */
    int reuses(int b) { return reuses[b]; }

    /** The output a donated input {@code i} is written into, or -1 when it cannot be used. */
    int donateInto(int i) { return donateInto[i]; }

    /** Kernels whose outputs overwrite an array handed to them (a full reduction allocates its own). */
    private static boolean receives(Kernel k) {
        return switch (k) {
            case Kernel.Map m -> true;
            case Kernel.Reduce r -> r.kept().rank() > 0;
            case Kernel.Library l -> l.kernel().recyclable();
            case Kernel.Fallback f -> false;
        };
    }

    private static List<Object> key(ArrayType t) {
        return List.of(Storage.allocate(t.dtype(), 0).getClass(), t.size());
    }

    static List<Kernel> kernels(Step s) {
        return switch (s) {
            case Step.Bytecode c -> List.of(c.kernel());
            case Step.Reference r -> List.of(r.kernel());
            case Step.Opaque o -> List.of(o.kernel());
            case Step.Rows r -> r.members().stream().map(Step.Bytecode::kernel).toList();
        };
    }

    /** The buffers a kernel reads. */
    static Set<Integer> reads(Kernel k) {
        Set<Integer> out = new HashSet<>();
        switch (k) {
            case Kernel.Map m -> Exprs.forEachLoad(m.body(), l -> out.add(l.buffer()));
            case Kernel.Reduce r -> Exprs.forEachLoad(r.body(), l -> out.add(l.buffer()));
            case Kernel.Library l -> out.addAll(l.in());
            case Kernel.Fallback f -> out.addAll(f.in());
        }
        return out;
    }

    /** Whether every read of buffer {@code b} in {@code m} is at the element the kernel writes. */
    private static boolean readsOnlyInPlace(Kernel.Map m, int b) {
        List<Ix> loops = new ArrayList<>();
        for (int k = 0; k < m.dims().rank(); k++) loops.add(new Ix.Loop(k, m.dims().dim(k)));
        Ix store = Ix.linearize(loops, m.dims().dims());
        boolean[] ok = {true};
        Exprs.forEachLoad(m.body(), l -> { if (l.buffer() == b && !l.index().equals(store)) ok[0] = false; });
        return ok[0];
    }
}
