package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Dce;
import dev.jaxvm.ir.Jaxpr;
import dev.jaxvm.ir.Var;
import dev.jaxvm.tree.Tree;
import dev.jaxvm.tree.TreeDef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Staging of {@code Lax.whileLoop} and {@code Lax.foriLoop}, following JAX's {@code while_loop} and {@code fori_loop}. */
final class WhileLoops {
    private WhileLoops() {}

    private record Created(CfTrace.Traced cond, CfTrace.Traced body) {}

    static <T> T whileLoop(Function<T, ?> condFn, Function<T, T> bodyFn, T initVal) {
        if (condFn == null || bodyFn == null) {
            throw new IllegalArgumentException("lax.while_loop: body_fun and cond_fun arguments should be callable.");
        }
        Tree.Flat flat = Tree.flatten(initVal);
        TreeDef tree = flat.treeDef();
        List<Array> init = new ArrayList<>(CfTrace.arrays(flat.leaves(), "while_loop"));
        Created c = create(condFn, bodyFn, tree, CfTrace.types(init));
        if (c.body().outTypes().size() != init.size()) Loops.checkCarryTree("while_loop body", tree, c.body().outTree());
        boolean changed = false;
        for (int i = 0; i < init.size(); i++) {
            Array p = CfTrace.promoteWeak(init.get(i), c.body().outTypes().get(i));
            if (p != null) {
                init.set(i, p);
                changed = true;
            }
        }
        if (changed) c = create(condFn, bodyFn, tree, CfTrace.types(init));
        Loops.checkCarryTree("while_loop body", tree, c.body().outTree());
        Loops.checkCarry("while_loop body", CfTrace.types(init), c.body().outTypes());
        return Tree.unflatten(tree, bind(c.cond(), c.body(), init));
    }

    private static <T> Created create(Function<T, ?> condFn, Function<T, T> bodyFn, TreeDef tree, List<ArrayType> types) {
        CfTrace.Traced cond = CfTrace.trace(xs -> condFn.apply(Tree.unflatten(tree, xs)), types, "while_loop");
        List<ArrayType> pred = cond.outTypes();
        if (!(cond.outTree() instanceof TreeDef.Leaf) || pred.size() != 1) {
            throw new IllegalArgumentException("cond_fun must return a boolean scalar, but got pytree " + cond.outTree() + ".");
        }
        if (pred.getFirst().rank() != 0 || pred.getFirst().dtype() != DType.BOOL) {
            throw new IllegalArgumentException("cond_fun must return a boolean scalar, but got output type(s) [ShapedArray("
                    + pred.getFirst().dtype().numpyName() + "[" + pred.getFirst().shape().toTypeString() + "]"
                    + (pred.getFirst().weakType() ? ", weak_type=True" : "") + ")].");
        }
        CfTrace.Traced body = CfTrace.trace(xs -> bodyFn.apply(Tree.unflatten(tree, xs)), types, "while_loop");
        return new Created(cond, body);
    }

