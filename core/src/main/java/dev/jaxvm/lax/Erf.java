package dev.jaxvm.lax;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/** The {@code erf} primitive, applied elementwise to floats. */
public record Erf() implements UnaryPrimitive, Elementwise {
    @Override
    public String name() { return "erf"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ERF; }

    @Override
    public boolean accepts(dev.jaxvm.DType t) { return t.isFloating(); }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        DTypeRule.arity(name(), in, 1);
        DTypeRule.FLOATING.check(name(), in);
        return Elementwise.super.abstractEval(in);
    }
}
