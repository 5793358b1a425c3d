package dev.jaxvm.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An operation that interpreters understand: JAX's {@code Primitive}. Implementations are records
 * whose components are the equation's parameters, so value equality serves as cache key, for CSE
 * and for printing; their {@code implements} clause lists the rules they have (see
 * {@code dev.jaxvm.lax}).
 *
 * <p>Every primitive has a type rule ({@link #abstractEval}), which validates its operands and
 * raises JAX's errors before any work is done, and a reference evaluation ({@link #evaluate}).
 */
public interface Primitive {

    /** The name JAX prints for this primitive, e.g. {@code "reduce_sum"}. */
    String name();

    /**
     * The output types for operands of the given types (JAX's shape and dtype rule).
     *
     * @throws IllegalArgumentException with JAX's message when the operands are invalid
     */
    List<ArrayType> abstractEval(List<ArrayType> in);

    /**
     * Evaluates on concrete operands whose types passed {@link #abstractEval}, producing arrays of the
     * given output types. This is the reference semantics that compiled kernels are tested against.
     */
    List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out);

    /**
     * Computes this primitive on concrete operands for eager evaluation. By default the reference
     * {@link #evaluate}; the {@code lax} catalog runs the compiler's kernel for it instead, so eager
     * operations and {@code jit} share one code path.
     */
    default List<DenseArray> execute(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out); }

    /**
     * The parameters as JAX prints them, sorted by name (Python string order). By default a record
     * primitive's components, with camelCase names printed in snake_case; primitives whose JAX print
     * rule hides or reorders parameters override this.
     */
    default List<Param> params() {
        if (!(this instanceof Record r)) return List.of();
        List<Param> out = new ArrayList<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                out.add(new Param(snakeCase(c.getName()), c.getAccessor().invoke(r)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read parameter " + c.getName() + " of " + name(), e);
            }
        }
        out.sort(Comparator.comparing(Param::name));
        return List.copyOf(out);
    }

    /** {@code limitIndices} to {@code limit_indices}. */
    static String snakeCase(String camel) {
        StringBuilder b = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) b.append('_').append(Character.toLowerCase(ch));
            else b.append(ch);
        }
        return b.toString();
    }

    /**
     * One printed parameter of an equation.
     *
     * @param name the snake_case name
     * @param value the value, rendered with Python's {@code str} rules ({@link Py#str})
     */
    record Param(String name, Object value) {}
}
