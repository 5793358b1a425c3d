package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.StagingRule;
import java.util.List;

/**
 * {@code convert_element_type}: a value cast to {@code newDtype}, also used to change only the weak
 * flag. Float to integer truncates toward zero and saturates, as XLA on CPU.
 *
 * @param newDtype the target dtype
 * @param weakType whether the result is weakly typed
 */
public record ConvertElementType(DType newDtype, boolean weakType) implements ShapePrimitive, StagingRule, Batchable, Differentiable, Transposable, Lowerable {
    /**
     * JAX's staging rules: a conversion of a scalar constant is folded to a constant (so
     * {@code jnp.ones(3)} stages {@code broadcast_in_dim 1.0:f32[]}), and a conversion to the
     * operand's own dtype and weak flag is the operand itself.
     */
    @Override
    public List<Array> stageOrFold(List<Array> args, List<ArrayType> outTypes) {
        Array x = args.getFirst();
        if (x instanceof DenseArray d && d.type().rank() == 0) return List.copyOf(evaluate(List.of(d), outTypes));
        if (x.dtype() == newDtype && x.weakType() == weakType) return List.of(x);
        return null;
    }

    @Override
    public String name() { return "convert_element_type"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        return List.of(new ArrayType(in.getFirst().shape(), newDtype, weakType));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.getFirst();
        ArrayType t = out.getFirst();
        Object data = Storage.allocate(newDtype, t.size());
        boolean viaDouble = x.dtype().isFloating() || newDtype.isFloating();
        for (int i = 0; i < t.size(); i++) {
            if (viaDouble) Storage.setDouble(newDtype, data, i, x.getDouble(i));
            else if (newDtype == DType.BOOL) Storage.setBoolean(newDtype, data, i, x.getLong(i) != 0);
            else Storage.setLong(newDtype, data, i, x.getLong(i));
        }
        return List.of(DenseArray.wrap(t, data));
    }

    /** A convert (the identity when only the weak flag changes). */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return Lowering.convert(newDtype); }

    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.perElement(this, args, dims); }

    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array out = Trace.bind1(this, primals.getFirst());
        Array t = tangents.getFirst();
        if (t == null || !newDtype.isFloating()) return Jvp.of(out, null);
        return Jvp.of(out, Trace.bind1(this, t));
    }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        ArrayType old = operands.getFirst().type();
        if (!old.dtype().isFloating()) return java.util.Collections.singletonList(null);
        return List.of(Lax.convertElementType(cts.getFirst(), old.dtype(), old.weakType()));
    }
}