    /**
     * Binds {@code while} as JAX does: a carry the body forwards unchanged and the cond does not read
     * becomes a body constant (so batching it never batches the loop).
     */
    private static List<Array> bind(CfTrace.Traced cond, CfTrace.Traced body, List<Array> init) {
        int cc = cond.consts().size(), bc = body.consts().size(), n = init.size();
        int[] fwd = CfTrace.forwarding(body.jaxpr().jaxpr());
        Jaxpr cj = cond.jaxpr().jaxpr();
        List<Boolean> condUses = Dce.prune(cj, List.of(true)).usedInputs();
        boolean[] move = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            move[i] = fwd[i] == bc + i && !condUses.get(cc + i);
            any |= move[i];
        }
        ClosedJaxpr condJaxpr = cond.jaxpr(), bodyJaxpr = body.jaxpr();
        List<Array> carry = init, newConsts = List.of();
        if (any) {
            Jaxpr live = Dce.run(cj);
            List<Var> invars = new ArrayList<>(cj.invars().subList(0, cc));
            for (int i = 0; i < n; i++) if (!move[i]) invars.add(cj.invars().get(cc + i));
            condJaxpr = new ClosedJaxpr(new Jaxpr(List.of(), invars, live.eqns(), live.outvars()), List.of());
            boolean[] keep = new boolean[n];
            for (int i = 0; i < n; i++) keep[i] = !move[i];
            bodyJaxpr = CfTrace.moveToFront(CfTrace.pruneOutputs(bodyJaxpr, keep), shifted(move, bc));
            carry = new ArrayList<>();
            newConsts = new ArrayList<>();
            for (int i = 0; i < n; i++) (move[i] ? newConsts : carry).add(init.get(i));
        }
        List<Array> bodyConsts = CfTrace.concat(newConsts, body.consts());
        List<Array> args = CfTrace.concat(CfTrace.concat(cond.consts(), bodyConsts), carry);
        List<Array> outs = Trace.bind(new While(condJaxpr, cc, bodyJaxpr, bodyConsts.size()), args);
        if (!any) return outs;
        List<Array> merged = new ArrayList<>(n);
        for (int i = 0, a = 0, b = 0; i < n; i++) merged.add(move[i] ? newConsts.get(b++) : outs.get(a++));
        return merged;
    }

    private static boolean[] shifted(boolean[] move, int offset) {
        boolean[] out = new boolean[offset + move.length];
        System.arraycopy(move, 0, out, offset, move.length);
        return out;
    }

    /** {@code lax.fori_loop}: a scan when both bounds are concrete, else a {@code while} over (i, upper, x). */
    static <T> T foriLoop(Object lower, Object upper, BiFunction<Array, T, T> bodyFn, T initVal, int unroll) {
        if (bodyFn == null) throw new IllegalArgumentException("lax.fori_loop: body_fun argument should be callable.");
        Array lo = CfTrace.asArray(lower, "fori_loop"), hi = CfTrace.asArray(upper, "fori_loop");
        DType dtype = boundsType(lo, hi);
        if (lo instanceof DenseArray l && hi instanceof DenseArray h && l.type().rank() == 0 && h.type().rank() == 0) {
            long lo_ = l.getLong(0), hi_ = h.getLong(0);
            int length = (int) Math.max(hi_ - lo_, 0);
            Array i0 = DenseArray.scalarLong(DType.defaultInt(), true, lo_);
            ScanResult<List<Object>, Object> r = ScanLoops.scan((List<Object> carry, Object x) -> {
                Array i = (Array) carry.get(0);
                @SuppressWarnings("unchecked")
                T v = (T) carry.get(1);
                Array next = Lax.add(i, DenseArray.scalarLong(i.dtype(), true, 1));
                return new ScanResult<>(List.of(next, bodyFn.apply(i, v)), null);
            }, List.<Object>of(i0, initVal), null, length, false, unroll, "fori_loop");
            @SuppressWarnings("unchecked")
            T out = (T) r.carry().get(1);
            return out;
        }
        if (unroll != 1) {
            throw new IllegalArgumentException("Can only use `unroll` in `fori_loop` if the loop bounds are statically known.");
        }
        if (lo.dtype() != dtype) lo = Lax.convertElementType(lo, dtype);
        if (hi.dtype() != dtype) hi = Lax.convertElementType(hi, dtype);
        List<Object> out = whileLoop(c -> Lax.lt((Array) c.get(0), (Array) c.get(1)), c -> {
            Array i = (Array) c.get(0);
            @SuppressWarnings("unchecked")
            T v = (T) c.get(2);
            return List.of(Lax.add(i, DenseArray.scalarLong(i.dtype(), false, 1)), c.get(1), bodyFn.apply(i, v));
        }, List.<Object>of(lo, hi, initVal));
        @SuppressWarnings("unchecked")
        T result = (T) out.get(2);
        return result;
    }

    /** JAX's rule for the bounds' dtype: equal, or a weak integer bound takes the other's type. */
    private static DType boundsType(Array lo, Array hi) {
        if (lo.dtype() == hi.dtype()) return lo.dtype();
        boolean signed = lo.dtype().isInteger() && !lo.dtype().isUnsigned() && hi.dtype().isInteger() && !hi.dtype().isUnsigned();
        if (signed && lo.weakType() && !hi.weakType()) return hi.dtype();
        if (signed && !lo.weakType() && hi.weakType()) return lo.dtype();
        throw new IllegalArgumentException("lower and upper arguments to fori_loop must have equal types, got "
                + lo.dtype().numpyName() + " and " + hi.dtype().numpyName());
    }
}
