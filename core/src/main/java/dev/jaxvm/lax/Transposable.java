package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Primitive;
import java.util.List;

/**
 * A primitive that is linear in some of its operands and has a transpose rule, as registered in
 * JAX's {@code ad.primitive_transposes}: the backward pass of reverse-mode differentiation calls it
 * to map output cotangents to operand cotangents.
 *
 * <p>The operands are given as {@link Known} values (the non-linear operands, e.g. the constant
 * factor of a {@code mul}) or {@link Undefined} (the linear operands, JAX's {@code UndefinedPrimal}),
 * and the rule returns one cotangent per operand: {@code null} for known operands and for symbolic
 * zero cotangents. A rule is called only when at least one output cotangent is non-zero; zero
 * entries of a multi-output primitive's cotangents are instantiated before the call.
 *
 * {@snippet :
 * List<Array> cts = new Neg().transpose(List.of(ct), List.of(new Transposable.Undefined(type)));
 * }
 */
public interface Transposable extends Primitive {

    /** The operand cotangents (null for known operands or zero) given the output cotangents. */
    List<Array> transpose(List<Array> cts, List<Operand> operands);

    /** An operand of a transposed equation: a known value or a linear (undefined) input. */
    sealed interface Operand permits Known, Undefined {
        /** The operand's type. */
        ArrayType type();

        /** Whether this is a linear input, whose cotangent the rule must produce. */
        default boolean isLinear() { return this instanceof Undefined; }

        /** The known value. @throws IllegalStateException for a linear operand */
        default Array value() {
            return switch (this) {
                case Known k -> k.value();
                case Undefined u -> throw new IllegalStateException("linear operand of type " + u.type() + " has no value");
            };
        }
    }

    /**
     * A non-linear operand, whose value is known.
     *
     * @param value the value
     */
    record Known(Array value) implements Operand {
        @Override
        public ArrayType type() { return value.type(); }
    }

    /**
     * A linear operand (JAX's {@code UndefinedPrimal}): only its type is known.
     *
     * @param type the operand's type
     */
    record Undefined(ArrayType type) implements Operand {}
}
