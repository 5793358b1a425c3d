package dev.jaxvm.lax;

import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/**
 * A primitive applied lane by lane ({@link ScalarOp}): its type rule is lax's broadcasting rule
 * (equal dtypes; equal ranks with equal or size-1 dims, or rank-0 operands) and its evaluation is
 * the scalar op over the broadcast index space; it batches by aligning batch axes.
 */
public interface Elementwise extends Primitive, Batchable, Lowerable {

    /** The lane operation. */
    ScalarOp scalarOp();

    /** The dtypes this primitive accepts; all numeric dtypes and bool by default. */
    default boolean accepts(dev.jaxvm.DType t) { return true; }

    @Override
    default List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() != scalarOp().arity()) {
            throw new IllegalArgumentException(name() + " takes " + scalarOp().arity() + " operands, got " + in.size());
        }
        for (int i = 0; i < in.size(); i++) {
            if (in.get(i).dtype() == dev.jaxvm.DType.FLOAT0) {
                throw new IllegalArgumentException("Called " + name() + " with a float0 at position " + i + ". float0s do"
                        + " not support any operations by design, because they are not compatible with non-trivial vector"
                        + " spaces. No implicit dtype conversion is done. You can use np.zeros_like(arr, dtype=np.float) to"
                        + " cast a float0 array to a regular zeros array. \nIf you didn't expect to get a float0 you might"
                        + " have accidentally taken a gradient with respect to an integer argument.");
            }
            if (!accepts(in.get(i).dtype())) {
                String what = acceptedDescription();
                if (in.size() == 1) {
                    throw new IllegalArgumentException(name() + " does not accept dtype " + in.get(i).dtype()
                            + ". Accepted dtypes are subtypes of " + what + ".");
                }
                throw new IllegalArgumentException(name() + " does not accept dtype " + in.get(i).dtype()
                        + " at position " + i + ". Accepted dtypes at position " + i + " are subtypes of " + what + ".");
            }
        }
        return List.of(ElementwiseRules.outType(name(), in, scalarOp().predicate()));
    }

    /** Batches by aligning the operands' batch axes (lax broadcasting does the rest). */
    @Override
    default Batched batch(List<dev.jaxvm.Array> args, dev.jaxvm.core.Ints dims) {
        return BatchRules.elementwise(this, args, dims);
    }

    /** Lowered as the lane operation {@link #scalarOp()}. */
    @Override
    default Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Lanewise(scalarOp()); }

    @Override
    default List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(ElementwiseRules.evaluate(scalarOp(), in, out.getFirst()));
    }

    /** JAX's wording of {@link #accepts}, e.g. {@code "integer, bool"}. */
    private String acceptedDescription() {
        boolean b = accepts(dev.jaxvm.DType.BOOL), n = accepts(dev.jaxvm.DType.INT32), f = accepts(dev.jaxvm.DType.FLOAT32);
        if (b && n && !f) return "integer, bool";
        if (n && f) return "integer, floating, complexfloating";
        if (n) return "integer";
        return "floating";
    }
}
