package dev.jaxvm.lax;

import dev.jaxvm.core.ScalarOp;

/** The {@code add} primitive, applied elementwise. */
public record Add() implements BinaryPrimitive, Elementwise {
    @Override
    public String name() { return "add"; }

    @Override
    public ScalarOp scalarOp() { return ScalarOp.ADD; }
}
