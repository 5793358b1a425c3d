package dev.jaxvm.lax;

/** The contraction and ordering primitives: {@code dot_general}, {@code sort}, {@code top_k}. */
public sealed interface LinalgPrimitive extends LaxPrimitive permits DotGeneral, Sort, TopK, Cholesky, Qr, TriangularSolve {}
