package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A scalar expression of the kernel IR: the value of one element, computed from loads of buffers at
 * {@link Ix} indices. Expressions are values (records), so equal subtrees are computed once.
 *
 * {@snippet :
 * Expr x = new Expr.Load(0, new Ix.Loop(0, 8), DType.FLOAT32);
 * Expr y = Expr.lane(ScalarOp.MUL, x, x);    // mul(b0[i0], b0[i0]) : f32
 * }
 */
public sealed interface Expr {

    /** The dtype of the value. */
    DType type();

    /**
     * An element of a buffer.
     *
     * @param buffer the buffer number in the program
     * @param index the flat index
     * @param type the buffer's dtype
     */
    record Load(int buffer, Ix index, DType type) implements Expr {
        @Override public String toString() { return "b" + buffer + "[" + index + "]"; }
    }

    /**
     * A constant, held both as a double (floats) and a long (integers, bools).
     *
     * @param type the dtype
     * @param asDouble the value for floating dtypes
     * @param asLong the value for integer and bool dtypes
     */
    record Const(DType type, double asDouble, long asLong) implements Expr {
        @Override public String toString() {
            return (type.isFloating() ? Double.toString(asDouble) : Long.toString(asLong)) + ":" + type.shortName();
        }
    }

    /**
     * A lane operation.
     *
     * @param op the operation
     * @param args its operands (arity of op), all of dtype {@code operandType}
     * @param operandType the operands' dtype
     */
    record Lane(ScalarOp op, List<Expr> args, DType operandType) implements Expr {
        public Lane {
            args = List.copyOf(args);
            if (args.size() != op.arity()) throw new IllegalArgumentException(op + " takes " + op.arity() + " operands");
        }
        public DType type() { return op.predicate() ? DType.BOOL : operandType; }
        @Override public String toString() {
            StringJoiner j = new StringJoiner(", ", op.name().toLowerCase() + "(", ")");
            for (Expr a : args) j.add(a.toString());
            return j.toString();
        }
    }

    /**
     * A dtype conversion, as {@code convert_element_type}.
     *
     * @param arg the value
     * @param type the target dtype
     */
    record Convert(Expr arg, DType type) implements Expr {
        @Override public String toString() { return "convert[" + type.shortName() + "](" + arg + ")"; }
    }

    /**
     * A reinterpretation of the bits, as {@code bitcast_convert_type} between dtypes of equal width.
     *
     * @param arg the value
     * @param type the target dtype (same bit width as the argument's)
     */
    record Bitcast(Expr arg, DType type) implements Expr {
        public Bitcast {
            if (arg.type().bits() != type.bits() || arg.type() == DType.BOOL || type == DType.BOOL) {
                throw new IllegalArgumentException("bitcast from " + arg.type() + " to " + type);
            }
        }
        @Override public String toString() { return "bitcast[" + type.shortName() + "](" + arg + ")"; }
    }

    /**
     * {@code select_n}: case {@code which} (bool: 0 or 1; int32: clamped to the cases).
     *
     * @param which the selector
     * @param cases the candidates, all of one dtype
     */
    record Select(Expr which, List<Expr> cases) implements Expr {
        public Select { cases = List.copyOf(cases); }
        public DType type() { return cases.getFirst().type(); }
        @Override public String toString() {
            StringJoiner j = new StringJoiner(", ", "select(" + which + "; ", ")");
            for (Expr a : cases) j.add(a.toString());
            return j.toString();
        }
    }

    /**
     * An index value as an element (iota).
     *
     * @param index the index
     * @param type the dtype
     */
    record Index(Ix index, DType type) implements Expr {
        @Override public String toString() { return "index[" + type.shortName() + "](" + index + ")"; }
    }

    /**
     * One 32-bit word of the Threefry-2x32 block function (Random123, 20 rounds) of key words
     * {@code (k0, k1)} and counter words {@code (x0, x1)}, all uint32: {@code threefry2x32} as a lane
     * operation, so that counters come from the loop index and the hash feeds its consumers in
     * registers. The two words of equal operands are computed once ({@link #other()}).
     *
     * @param k0 the first key word
     * @param k1 the second key word
     * @param x0 the first counter word
     * @param x1 the second counter word
     * @param word 0 for {@code y0}, 1 for {@code y1}
     */
    record Threefry(Expr k0, Expr k1, Expr x0, Expr x1, int word) implements Expr {
        public Threefry {
            for (Expr a : List.of(k0, k1, x0, x1)) {
                if (a.type() != DType.UINT32) throw new IllegalArgumentException("threefry2x32 of " + a.type());
            }
            if (word != 0 && word != 1) throw new IllegalArgumentException("threefry2x32 word " + word);
        }
        public DType type() { return DType.UINT32; }
        /** The operands, in order. */
        public List<Expr> args() { return List.of(k0, k1, x0, x1); }
        /** The other word of the same block. */
        public Threefry other() { return new Threefry(k0, k1, x0, x1, 1 - word); }
        @Override public String toString() { return "threefry2x32[" + word + "](" + k0 + ", " + k1 + ", " + x0 + ", " + x1 + ")"; }
    }

    /** A lane operation on operands of equal dtype. */
    static Expr lane(ScalarOp op, Expr... args) { return new Lane(op, List.of(args), args[0].type()); }

    /** {@code x} converted to {@code to}; the identity when the dtype already matches. */
    static Expr convert(Expr x, DType to) {
        Objects.requireNonNull(to);
        return x.type() == to ? x : new Convert(x, to);
    }

    /** The deepest loop this expression depends on, or -1. */
    static int depth(Expr e) {
        return switch (e) {
            case Load l -> l.index().depth();
            case Const c -> -1;
            case Lane l -> l.args().stream().mapToInt(Expr::depth).max().orElse(-1);
            case Convert c -> depth(c.arg());
            case Bitcast c -> depth(c.arg());
            case Select s -> Math.max(depth(s.which()), s.cases().stream().mapToInt(Expr::depth).max().orElse(-1));
            case Index i -> i.index().depth();
            case Threefry t -> t.args().stream().mapToInt(Expr::depth).max().orElse(-1);
        };
    }
}
