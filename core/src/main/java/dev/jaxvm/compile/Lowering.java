package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.ir.ClosedJaxpr;
import java.util.List;
import java.util.Objects;

/**
 * How a primitive is compiled: the small, closed vocabulary between the primitive catalog and the
 * compiler. The fuser switches over it exhaustively; backends never see primitives.
 *
 * {@snippet :
 * Lowering add = new Lowering.Lanewise(ScalarOp.ADD);
 * Lowering sum = new Lowering.Reduce(ScalarOp.ADD, Ints.of(0, 1));
 * }
 */
public sealed interface Lowering {

    /**
     * A {@link ScalarOp} applied lane by lane, operands broadcast by lax's rule (rank 0, or equal
     * ranks with size-1 dimensions); fusible.
     *
     * @param op the lane operation
     */
    record Lanewise(ScalarOp op) implements Lowering {
        public Lanewise { Objects.requireNonNull(op); }
    }

    /**
     * A reduction of the single operand over {@code axes} with an associative {@link ScalarOp}
     * ({@code ADD}, {@code MUL}, {@code MAX}, {@code MIN}, {@code AND}, {@code OR}, {@code XOR}); it
     * takes its fusible producers into its loop nest.
     *
     * @param op the combining operation
     * @param axes the reduced axes (sorted, non-negative)
     */
    record Reduce(ScalarOp op, Ints axes) implements Lowering {
        public Reduce {
            switch (op) {
                case ADD, MUL, MAX, MIN, AND, OR, XOR -> { }
                default -> throw new IllegalArgumentException("not a reduction operation: " + op);
            }
        }
    }

    /**
     * An index map: each output element is a scalar expression of operand elements read at indices
     * computed from the output index (movement ops, converts, selects, iota); fusible.
     *
     * @param rule builds the element expression
     */
    record IndexMap(IndexMapRule rule) implements Lowering {
        public IndexMap { Objects.requireNonNull(rule); }
    }

    /**
     * One index map per output, for an elementwise primitive with several outputs (threefry2x32's two
     * words); fusible: a consumer inlines the map of the output it reads. Where every output must be
     * materialised, {@code materialised} computes them all in one pass instead.
     *
     * @param rules one rule per output
     * @param materialised the library kernel computing every output
     */
    record MultiMap(List<IndexMapRule> rules, LibraryKernel materialised) implements Lowering {
        public MultiMap {
            rules = List.copyOf(rules);
            Objects.requireNonNull(materialised);
        }
    }

    /**
     * The operand's row-major elements unchanged under a new shape (reshape, squeeze, expand_dims):
     * the flat index passes through; fusible.
     */
    record Reshape() implements Lowering {}

    /**
     * A library kernel of its own (matrix products, later convolutions, sorts, gathers, the PRNG).
     *
     * @param kernel the kernel
     */
    record Library(LibraryKernel kernel) implements Lowering {
        public Library { Objects.requireNonNull(kernel); }
    }

    /**
     * A call of a nested program ({@code jit} inside {@code jit}): the compiler inlines it.
     *
     * @param jaxpr the callee
     */
    record Call(ClosedJaxpr jaxpr) implements Lowering {
        public Call { Objects.requireNonNull(jaxpr); }
    }

    /**
     * No lowering: the compiled program calls the primitive's reference evaluation for this equation,
     * and the compile log names it.
     *
     * @param reason why, for the log
     */
    record NotLowerable(String reason) implements Lowering {
        public NotLowerable { Objects.requireNonNull(reason); }
    }

    /** Builds the scalar expression of one output element of an {@link IndexMap} primitive. */
    @FunctionalInterface
    interface IndexMapRule {
        /**
         * The expression for the output element at {@code index} (one {@link Ix} per output dimension).
         *
         * @param index the output multi-index
         * @param operands reads operand elements
         */
        Expr element(List<Ix> index, Operands operands);
    }

    /** The operands of an {@link IndexMapRule}: their types, and element reads at multi-indices. */
    interface Operands {
        /** The type of operand {@code k}. */
        ArrayType type(int k);

        /** The number of operands. */
        int count();

        /** Operand {@code k}'s element at {@code index} (one {@link Ix} per operand dimension). */
        Expr read(int k, List<Ix> index);
    }

    /** Shorthand for a bitcast lowering between dtypes of equal width (a one-operand index map). */
    static Lowering bitcast(DType to) {
        return new IndexMap((index, ops) -> new Expr.Bitcast(ops.read(0, index), to));
    }

    /** Shorthand for a convert lowering (a one-operand index map). */
    static Lowering convert(DType to) {
        return new IndexMap((index, ops) -> Expr.convert(ops.read(0, index), to));
    }
}
