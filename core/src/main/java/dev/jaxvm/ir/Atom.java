package dev.jaxvm.ir;

import dev.jaxvm.core.ArrayType;

/** An operand of an equation: a variable or a literal constant. */
public sealed interface Atom permits Var, Literal {
    /** The abstract value. */
    ArrayType type();
}
