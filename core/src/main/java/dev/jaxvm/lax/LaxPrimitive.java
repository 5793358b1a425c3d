package dev.jaxvm.lax;

import dev.jaxvm.compile.Compiler;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Primitive;
import java.util.List;

/**
 * The sealed catalog of {@code lax} primitives, grouped into families so that tests can enumerate
 * every primitive and hold each to one contract.
 */
public sealed interface LaxPrimitive extends Primitive
        permits UnaryPrimitive, BinaryPrimitive, TernaryPrimitive, ShapePrimitive, ReductionPrimitive,
        HigherOrderPrimitive, IndexingPrimitive, LinalgPrimitive, AutodiffPrimitive, CollectivePrimitive, RandomPrimitive, WindowPrimitive {

    /** Eager evaluation runs the compiled one-equation program (cached per primitive and input types). */
    @Override
    default List<DenseArray> execute(List<DenseArray> in, List<ArrayType> out) { return Compiler.eager(this, in, out); }
}
