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
 * (arithmetic, min/max, sqrt; the transcendentals only on request, see {@link #FAST_TRANSCENDENTALS}),
 * and a unit-stride store.
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
    /** Whether SIMD kernels may use the Vector API's transcendentals (fast, not bit-reproducible across JIT tiers). */
    static final boolean FAST_TRANSCENDENTALS = Boolean.getBoolean("jaxvm.fast_transcendentals");

    private final CodeBuilder code;
    private final NodeEmitter scalars;
    private final ClassDesc vec;
    private final ClassDesc elem;
    private final Map<Object, Integer> slots = new HashMap<>();

    VectorEmitter(CodeBuilder code, NodeEmitter scalars, DType t) {
        this.code = code;
        this.scalars = scalars;
        this.vec = ClassDesc.of(PKG + (t == DType.FLOAT32 ? "FloatVector" : "DoubleVector"));
        this.elem = t == DType.FLOAT32 ? CD_float : CD_double;
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
            case Expr.Load l -> l.type() == t && unitStride(l.index(), loop);
            case Expr.Lane l -> l.operandType() == t && !l.op().predicate() && l.args().stream().allMatch(a -> a.type() == t)
                    && (EXACT.contains(l.op()) || OWN.contains(l.op()) && t == DType.FLOAT32
                    || FAST_TRANSCENDENTALS && TRANSCENDENTAL.contains(l.op()));
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
                species();
                code.aload(scalars.array(l.buffer()));
                scalars.push(l.index());
                code.invokestatic(vec, "fromArray", MethodTypeDesc.of(vec, SPECIES, elem.arrayType(), CD_int));
                store(n);
            }
            case Expr.Lane l -> {
                lane(l);
                store(n);
            }
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
                    code.invokestatic(ClassDesc.of("dev.jaxvm.compile.VectorMath"), ownName(l.op()),
                            MethodTypeDesc.of(vec, vec));
                } else if (l.args().size() == 1) {
                    push(a);
                    code.getstatic(OPS, l.op().name(), OPERATOR_TYPES.get(l.op().name()));
                    code.invokevirtual(vec, "lanewise", MethodTypeDesc.of(vec, UNARY));
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
        push(a);
        code.getstatic(OPS, op, OPERATOR_TYPES.get(op));
        push(b);
        code.invokevirtual(vec, "lanewise", MethodTypeDesc.of(vec, BINARY, VECTOR));
    }

    private void store(Object n) {
        int slot = code.allocateLocal(TypeKind.REFERENCE);
        code.astore(slot);
        slots.put(n, slot);
    }

    private void species() { code.getstatic(vec, "SPECIES_256", SPECIES); }

    /** Pushes a vector value: computed at this level, or a scalar of an outer level broadcast. */
    void push(Expr e) {
        Integer slot = slots.get(e);
        if (slot != null) {
            code.aload(slot);
            return;
        }
        species();
        scalars.push(e);
        code.invokestatic(vec, "broadcast", MethodTypeDesc.of(vec, SPECIES, elem));
    }

    /** {@code root.intoArray(out, index)}. */
    void storeInto(Expr root, int outBuffer, Ix index) {
        push(root);
        code.aload(scalars.array(outBuffer));
        scalars.push(index);
        code.invokevirtual(vec, "intoArray", MethodTypeDesc.of(CD_void, elem.arrayType(), CD_int));
    }

    private static final ClassDesc DOUBLE_VECTOR = ClassDesc.of(PKG + "DoubleVector");

    /** Whether a reduction with {@code op} of values of dtype {@code t} has a SIMD form. */
    static boolean reducible(ScalarOp op, DType t) {
        return (t == DType.FLOAT32 || t == DType.FLOAT64) && (op == ScalarOp.ADD || op == ScalarOp.MAX || op == ScalarOp.MIN);
    }

    /** Two double-vector accumulators set to the identity of {@code op}; returns their slots. */
    int[] reduceInit(ScalarOp op) {
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
    void forget() { slots.clear(); }
}
