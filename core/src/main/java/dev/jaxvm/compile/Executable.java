package dev.jaxvm.compile;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A compiled program, ready to run: what {@code Jax.jit(f).lower(args).compile()} gives. Calls are
 * thread-safe; each has its own buffers. Within a call, an intermediate whose last reader has run lends
 * its array to a later intermediate of the same storage and size ({@code b7 (reuses b3)} in
 * {@link #asText()}; see {@link BufferPlan}); across calls, intermediates' arrays are recycled.
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
    /** Which intermediates reuse dead ones' arrays within a call, and where donated inputs may go. */
    private final BufferPlan plan;
    /** Which outputs are fresh arrays that no other result shares (their arrays may be donated later). */
    private final boolean[] ownedOutput;

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
        this.plan = BufferPlan.of(program, this.steps, reusable);
        this.ownedOutput = new boolean[program.outputs().size()];
        for (int i = 0; i < ownedOutput.length; i++) {
            int o = program.outputs().get(i);
            boolean loop = false;
            for (Kernel k : program.kernels()) {
                if ((k instanceof Kernel.Map m && m.out() == o) || (k instanceof Kernel.Reduce r && r.out() == o)) loop = true;
            }
            ownedOutput[i] = loop && program.outputs().indexOf(o) == program.outputs().lastIndexOf(o);
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
    public List<DenseArray> call(List<DenseArray> args) { return call(args, null, Parallel.THREADS); }

    /**
     * Runs the program with some arguments donated (JAX's {@code donate_argnums}): a donated argument
     * whose type and size match an output that a map kernel writes, and that is the only holder of its
     * data ({@link DenseArray#wrapOwned}), has that output written into its data and is deleted
     * ({@link DenseArray#isDeleted()}); other donated arguments are left as they are (as JAX does with
     * donations it cannot use).
     *
     * @param donate per argument, whether it is donated
     * @throws IllegalArgumentException as {@link #call(List)}, or when a donated argument's array is
     *     also passed as another argument
     */
    public List<DenseArray> call(List<DenseArray> args, boolean[] donate) {
        if (donate.length != args.size()) {
            throw new IllegalArgumentException("donate has " + donate.length + " flags for " + args.size() + " arguments");
        }
        return call(args, donate, Parallel.THREADS);
    }

    /** Runs the program on at most {@code threads} threads (results do not depend on it). */
    List<DenseArray> call(List<DenseArray> args, int threads) { return call(args, null, threads); }

    private List<DenseArray> call(List<DenseArray> args, boolean[] donate, int threads) {
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
        boolean[] taken = donate == null ? null : donateInto(args, donate, bufs);
        for (int s = 0; s < steps.size(); s++) {
            plan.prepare(s, bufs);
            steps.get(s).run(bufs, types, threads);
        }
        for (int i = 0; i < args.size(); i++) {
            // another thread donated an argument while this call read it: its data may be overwritten
            if ((taken == null || !taken[i]) && args.get(i).isDeleted()) args.get(i).buffer();
        }
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
        for (int i = 0; i < program.outputs().size(); i++) {
            int o = program.outputs().get(i);
            boolean owned = ownedOutput[i] || taken != null && o < taken.length && taken[o];
            out.add(owned ? DenseArray.wrapOwned(types.get(o), bufs[o]) : DenseArray.wrap(types.get(o), bufs[o]));
        }
        return out;
    }

    /** Takes the donated arguments' arrays for the outputs the plan allows (deleting those arguments). */
    private boolean[] donateInto(List<DenseArray> args, boolean[] donate, Object[] bufs) {
        for (int i = 0; i < args.size(); i++) {
            if (!donate[i]) continue;
            for (int j = 0; j < args.size(); j++) {
                if (j != i && bufs[j] == bufs[i]) {
                    throw new IllegalArgumentException("Attempt to use a buffer that was previously donated in the same call"
                            + " (argument " + i + " is donated and also passed as argument " + j + ")");
                }
            }
        }
        boolean[] taken = new boolean[args.size()];
        for (int i = 0; i < args.size(); i++) {
            int o = plan.donateInto(i);
            if (donate[i] && o >= 0 && args.get(i).donate()) {
                bufs[o] = bufs[i];
                taken[i] = true;
            }
        }
        return taken;
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
                for (int o : kernel.outputs()) {
                    if (plan.reuses(o) >= 0) b.append("\n  b").append(o).append(" (reuses b").append(plan.reuses(o)).append(')');
                }
            }
        }
        return b.toString();
    }

    @Override
    public String toString() { return asText(); }
}
