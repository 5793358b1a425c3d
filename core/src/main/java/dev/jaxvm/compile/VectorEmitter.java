package dev.jaxvm.compile;

import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Emits the explicit-SIMD form of an innermost loop with the incubating Vector API
 * ({@code jdk.incubator.vector}, 256-bit species): unit-stride loads, exact lanewise operations
 * (arithmetic, min/max, sqrt; float32 transcendentals of {@link VectorMath}; the JDK's only on request,
 * see {@link #FAST_TRANSCENDENTALS}), and a unit-stride store. Values of one loop may mix dtypes of one
 * width: float32, int32 and uint32 lanes (bitcasts, shifts, int32 to float32, iota counters, the
 * threefry2x32 hash) share 8-lane vectors; float64 runs alone, 4 lanes.
 * Used only when the module is present at run time; the scalar loop finishes the tail.
 */
final class VectorEmitter {
    private static final Map<String, ClassDesc> OPERATOR_TYPES = new HashMap<>();
    /** The Vector API module, when the JVM was started with it ({@code --add-modules jdk.incubator.vector}). */
    private static final Module MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").orElse(null);
    /** Whether generated kernels may use the Vector API ({@code -Djaxvm.vector=false} turns it off). */
    static final boolean AVAILABLE = MODULE != null && !"false".equals(System.getProperty("jaxvm.vector")) && link();

    private static final String PKG = "jdk.incubator.vector.";
    private static final ClassDesc SPECIES = ClassDesc.of(PKG + "VectorSpecies");
    private static final ClassDesc VECTOR = ClassDesc.of(PKG + "Vector");
    private static final ClassDesc OPS = ClassDesc.of(PKG + "VectorOperators");
    private static final ClassDesc UNARY = ClassDesc.of(PKG + "VectorOperators$Unary");
    private static final ClassDesc BINARY = ClassDesc.of(PKG + "VectorOperators$Binary");
    /** Lane operations whose Vector API form is exact (IEEE), so identical in every JIT tier. */
    private static final Set<ScalarOp> EXACT = Set.of(ScalarOp.NEG, ScalarOp.ABS, ScalarOp.ADD, ScalarOp.SUB,
            ScalarOp.MUL, ScalarOp.DIV, ScalarOp.MAX, ScalarOp.MIN, ScalarOp.SQRT, ScalarOp.SQUARE, ScalarOp.COPY);
    /**
     * Transcendentals: SVML routines once C2 compiles a kernel, {@code Math} per lane before, which can
     * differ in the last bit; so only with {@code -Djaxvm.fast_transcendentals=true}.
     */
    private static final Set<ScalarOp> TRANSCENDENTAL = Set.of(ScalarOp.EXP, ScalarOp.LOG, ScalarOp.LOG1P,
            ScalarOp.EXPM1, ScalarOp.SIN, ScalarOp.COS, ScalarOp.TAN, ScalarOp.TANH, ScalarOp.ASIN, ScalarOp.ACOS,
            ScalarOp.ATAN, ScalarOp.SINH, ScalarOp.COSH, ScalarOp.CBRT, ScalarOp.POW, ScalarOp.ATAN2);
    /**
     * float32 transcendentals with a reproducible SIMD form ({@link VectorMath}): jaxvm's own (as
     * {@link ScalarMath}) or XLA's sequences (as {@code XlaFloat32}), lane for lane the scalar bits.
     */
    private static final Set<ScalarOp> OWN = Set.of(ScalarOp.EXP, ScalarOp.SIN, ScalarOp.COS, ScalarOp.TANH,
            ScalarOp.LOGISTIC, ScalarOp.LOG, ScalarOp.LOG1P, ScalarOp.ERF_INV);
    /**
     * XLA's sequences (normal's erf_inv and its log1p and log), copied into the kernel
     * ({@link VectorInliner}) rather than called, which C2 may leave out of line, boxing every vector.
     */
    private static final Set<ScalarOp> WRITTEN_OUT = Set.of(ScalarOp.LOG, ScalarOp.LOG1P, ScalarOp.ERF_INV, ScalarOp.EXP);
    /** Whether SIMD kernels may use the Vector API's transcendentals (fast, not bit-reproducible across JIT tiers). */
    static final boolean FAST_TRANSCENDENTALS = Boolean.getBoolean("jaxvm.fast_transcendentals");

    private final CodeBuilder code;
    private final NodeEmitter scalars;
    private final ClassDesc vec;
    private final Map<Object, Integer> slots = new HashMap<>();
    private final java.util.Set<Expr.Threefry> lazy = new java.util.HashSet<>();
    private static final ClassDesc INT_VECTOR = ClassDesc.of(PKG + "IntVector");
    private static final ClassDesc FLOAT_VECTOR = ClassDesc.of(PKG + "FloatVector");
    private static final ClassDesc VECTOR_INTS = ClassDesc.of("dev.jaxvm.compile.VectorInts");
    private static final ClassDesc VECTOR_REDUCE = ClassDesc.of("dev.jaxvm.compile.VectorReduce");

    /** Whether a reduction by {@code op} of this emitter's lanes runs on integer keys ({@link VectorReduce}). */
    private boolean keyed(ScalarOp op) { return vec.equals(FLOAT_VECTOR) && (op == ScalarOp.MAX || op == ScalarOp.MIN); }

    /** An emitter for a loop whose result (or reduced value) has dtype {@code t}. */
    VectorEmitter(CodeBuilder code, NodeEmitter scalars, DType t) {
        this.code = code;
        this.scalars = scalars;
        this.vec = vec(t);
    }

    /** The Vector API class holding lanes of dtype {@code t}. */
    private static ClassDesc vec(DType t) {
        return switch (t) {
            case FLOAT32 -> FLOAT_VECTOR;
            case FLOAT64 -> DOUBLE_VECTOR;
            case INT32, UINT32 -> INT_VECTOR;
            default -> throw new IllegalArgumentException("no vector of " + t);
        };
    }

    /** The JVM element type of dtype {@code t}'s vector lanes. */
    private static ClassDesc elem(DType t) {
        return switch (t) {
            case FLOAT32 -> CD_float;
            case FLOAT64 -> CD_double;
            default -> CD_int;
        };
    }

    /** Whether a loop storing dtype {@code t} may have a SIMD form. */
    static boolean vectorOutput(DType t) {
        return t == DType.FLOAT32 || t == DType.FLOAT64 || t == DType.INT32 || t == DType.UINT32;
    }

    /** Whether values of dtype {@code d} have vectors of the lane count of dtype {@code t}'s. */
    private static boolean sameLanes(DType d, DType t) {
        return t == DType.FLOAT64 ? d == DType.FLOAT64 : d == DType.FLOAT32 || d == DType.INT32 || d == DType.UINT32;
    }

    /** Integer lane operations with an exact Vector API form (both int32 and uint32, unless noted). */
    private static boolean integerOp(ScalarOp op, DType t) {
        return switch (op) {
            case ADD, SUB, MUL, AND, OR, XOR, NOT, NEG, COPY, SHIFT_LEFT, SHIFT_RIGHT_LOGICAL, SHIFT_RIGHT_ARITHMETIC -> true;
            case MAX, MIN -> t == DType.INT32;
            default -> false;
        };
    }

    private static boolean link() {
        try {
            VectorEmitter.class.getModule().addReads(MODULE);
            Class<?> ops = Class.forName(MODULE, PKG + "VectorOperators");
            for (java.lang.reflect.Field f : ops.getFields()) OPERATOR_TYPES.put(f.getName(), ClassDesc.of(f.getType().getName()));
            return Class.forName(MODULE, PKG + "FloatVector") != null;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The lanes of a 256-bit vector of dtype {@code t}. */
    static int lanes(DType t) { return 32 / t.itemSize(); }

    /** Whether node {@code n} of the innermost loop has a SIMD form (for output dtype t). */
    static boolean vectorizable(Object n, Ix.Loop loop, DType t) {
        return switch (n) {
            case Ix x -> true;
            case Expr.Load l -> sameLanes(l.type(), t) && unitStride(l.index(), loop);
            case Expr.Lane l -> {
                DType o = l.operandType();
                if (!sameLanes(o, t) || l.op().predicate() || !l.args().stream().allMatch(a -> a.type() == o)) yield false;
                if (!o.isFloating()) yield integerOp(l.op(), o);
                yield EXACT.contains(l.op()) || OWN.contains(l.op()) && o == DType.FLOAT32
                        || FAST_TRANSCENDENTALS && TRANSCENDENTAL.contains(l.op());
            }
            case Expr.Bitcast b -> sameLanes(b.type(), t) && sameLanes(b.arg().type(), t);
            case Expr.Convert c -> c.type() == DType.FLOAT32 && c.arg().type() == DType.INT32 && sameLanes(c.type(), t);
            case Expr.Index i -> (i.type() == DType.INT32 || i.type() == DType.UINT32) && sameLanes(i.type(), t)
                    && unitStride(i.index(), loop);
            case Expr.Threefry f -> sameLanes(DType.UINT32, t);
            default -> false;
        };
    }

    /** Whether {@code ix} is {@code base + loop} for a base of lesser depth. */
    static boolean unitStride(Ix ix, Ix.Loop loop) {
        return Ix.add(ix, Ix.mul(loop, -1)).depth() < loop.level();
    }

    /** Computes a node of the innermost level: index arithmetic as scalars, element values as vectors. */
    void compute(Object n) {
        switch (n) {
            case Ix x -> scalars.compute(x);
            case Expr.Load l -> {
                ClassDesc v = vec(l.type());
                species(v);
                code.aload(scalars.array(l.buffer()));
                scalars.push(l.index());
                code.invokestatic(v, "fromArray", MethodTypeDesc.of(v, SPECIES, elem(l.type()).arrayType(), CD_int));
                store(n);
            }
            case Expr.Lane l -> {
                if (l.op() == ScalarOp.XOR && l.args().get(0) instanceof Expr.Threefry f
                        && l.args().get(1) instanceof Expr.Threefry g && f.equals(g.other())) {
                    threefry(2, f);
                } else if (l.operandType().isFloating()) lane(l);
                else integerLane(l);
                store(n);
            }
            case Expr.Bitcast b -> {
                push(b.arg());
                ClassDesc from = vec(b.arg().type()), to = vec(b.type());
                if (!from.equals(to)) {
                    code.invokevirtual(from, to.equals(FLOAT_VECTOR) ? "reinterpretAsFloats" : "reinterpretAsInts",
                            MethodTypeDesc.of(to));
                }
                store(n);
            }
            case Expr.Convert c -> {
                push(c.arg());
                code.getstatic(OPS, "I2F", OPERATOR_TYPES.get("I2F"));
                code.loadConstant(0);
                code.invokevirtual(INT_VECTOR, "convert", MethodTypeDesc.of(VECTOR, OPERATOR_TYPES.get("I2F"), CD_int));
                code.checkcast(FLOAT_VECTOR);
                store(n);
            }
            case Expr.Index i -> {
                // IOTA + index written out: C2 inlines the Vector API's methods whatever the kernel's size
                code.getstatic(VECTOR_INTS, "IOTA", INT_VECTOR);
                code.getstatic(OPS, "ADD", OPERATOR_TYPES.get("ADD"));
                scalars.push(i.index());
                code.invokevirtual(INT_VECTOR, "lanewise", MethodTypeDesc.of(INT_VECTOR, BINARY, CD_int));
                store(n);
            }
            case Expr.Threefry f -> lazy.add(f);   // computed where used (push): xor of both words hashes once
            default -> throw new IllegalArgumentException("no vector form: " + n);
        }
    }

    private void lane(Expr.Lane l) {
        Expr a = l.args().getFirst();
        switch (l.op()) {
            case COPY -> push(a);
            case SQUARE -> binary("MUL", a, a);
            default -> {
                if (OWN.contains(l.op()) && l.operandType() == DType.FLOAT32 && !FAST_TRANSCENDENTALS) {
                    push(a);
                    MethodTypeDesc type = MethodTypeDesc.of(FLOAT_VECTOR, FLOAT_VECTOR);
                    if (WRITTEN_OUT.contains(l.op()) && VectorInliner.inlinable(ownName(l.op()), type)) {
                        VectorInliner.inline(code, ownName(l.op()), type);
                    } else {
                        code.invokestatic(ClassDesc.of("dev.jaxvm.compile.VectorMath"), ownName(l.op()), type);
                    }
                } else if (l.args().size() == 1) {
                    ClassDesc v = vec(a.type());
                    push(a);
                    code.getstatic(OPS, l.op().name(), OPERATOR_TYPES.get(l.op().name()));
                    code.invokevirtual(v, "lanewise", MethodTypeDesc.of(v, UNARY));
                } else {
                    binary(l.op().name(), a, l.args().get(1));
                }
            }
        }
    }

    private static String ownName(ScalarOp op) {
        return op == ScalarOp.ERF_INV ? "erfInv" : op.name().toLowerCase();
    }

    private void binary(String op, Expr a, Expr b) {
        ClassDesc v = vec(a.type());
        push(a);
        code.getstatic(OPS, op, OPERATOR_TYPES.get(op));
        push(b);
        code.invokevirtual(v, "lanewise", MethodTypeDesc.of(v, BINARY, VECTOR));
    }

    /** An int32 or uint32 lane operation: exact lanewise forms, shifts with lax's out-of-range rule. */
    private void integerLane(Expr.Lane l) {
        Expr a = l.args().getFirst();
        switch (l.op()) {
            case COPY -> push(a);
            case NOT, NEG -> {
                push(a);
                code.getstatic(OPS, l.op().name(), OPERATOR_TYPES.get(l.op().name()));
                code.invokevirtual(INT_VECTOR, "lanewise", MethodTypeDesc.of(INT_VECTOR, UNARY));
            }
            case SHIFT_LEFT, SHIFT_RIGHT_LOGICAL, SHIFT_RIGHT_ARITHMETIC -> shift(l);
            default -> binary(l.op().name(), a, l.args().get(1));
        }
    }

    /** Shifts: a constant amount in [0, 32) is one lanewise shift; otherwise {@link VectorInts}' rule. */
    private void shift(Expr.Lane l) {
        // uint32 operands are zero-extended by lax's rule, so their arithmetic shift is the logical one
        boolean logical = l.op() == ScalarOp.SHIFT_RIGHT_LOGICAL
                || l.op() == ScalarOp.SHIFT_RIGHT_ARITHMETIC && l.operandType() == DType.UINT32;
        String op = l.op() == ScalarOp.SHIFT_LEFT ? "LSHL" : logical ? "LSHR" : "ASHR";
        Expr amount = l.args().get(1);
        push(l.args().getFirst());
        if (amount instanceof Expr.Const c && c.asLong() >= 0 && c.asLong() < 32) {
            code.getstatic(OPS, op, OPERATOR_TYPES.get(op));
            code.loadConstant((int) c.asLong());
            code.invokevirtual(INT_VECTOR, "lanewise", MethodTypeDesc.of(INT_VECTOR, BINARY, CD_int));
        } else {
            push(amount);
            String helper = switch (op) {
                case "LSHL" -> "shiftLeft";
                case "LSHR" -> "shiftRightLogical";
                default -> "shiftRightArithmetic";
            };
            code.invokestatic(VECTOR_INTS, helper, MethodTypeDesc.of(INT_VECTOR, INT_VECTOR, INT_VECTOR));
        }
    }

    private void store(Object n) {
        int slot = code.allocateLocal(TypeKind.REFERENCE);
        code.astore(slot);
        slots.put(n, slot);
    }

    private void species(ClassDesc v) { code.getstatic(v, "SPECIES_256", SPECIES); }

    /** Word {@code out} of the block (0, 1, or 2 for y0 ^ y1), its rounds written into the kernel. */
    private void threefry(int out, Expr.Threefry f) {
        for (Expr x : f.args()) push(x);
        if (Boolean.getBoolean("jaxvm.threefry_inline")) {
            ThreefryEmitter.vector(code, out);
            return;
        }
        code.invokestatic(VECTOR_INTS, out == 2 ? "threefryXor" : "threefry" + out,
                MethodTypeDesc.of(INT_VECTOR, INT_VECTOR, INT_VECTOR, INT_VECTOR, INT_VECTOR));
    }

    /** Pushes a vector value: computed at this level, or a scalar of an outer level broadcast. */
    void push(Expr e) {
        Integer slot = slots.get(e);
        if (slot != null) {
            code.aload(slot);
            return;
        }
        if (e instanceof Expr.Threefry f && lazy.contains(f)) {
            threefry(f.word(), f);
            store(f);
            code.aload(slots.get(f));
            return;
        }
        ClassDesc v = vec(e.type());
        species(v);
        scalars.push(e);
        code.invokestatic(v, "broadcast", MethodTypeDesc.of(v, SPECIES, elem(e.type())));
    }

    /** {@code root.intoArray(out, index)}. */
    void storeInto(Expr root, int outBuffer, Ix index) {
        ClassDesc v = vec(root.type());
        push(root);
        code.aload(scalars.array(outBuffer));
        scalars.push(index);
        code.invokevirtual(v, "intoArray", MethodTypeDesc.of(CD_void, elem(root.type()).arrayType(), CD_int));
    }

    private static final ClassDesc DOUBLE_VECTOR = ClassDesc.of(PKG + "DoubleVector");

    /** Whether a reduction with {@code op} of values of dtype {@code t} has a SIMD form. */
    static boolean reducible(ScalarOp op, DType t) {
        return (t == DType.FLOAT32 || t == DType.FLOAT64) && (op == ScalarOp.ADD || op == ScalarOp.MAX || op == ScalarOp.MIN);
    }

    /** Two double-vector accumulators set to the identity of {@code op}; returns their slots. */
    int[] reduceInit(ScalarOp op) {
        if (keyed(op)) {
            // float32 max/min: one vector of integer keys (VectorReduce)
            code.invokestatic(VECTOR_REDUCE, op == ScalarOp.MAX ? "maxInit" : "minInit", MethodTypeDesc.of(INT_VECTOR));
            int slot = code.allocateLocal(TypeKind.REFERENCE);
            code.astore(slot);
            return new int[] {slot};
        }
        int[] acc = new int[2];
        for (int i = 0; i < acc.length; i++) {
            code.getstatic(DOUBLE_VECTOR, "SPECIES_256", SPECIES);
            code.loadConstant(Scalars.identityDouble(op));
            code.invokestatic(DOUBLE_VECTOR, "broadcast", MethodTypeDesc.of(DOUBLE_VECTOR, SPECIES, CD_double));
            acc[i] = code.allocateLocal(TypeKind.REFERENCE);
            code.astore(acc[i]);
        }
        return acc;
    }

    /** Folds the vector value of {@code body} into the accumulators (float32 lanes widened to double). */
    void reduceStep(ScalarOp op, Expr body, int[] acc) {
        if (keyed(op)) {
            code.aload(acc[0]);
            push(body);
            code.invokestatic(VECTOR_REDUCE, op == ScalarOp.MAX ? "max" : "min", MethodTypeDesc.of(INT_VECTOR, INT_VECTOR, FLOAT_VECTOR));
            code.astore(acc[0]);
            return;
        }
        if (vec.equals(DOUBLE_VECTOR)) {
            combine(op, acc[0], () -> push(body));
            return;
        }
        for (int part = 0; part < 2; part++) {
            int p = part;
            combine(op, acc[part], () -> {
                push(body);
                code.getstatic(OPS, "F2D", OPERATOR_TYPES.get("F2D"));
                code.getstatic(DOUBLE_VECTOR, "SPECIES_256", SPECIES);
                code.loadConstant(p);
                code.invokevirtual(vec, "convertShape", MethodTypeDesc.of(VECTOR, OPERATOR_TYPES.get("F2D"), SPECIES, CD_int));
                code.checkcast(DOUBLE_VECTOR);
            });
        }
    }

    private void combine(ScalarOp op, int acc, Runnable pushValue) {
        code.aload(acc);
        code.getstatic(OPS, op.name(), OPERATOR_TYPES.get(op.name()));
        pushValue.run();
        code.invokevirtual(DOUBLE_VECTOR, "lanewise", MethodTypeDesc.of(DOUBLE_VECTOR, BINARY, VECTOR));
        code.astore(acc);
    }

    /** Folds the accumulators into the scalar accumulator, lane by lane in a fixed order. */
    void reduceFinish(ScalarOp op, int[] acc, Reduction scalar) {
        if (keyed(op)) {
            for (int lane = 0; lane < lanes(DType.FLOAT32); lane++) {
                int l = lane;
                scalar.accumulateDouble(() -> {
                    code.aload(acc[0]);
                    code.loadConstant(l);
                    code.invokestatic(VECTOR_REDUCE, "lane", MethodTypeDesc.of(CD_float, INT_VECTOR, CD_int));
                    code.f2d();
                });
            }
            return;
        }
        combine(op, acc[0], () -> code.aload(acc[1]));
        for (int lane = 0; lane < 4; lane++) {
            int l = lane;
            scalar.accumulateDouble(() -> {
                code.aload(acc[0]);
                code.loadConstant(l);
                code.invokevirtual(DOUBLE_VECTOR, "lane", MethodTypeDesc.of(CD_double, CD_int));
            });
        }
    }

    /** Forgets the vector values (before the scalar tail loop). */
    void forget() {
        slots.clear();
        lazy.clear();
    }
}
