package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import java.util.List;

/**
 * The dtype categories a primitive accepts, with JAX's error text ("sin does not accept dtype int32.
 * Accepted dtypes are subtypes of floating.").
 */
enum DTypeRule {
    /** Floating dtypes only. */
    FLOATING("floating"),
    /** Signed and unsigned integers and floats. */
    NUMBER("number"),
    /** Integers and floats, as JAX says for neg, sign and integer_pow. */
    INT_OR_FLOAT("integer, floating, complexfloating"),
    /** Bool and integers. */
    BOOL_OR_INT("integer, bool");

    private final String description;

    DTypeRule(String description) { this.description = description; }

    /** Whether {@code t} is in this category. */
    boolean accepts(DType t) {
        return switch (this) {
            case FLOATING -> t.isFloating();
            case NUMBER, INT_OR_FLOAT -> t.isFloating() || t.isInteger();
            case BOOL_OR_INT -> t == DType.BOOL || t.isInteger();
        };
    }

    /**
     * Checks every operand's dtype.
     *
     * @throws IllegalArgumentException with JAX's message naming the primitive and the dtype
     */
    void check(String primitive, List<ArrayType> in) {
        for (int i = 0; i < in.size(); i++) {
            DType t = in.get(i).dtype();
            if (accepts(t)) continue;
            if (in.size() == 1) {
                throw new IllegalArgumentException(primitive + " does not accept dtype " + t
                        + ". Accepted dtypes are subtypes of " + description + ".");
            }
            throw new IllegalArgumentException(primitive + " does not accept dtype " + t + " at position " + i
                    + ". Accepted dtypes at position " + i + " are subtypes of " + description + ".");
        }
    }

    /** Checks the operand count. */
    static void arity(String primitive, List<ArrayType> in, int n) {
        if (in.size() != n) {
            throw new IllegalArgumentException(primitive + " takes " + n + " operand" + (n == 1 ? "" : "s")
                    + ", got " + in.size());
        }
    }
}
