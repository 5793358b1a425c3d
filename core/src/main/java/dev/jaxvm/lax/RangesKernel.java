package dev.jaxvm.lax;

import dev.jaxvm.compile.LibraryKernel;
import dev.jaxvm.compile.Loops;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.util.List;

/**
 * A library kernel for a primitive whose evaluation is a loop over independent output positions:
 * the primitive's own loop, split over the compiler's pool ({@link Ranges#parallel}).
 *
 * @param description the kernel listing's name
 * @param body the evaluation with a given way of running its loop
 */
record RangesKernel(String description, Body body) implements LibraryKernel {

    /** An evaluation whose loops run through the given {@link Ranges}. */
    @FunctionalInterface
    interface Body {
        List<DenseArray> run(List<DenseArray> in, List<ArrayType> out, Ranges ranges);
    }

    @Override
    public String describe() { return description; }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out) { return run(in, out, Loops.threads()); }

    @Override
    public List<DenseArray> run(List<DenseArray> in, List<ArrayType> out, int threads) {
        return body.run(in, out, Ranges.parallel(threads));
    }
}
