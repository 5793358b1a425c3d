package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.compile.Expr;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Storage;
import java.util.List;

/**
 * {@code integer_pow}: {@code x ** y} for a static int exponent, computed as JAX lowers it: binary
 * exponentiation by repeated multiplication in the operand's dtype (integers wrap), and
 * {@code 1 / x ** -y} for a negative exponent (floats only).
 *
 * @param y the exponent
 */
public record IntegerPow(int y) implements UnaryPrimitive, Batchable, Partials, Lowerable {
    @Override
    public String name() { return "integer_pow"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        DTypeRule.arity(name(), in, 1);
        DTypeRule.INT_OR_FLOAT.check(name(), in);
        ArrayType x = in.getFirst();
        if (y < 0 && x.dtype().isInteger()) {
            throw new IllegalArgumentException("Integers cannot be raised to negative powers, got integer_pow("
                    + x.toLongString().replace("~", "") + ", " + y + ")");
        }
        return List.of(x);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.getFirst();
        ArrayType t = out.getFirst();
        DType d = t.dtype();
        Object data = Storage.allocate(d, t.size());
        for (int i = 0; i < t.size(); i++) {
            if (d.isFloating()) Storage.setDouble(d, data, i, powFloat(d, x.getDouble(i)));
            else Storage.setLong(d, data, i, powInt(x.getLong(i)));
        }
        return List.of(DenseArray.wrap(t, data));
    }

    private double powFloat(DType d, double base) {
        if (y == 0) return 1;
        int e = Math.abs(y);
        double acc = Double.NaN;
        boolean first = true;
        double b = base;
        while (e > 0) {
            if ((e & 1) != 0) {
                acc = first ? b : Rounding.toDType(d, acc * b);
                first = false;
            }
            e >>= 1;
            if (e > 0) b = Rounding.toDType(d, b * b);
        }
        return y < 0 ? Rounding.toDType(d, 1 / acc) : acc;
    }

    private long powInt(long base) {
        long acc = 1;
        long b = base;
        int e = y;
        while (e > 0) {
            if ((e & 1) != 0) acc *= b;
            e >>= 1;
            if (e > 0) b *= b;
        }
        return acc;
    }

    /** Per element: the same op, the same batch axis. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.perElement(this, args, dims); }

    /** The same multiplications as the evaluation (binary exponentiation), as a fusible expression. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        DType d = in.getFirst().dtype();
        return new Lowering.IndexMap((idx, x) -> {
            if (y == 0) return new Expr.Const(d, 1, 1);
            Expr acc = null, b = x.read(0, idx);
            for (int e = Math.abs(y); e > 0; ) {
                if ((e & 1) != 0) acc = acc == null ? b : Expr.lane(ScalarOp.MUL, acc, b);
                e >>= 1;
                if (e > 0) b = Expr.lane(ScalarOp.MUL, b, b);
            }
            return y < 0 ? Expr.lane(ScalarOp.DIV, new Expr.Const(d, 1, 1), acc) : acc;
        });
    }

    @Override
    public Array jvpTerm(int i, Array g, List<Array> x, Array ans) {
        Array x0 = x.get(0);
        if (y == 0) return Tangents.fullLike(g, 0);
        if (y == 1) return g;
        if (y == 2) return Lax.mul(g, Lax.mul(Tangents.constant(x0, y), x0));
        return Lax.mul(g, Lax.mul(Tangents.constant(x0, y), Lax.integerPow(x0, y - 1)));
    }
}
