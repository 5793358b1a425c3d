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
        permits UnaryPrimitive, BinaryPrimitive, ShapePrimitive, ReductionPrimitive, CollectivePrimitive, HigherOrderPrimitive, IndexingPrimitive, LinalgPrimitive, TernaryPrimitive, AutodiffPrimitive {}
