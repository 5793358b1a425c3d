package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;

/** The {@code nextafter} primitive, applied elementwise. */
public record Nextafter() implements BinaryPrimitive, Elementwise {
    @Override
    public String name() { return "nextafter"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.NEXTAFTER; }

    @Override
    public boolean accepts(DType t) { return t.isFloating(); }
}
