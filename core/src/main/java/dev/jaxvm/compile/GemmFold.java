package dev.jaxvm.compile;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.ir.Atom;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Eqn;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Var;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds {@code transpose(dot_general(a, b))} into one matrix product when the transpose only swaps
 * the lhs-free and rhs-free dimensions of the product (batch dimensions kept in front): that is
 * {@code dot_general(b, a)}, i.e. {@link Gemm#swapped()}, with no transposition kernel. JAX's
 * transpose rule for dot_general produces exactly this pair for weight gradients ({@code x^T dh}),
 * where XLA folds the transpose into the layout. Runs after {@link Simplifier}; the product's result
 * must have no other use.
 */
final class GemmFold {
    private GemmFold() {}

    /** {@code closed} with each foldable transpose of a matrix product replaced by one product. */
    static ClosedJaxpr apply(ClosedJaxpr closed) {
        Jaxpr j = closed.jaxpr();
        Map<Var, Integer> uses = new IdentityHashMap<>();
        Map<Var, Integer> producer = new IdentityHashMap<>();
        for (Atom a : j.outvars()) if (a instanceof Var v) uses.merge(v, 2, Integer::sum);   // outputs stay materialised
        List<Eqn> eqns = j.eqns();
        for (int i = 0; i < eqns.size(); i++) {
            for (Atom a : eqns.get(i).inputs()) if (a instanceof Var v) uses.merge(v, 1, Integer::sum);
            for (Var v : eqns.get(i).outputs()) producer.put(v, i);
        }
        Eqn[] out = eqns.toArray(new Eqn[0]);
        boolean changed = false;
        for (int i = 0; i < out.length; i++) {
            Eqn t = out[i];
            Ints perm = permutation(t);
            if (perm == null || !(t.inputs().getFirst() instanceof Var v) || uses.getOrDefault(v, 0) != 1) continue;
            Integer pi = producer.get(v);
            if (pi == null || out[pi] == null || out[pi].outputs().size() != 1) continue;
            Eqn d = out[pi];
            Gemm g = gemm(d);
            if (g == null || !g.isSwap(perm)) continue;
            ArrayType type = t.outputs().getFirst().type();
            out[i] = new Eqn(new Product(g.swapped(), type), List.of(d.inputs().get(1), d.inputs().get(0)), t.outputs());
            out[pi] = null;
            changed = true;
        }
        if (!changed) return closed;
        List<Eqn> kept = new ArrayList<>();
        for (Eqn e : out) if (e != null) kept.add(e);
        return new ClosedJaxpr(new Jaxpr(j.constvars(), j.invars(), kept, j.outvars()), closed.consts());
    }

    /** The permutation of a {@code transpose} equation, else null. */
    private static Ints permutation(Eqn e) {
        if (!e.primitive().name().equals("transpose") || e.inputs().size() != 1) return null;
        for (Primitive.Param p : e.primitive().params()) if (p.name().equals("permutation") && p.value() instanceof Ints i) return i;
        return null;
    }

    /** The matrix-product kernel an equation lowers to, else null. */
    private static Gemm gemm(Eqn e) {
        if (!(e.primitive() instanceof Lowerable l) || e.inputs().size() != 2) return null;
        return l.lower(Simplifier.types(e.inputs()), Simplifier.types(e.outputs())) instanceof Lowering.Library(Gemm g) ? g : null;
    }

    /**
     * A matrix product placed by the compiler (printed {@code gemm}): the kernel {@code gemm} whose
     * result has type {@code out}.
     *
     * @param gemm the kernel
     * @param out the result type
     */
    record Product(Gemm gemm, ArrayType out) implements Lowerable {
        @Override
        public String name() { return "gemm"; }

        @Override
        public List<ArrayType> abstractEval(List<ArrayType> in) { return List.of(out); }

        @Override
        public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> types) { return gemm.run(in, types); }

        @Override
        public Lowering lower(List<ArrayType> in, List<ArrayType> types) { return new Lowering.Library(gemm); }
    }
}
