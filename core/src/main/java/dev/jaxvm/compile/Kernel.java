package dev.jaxvm.compile;

import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Shape;
import java.util.List;
import java.util.StringJoiner;

/**
 * One kernel of a compiled program: a loop nest that writes one buffer, a library kernel, or a
 * primitive evaluated by its reference implementation. Buffers are numbered in the {@link Program}.
 */
public sealed interface Kernel {

    /** The buffers this kernel writes. */
    List<Integer> outputs();

    /**
     * {@code out[i0, ..., ik] = body} over the loop nest {@code dims} (row-major store).
     *
     * @param out the buffer written
     * @param dims the loop extents, outermost first
     * @param body the element expression, reading loop counters {@code Ix.Loop(level, dims[level])}
     */
    record Map(int out, Shape dims, Expr body) implements Kernel {
        public List<Integer> outputs() { return List.of(out); }
        @Override public String toString() {
            return "map b" + out + ":" + body.type().shortName() + "[" + dims.toTypeString() + "]\n  "
                    + loops(dims, 0) + "b" + out + "[" + store(dims, 0) + "] = " + body;
        }
    }

    /**
     * {@code out[kept] = op-reduction over the reduced loops of body}: loops {@code 0..k-1} run over
     * {@code kept}, loops {@code k..} over {@code reduced}.
     *
     * @param out the buffer written
     * @param kept the output's loop extents
     * @param reduced the reduced loop extents
     * @param op the combining operation
     * @param body the element expression
     */
    record Reduce(int out, Shape kept, Shape reduced, ScalarOp op, Expr body) implements Kernel {
        public List<Integer> outputs() { return List.of(out); }
        @Override public String toString() {
            return "reduce_" + op.name().toLowerCase() + " b" + out + ":" + body.type().shortName() + "[" + kept.toTypeString()
                    + "] over [" + reduced.toTypeString() + "]\n  " + loops(kept, 0) + "b" + out + "[" + store(kept, 0)
                    + "] " + op.name().toLowerCase() + "= " + loops(reduced, kept.rank()) + body;
        }
    }

    /**
     * A library kernel on materialised buffers.
     *
     * @param kernel the kernel
     * @param in the operand buffers
     * @param outputs the result buffers
     */
    record Library(LibraryKernel kernel, List<Integer> in, List<Integer> outputs) implements Kernel {
        public Library { in = List.copyOf(in); outputs = List.copyOf(outputs); }
        @Override public String toString() { return "library " + kernel.describe() + " " + bufs(in) + " -> " + bufs(outputs); }
    }

    /**
     * A primitive without a lowering, run by its reference {@link Primitive#evaluate}.
     *
     * @param primitive the primitive
     * @param in the operand buffers
     * @param outputs the result buffers
     * @param reason why it has no lowering
     */
    record Fallback(Primitive primitive, List<Integer> in, List<Integer> outputs, String reason) implements Kernel {
        public Fallback { in = List.copyOf(in); outputs = List.copyOf(outputs); }
        @Override public String toString() {
            return "evaluate " + primitive.name() + " " + bufs(in) + " -> " + bufs(outputs) + "  (" + reason + ")";
        }
    }

    private static String loops(Shape dims, int first) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < dims.rank(); k++) b.append("for i").append(first + k).append(" < ").append(dims.dim(k)).append(": ");
        return b.toString();
    }

    private static String store(Shape dims, int first) {
        List<Ix> idx = new java.util.ArrayList<>();
        for (int k = 0; k < dims.rank(); k++) idx.add(new Ix.Loop(first + k, dims.dim(k)));
        return Ix.linearize(idx, dims.dims()).toString();
    }

    private static String bufs(List<Integer> ids) {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (int i : ids) j.add("b" + i);
        return j.toString();
    }
}
