package dev.jaxvm.ir;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Py;

/**
 * A scalar constant inlined into an equation, printed {@code 2.0:f32[]}.
 *
 * @param value the 0-d constant
 */
public record Literal(DenseArray value) implements Atom {
    /** @throws IllegalArgumentException if the value is not 0-d */
    public Literal {
        if (value.type().rank() != 0) throw new IllegalArgumentException("literals are scalars, got " + value.type());
    }

    @Override
    public ArrayType type() { return value.type(); }

    /** Python's {@code str} of the value, then its type: {@code 1.0:f32[]}, {@code True:bool[]}. */
    @Override
    public String toString() {
        Object item = value.item();
        String s = switch (item) {
            case Float f -> Py.floatStr(f);
            case Double d -> Py.floatStr(d);
            default -> Py.str(item);
        };
        return s + ":" + value.type();
    }
}
