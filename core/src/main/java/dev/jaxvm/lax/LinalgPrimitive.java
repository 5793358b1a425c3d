package dev.jaxvm.lax;

/** The contraction, ordering and factorisation primitives: {@code dot_general}, {@code sort}, {@code top_k}, {@code cholesky}, {@code qr}, {@code triangular_solve}. */
public sealed interface LinalgPrimitive extends LaxPrimitive permits DotGeneral, Sort, TopK, Cholesky, Qr, TriangularSolve {}
