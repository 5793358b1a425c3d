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

    /**
     * {@link #run(List, List, int)}, offered arrays from an earlier call to write the results into:
     * {@code into[i]} is null or result i's array from an earlier call (the kernel checks its type and
     * length), which the kernel may fill (every element) and return. Only offered to kernels that say
     * {@link #recyclable()}.
     */
    default List<DenseArray> run(List<DenseArray> in, List<ArrayType> out, int threads, Object[] into) {
        return run(in, out, threads);
    }

    /**
     * Whether the kernel's results never share arrays with its operands and it keeps no reference to
     * either after returning: the compiled program may then recycle both across calls. False by default.
     */
    default boolean recyclable() { return false; }
}
