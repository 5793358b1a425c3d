package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.compile.Expr;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Storage;
import java.util.List;

/**
 * {@code clamp}: {@code min(max(x, lo), hi)} elementwise. Operands in JAX's order
 * {@code (min, x, max)}; {@code min} and {@code max} are scalars or have x's shape, and all three
 * share one dtype. NaN in x propagates.
 */
public record Clamp() implements TernaryPrimitive, Batchable, Partials, Lowerable {
    @Override
    public String name() { return "clamp"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        DTypeRule.arity(name(), in, 3);
        ArrayType lo = in.get(0), x = in.get(1), hi = in.get(2);
        if (lo.dtype() != x.dtype() || hi.dtype() != x.dtype()) {
            throw new IllegalArgumentException("lax.clamp requires arguments to have the same dtypes, got "
                    + lo.dtype() + ", " + x.dtype() + ", " + hi.dtype() + ".");
        }
        checkShape("min", lo, x);
        checkShape("max", hi, x);
        return List.of(x.withWeakType(lo.weakType() && x.weakType() && hi.weakType()));
    }

    private static void checkShape(String which, ArrayType bound, ArrayType x) {
        if (bound.rank() != 0 && !bound.shape().equals(x.shape())) {
            throw new IllegalArgumentException("clamp requires " + which + ".shape == operand.shape or " + which
                    + ".shape == (), got " + which + ".shape=" + bound.shape() + ", operand.shape=" + x.shape() + ".");
        }
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray lo = in.get(0), x = in.get(1), hi = in.get(2);
        ArrayType t = out.getFirst();
        Object data = Storage.allocate(t.dtype(), t.size());
        boolean floating = t.dtype().isFloating();
        for (int i = 0; i < t.size(); i++) {
            int li = lo.type().rank() == 0 ? 0 : i, hj = hi.type().rank() == 0 ? 0 : i;
            if (floating) {
                double v = ScalarOp.MIN.applyDouble(ScalarOp.MAX.applyDouble(x.getDouble(i), lo.getDouble(li)),
                        hi.getDouble(hj));
                Storage.setDouble(t.dtype(), data, i, v);
            } else {
                long v = ScalarOp.MIN.applyLong(t.dtype(), ScalarOp.MAX.applyLong(t.dtype(), x.getLong(i),
                        lo.getLong(li)), hi.getLong(hj));
                Storage.setLong(t.dtype(), data, i, v);
            }
        }
        return List.of(DenseArray.wrap(t, data));
    }

    /** The operand batch-first; the bounds stay scalars or are broadcast. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.scalarOrFull(this, args, dims, i -> i != 1); }

    /** {@code min(max(x, lo), hi)} lane by lane, the bounds broadcast when 0-d. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        boolean scalarLo = in.get(0).rank() == 0, scalarHi = in.get(2).rank() == 0;
        return new Lowering.IndexMap((idx, x) -> Expr.lane(ScalarOp.MIN,
                Expr.lane(ScalarOp.MAX, x.read(1, idx), x.read(0, scalarLo ? List.of() : idx)),
                x.read(2, scalarHi ? List.of() : idx)));
    }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        Array lo = x.get(0), op = x.get(1), hi = x.get(2);
        Array z = Tangents.fullLike(op, 0);
        Array gb = Tangents.maybeBroadcast(op.type().shape(), g);
        return switch (i) {
            case 0 -> Lax.select(Lax.bitwiseAnd(Lax.gt(lo, op), Lax.lt(lo, hi)), gb, z);
            case 1 -> Lax.select(Lax.bitwiseAnd(Lax.gt(op, lo), Lax.lt(op, hi)), gb, z);
            default -> Lax.select(Lax.lt(hi, op), gb, z);
        };
    }
}
