package dev.jaxvm.ir;

import dev.jaxvm.core.Primitive;

/**
 * A primitive whose equations dead-code elimination can shrink rather than only keep or drop (JAX's
 * {@code dce_rules}): a {@code cond} or {@code scan} some of whose outputs are unused loses them,
 * together with the parts of its programs and the operands only they needed.
 */
public interface DceRule extends Primitive {
    /**
     * {@code e} (an equation of this primitive) keeping only what its used outputs need; its outputs
     * are a subset of {@code e}'s (the same variables), possibly keeping some unused ones. Returns
     * {@code e} itself when nothing can go.
     *
     * @param usedOutputs for each output of {@code e}, whether a later equation or the result needs it
     */
    Eqn prune(Eqn e, boolean[] usedOutputs);

    /** {@code e} pruned by its primitive's rule for the outputs in {@code live}, or {@code e} unchanged. */
    static Eqn pruned(Eqn e, java.util.Set<Var> live) {
        if (!(e.primitive() instanceof DceRule rule)) return e;
        boolean[] used = new boolean[e.outputs().size()];
        boolean all = true;
        for (int i = 0; i < used.length; i++) all &= used[i] = live.contains(e.outputs().get(i));
        return all ? e : rule.prune(e, used);
    }
}
