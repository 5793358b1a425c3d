package dev.jaxvm.compile;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.util.List;

/**
 * A kernel of its own that the fuser does not look into (matrix products; later convolutions, sorts,
 * gathers, scatters, the PRNG): it reads materialised operands and writes fresh results.
 */
public interface LibraryKernel {
    /** A short name for kernel listings, e.g. {@code "gemm[m=4,n=5,k=3]"}. */
    String describe();

    /** Computes the results (of the given types) from the operands. */
    List<DenseArray> run(List<DenseArray> in, List<ArrayType> out);

    /**
     * {@link #run(List, List)} on at most {@code threads} threads of the shared pool (results must not
     * depend on it); kernels that split their work override this.
     */
    default List<DenseArray> run(List<DenseArray> in, List<ArrayType> out, int threads) { return run(in, out); }
}
