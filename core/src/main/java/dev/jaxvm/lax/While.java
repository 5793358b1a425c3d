package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.EvalInterpreter;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.JaxprEval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code while}: runs {@code bodyJaxpr} on the carry while {@code condJaxpr} says so
 * ({@code Lax.whileLoop}, and {@code Lax.foriLoop} with traced bounds). Operands: the cond constants,
 * the body constants, then the initial carry; results: the final carry. Printed as JAX prints it:
 * {@code while[body_jaxpr={ ... } body_nconsts=2 cond_jaxpr={ ... } cond_nconsts=0]}.
 *
 * <p>Forward-mode differentiable and batchable (by the interpreters, which transform the Jaxprs);
 * reverse mode raises JAX's error. Compiled as a loop in Java around the compiled cond and body.
 *
 * @param condJaxpr cond constants and carry to a boolean scalar
 * @param condNconsts the number of cond constants
 * @param bodyJaxpr body constants and carry to the next carry
 * @param bodyNconsts the number of body constants
 */
public record While(ClosedJaxpr condJaxpr, int condNconsts, ClosedJaxpr bodyJaxpr, int bodyNconsts)
        implements HigherOrderPrimitive, Lowerable {
    public While {
        Objects.requireNonNull(condJaxpr, "condJaxpr");
        Objects.requireNonNull(bodyJaxpr, "bodyJaxpr");
    }

    @Override
    public String name() { return "while"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        int nCarry = in.size() - condNconsts - bodyNconsts;
        if (nCarry < 0 || condJaxpr.inTypes().size() != condNconsts + nCarry) {
            throw new IllegalArgumentException("while_loop len(cond_jaxpr.in_avals)=" + condJaxpr.inTypes().size()
                    + " but len(cond_consts_avals) + len(in_avals)=" + (condNconsts + Math.max(nCarry, 0)));
        }
        if (bodyJaxpr.inTypes().size() != bodyNconsts + nCarry) {
            throw new IllegalArgumentException("while_loop len(body_jaxpr.in_avals)=" + bodyJaxpr.inTypes().size()
                    + " but len(body_consts_avals) + len(in_avals)=" + (bodyNconsts + nCarry));
        }
        List<ArrayType> carry = in.subList(condNconsts + bodyNconsts, in.size());
        List<ArrayType> condIn = CfTrace.concat(in.subList(0, condNconsts), carry);
        Loops.checkOperands("while_loop cond function", condJaxpr.inTypes(), condIn);
        Loops.checkOperands("while_loop body function", bodyJaxpr.inTypes(), in.subList(condNconsts, in.size()));
        List<ArrayType> pred = condJaxpr.outTypes();
        if (pred.size() != 1 || pred.getFirst().dtype() != dev.jaxvm.DType.BOOL) {
            throw new IllegalArgumentException("cond_fun must return a boolean scalar, but got output type(s) " + pred);
        }
        // a batched predicate (vmap) is a prefix of every carry's shape: each lane stops on its own
        int[] p = pred.getFirst().shape().dims();
        for (ArrayType c : carry) {
            int[] d = c.shape().dims();
            if (d.length < p.length || !java.util.Arrays.equals(p, java.util.Arrays.copyOf(d, p.length))) {
                throw new IllegalArgumentException("while: the predicate's shape " + pred.getFirst()
                        + " is not a prefix of the carry's shape " + c);
            }
        }
        Loops.checkCarry("while_loop body", carry, bodyJaxpr.outTypes());
        return bodyJaxpr.outTypes();
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        List<DenseArray> cconsts = in.subList(0, condNconsts);
        List<DenseArray> bconsts = in.subList(condNconsts, condNconsts + bodyNconsts);
        List<DenseArray> carry = new ArrayList<>(in.subList(condNconsts + bodyNconsts, in.size()));
        return Loops.withWeakTypes(loop(carry, c -> run(condJaxpr, CfTrace.concat(cconsts, c)).getFirst(),
                c -> run(bodyJaxpr, CfTrace.concat(bconsts, c))), out);
    }

    /**
     * The loop on concrete values: while the predicate holds (any lane of a batched predicate), step
     * the carry; lanes whose predicate is false keep their carry.
     */
    static List<DenseArray> loop(List<DenseArray> carry, java.util.function.Function<List<DenseArray>, DenseArray> cond,
            java.util.function.Function<List<DenseArray>, List<DenseArray>> body) {
        while (true) {
            DenseArray pred = cond.apply(carry);
            if (pred.type().rank() == 0) {
                if (!pred.getBoolean(0)) return carry;
                carry = body.apply(carry);
                continue;
            }
            if (!Loops.anyTrue(pred)) return carry;
            List<DenseArray> next = body.apply(carry);
            List<DenseArray> kept = new ArrayList<>(next.size());
            for (int i = 0; i < next.size(); i++) kept.add(Loops.selectLanes(pred, next.get(i), carry.get(i)));
            carry = kept;
        }
    }

    /** Runs a Jaxpr on concrete operands with the eager evaluator. */
    static List<DenseArray> run(ClosedJaxpr j, List<DenseArray> in) {
        List<Array> res = Trace.under(EvalInterpreter.INSTANCE, () -> JaxprEval.eval(j, in));
        List<DenseArray> out = new ArrayList<>(res.size());
        for (Array a : res) out.add((DenseArray) a);
        return out;
    }

    /** Compiled as a loop in Java around the compiled cond and body programs. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Library(new LoopKernels.WhileKernel(this)); }
}
