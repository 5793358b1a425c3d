package dev.jaxvm.lax;

import dev.jaxvm.compile.Lowering;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Trace;
import java.util.List;

/**
 * {@code cummax}: the inclusive prefix maximum along {@code axis}, from the end when {@code reverse}.
 *
 * @param axis the non-negative axis scanned
 * @param reverse whether to scan from the last element
 */
public record Cummax(int axis, boolean reverse) implements ReductionPrimitive, Batchable, Differentiable, Lowerable {
    @Override
    public String name() { return "cummax"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        return Scans.type(name(), in, axis, Scans.Kind.MAX);
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        return List.of(Scans.evaluate(in.getFirst(), axis, reverse, out.getFirst(), Scans.Kind.MAX));
    }

    /** The batch axis stays; the scanned axis shifts around it. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.alongAxes(args, dims, Ints.of(axis), a -> new Cummax(a.get(0), reverse)); }

    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        return Jvp.of(Trace.bind1(this, primals.getFirst()),
                ScanJvp.cumulative(ScanJvp.Combine.MAX, primals.getFirst(), tangents.getFirst(), axis, reverse));
    }

    /** A scan along the axis, the lines split over the cores. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        return new Lowering.Library(new dev.jaxvm.compile.ScanKernel(dev.jaxvm.compile.ScanKernel.Op.MAX, axis, reverse));
    }
}
