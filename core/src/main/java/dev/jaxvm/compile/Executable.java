package dev.jaxvm.compile;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A compiled program, ready to run: what {@code Jax.jit(f).lower(args).compile()} gives. Calls are
 * thread-safe; each allocates its own buffers.
 *
 * {@snippet :
 * Executable e = Compiler.compile(closedJaxpr);
 * List<DenseArray> out = e.call(List.of(x, y));
 * System.out.println(e.asText());   // the kernels
 * }
 */
public final class Executable {
    private final Program program;
    private final List<Step> steps;
    private final double compileMillis;
    /** Which buffers are intermediates written by loop kernels (or recyclable library kernels): their arrays are reused by later calls. */
    private final boolean[] reusable;
    /** Intermediate buffers of finished calls, one set per concurrent caller (an allocation cache). */
    private final ConcurrentLinkedQueue<Object[]> spare = new ConcurrentLinkedQueue<>();

    Executable(Program program, List<Step> steps, double compileMillis) {
        this.program = program;
        this.steps = List.copyOf(steps);
        this.compileMillis = compileMillis;
        this.reusable = new boolean[program.buffers().size()];
        for (Kernel k : program.kernels()) {
            boolean recycled = k instanceof Kernel.Map || k instanceof Kernel.Reduce
                    || k instanceof Kernel.Library l && l.kernel().recyclable();
            if (recycled) for (int o : k.outputs()) reusable[o] = true;
        }
        for (int o : program.outputs()) reusable[o] = false;
        // a library kernel or a reference evaluation may return views of its operands: never reuse those
        for (Kernel k : program.kernels()) {
            switch (k) {
                case Kernel.Library l -> {
                    if (!l.kernel().recyclable()) l.in().forEach(i -> reusable[i] = false);
                }
                case Kernel.Fallback f -> f.in().forEach(i -> reusable[i] = false);
                case Kernel.Map m -> { }
                case Kernel.Reduce r -> { }
            }
        }
    }

    /** The kernel program. */
    public Program program() { return program; }

    /** How long compilation took, in milliseconds (excluding HotSpot's later compilation of the kernels). */
    public double compileMillis() { return compileMillis; }

    /**
     * Runs the program.
     *
     * @throws IllegalArgumentException if the arguments' number, shapes or dtypes differ from the compiled ones
     */
    public List<DenseArray> call(List<DenseArray> args) { return call(args, Parallel.THREADS); }

    /** Runs the program on at most {@code threads} threads (results do not depend on it). */
    List<DenseArray> call(List<DenseArray> args, int threads) {
        List<ArrayType> types = program.buffers();
        if (args.size() != program.inputs()) {
            throw new IllegalArgumentException("compiled program takes " + program.inputs() + " arguments, got " + args.size());
        }
        Object[] bufs = new Object[types.size()];
        Object[] reuse = spare.poll();
        if (reuse != null) System.arraycopy(reuse, 0, bufs, 0, bufs.length);
        for (int i = 0; i < args.size(); i++) {
            ArrayType want = types.get(i), got = args.get(i).type();
            if (!want.shape().equals(got.shape()) || want.dtype() != got.dtype()) {
                throw new IllegalArgumentException("argument " + i + " has type " + got + ", the program was compiled for "
                        + want);
            }
            bufs[i] = args.get(i).buffer();
        }
        for (Map.Entry<Integer, DenseArray> c : program.constants().entrySet()) bufs[c.getKey()] = c.getValue().buffer();
        for (Step s : steps) s.run(bufs, types, threads);
        Object[] keep = new Object[bufs.length];
        boolean any = false;
        for (int i = 0; i < keep.length; i++) {
            if (reusable[i]) {
                keep[i] = bufs[i];
                any = true;
            }
        }
        if (any && spare.size() < 2) spare.offer(keep);
        List<DenseArray> out = new ArrayList<>(program.outputs().size());
        for (int o : program.outputs()) out.add(DenseArray.wrap(types.get(o), bufs[o]));
        return out;
    }

    /** The kernels, readable: each loop nest with its backend. */
    public String asText() {
        StringBuilder b = new StringBuilder(program.toString().lines().findFirst().orElse(""));
        int k = 0;
        for (Step s : steps) {
            List<Step> members = s instanceof Step.Rows rows ? List.copyOf(rows.members()) : List.of(s);
            String group = s instanceof Step.Rows rows ? ", rows " + rows.rows() + " with k" + k + "-k" + (k + members.size() - 1)
                    : "";
            for (Step m : members) {
                String how = switch (m) {
                    case Step.Bytecode c -> c.simd() ? "bytecode, simd" : "bytecode";
                    case Step.Reference r -> "reference backend: " + r.reason();
                    case Step.Opaque o -> o.kernel() instanceof Kernel.Library ? "library" : "no lowering";
                    case Step.Rows r -> throw new IllegalStateException("nested groups");
                };
                Kernel kernel = switch (m) {
                    case Step.Bytecode c -> c.kernel();
                    case Step.Reference r -> r.kernel();
                    case Step.Opaque o -> o.kernel();
                    case Step.Rows r -> throw new IllegalStateException("nested groups");
                };
                b.append("\nk").append(k++).append(" [").append(how).append(group).append("]: ").append(kernel);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() { return asText(); }
}
