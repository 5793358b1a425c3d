package dev.jaxvm.ir;

import dev.jaxvm.core.ArrayType;
import java.util.Objects;

/**
 * A variable of a Jaxpr. Variables are compared by identity: names are given only when printing.
 */
public final class Var implements Atom {
    private final ArrayType type;

    /** A fresh variable of the given type. */
    public Var(ArrayType type) { this.type = Objects.requireNonNull(type); }

    @Override
    public ArrayType type() { return type; }

    @Override
    public String toString() { return "Var<" + type + ">@" + Integer.toHexString(System.identityHashCode(this)); }
}
