package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.util.List;

/**
 * Emits one lane operation with the arithmetic of {@link ScalarOp}: single JVM instructions or
 * {@link Math} intrinsics where they agree with the reference bit for bit, else a call of the
 * {@code ScalarOp} method itself (correct, not vectorised).
 */
final class LaneEmitter {
    private final CodeBuilder code;
    private final NodeEmitter nodes;

    LaneEmitter(CodeBuilder code, NodeEmitter nodes) {
        this.code = code;
        this.nodes = nodes;
    }

    void emit(Expr.Lane l) {
        DType t = l.operandType();
        List<Expr> a = l.args();
        switch (NodeEmitter.kind(t)) {
            case FLOAT -> floating(l.op(), a, true);
            case DOUBLE -> floating(l.op(), a, false);
            default -> {
                if (t == DType.BOOL) {
                    bool(l.op(), a);
                } else {
                    integer(l.op(), a, t);
                    if (!l.op().predicate()) nodes.wrap(t);
                }
            }
        }
    }

    private void push(List<Expr> a) { for (Expr x : a) nodes.push(x); }

    private void floating(ScalarOp op, List<Expr> a, boolean f) {
        if (f && op.hasFloat32Form()) {
            // XLA:CPU's float32 log/log1p/erf/erf_inv sequences (ScalarOp.applyFloat): JAX's numbers bit for bit
            nodes.applyFloatOf(op, () -> {
                nodes.push(a.getFirst());
                // pow's exponent may be an integer (lax.pow(f32, i32)): XLA converts it to the base's type
                if (a.size() > 1) {
                    nodes.push(a.get(1));
                    if (a.get(1).type() != DType.FLOAT32) nodes.convert(a.get(1).type(), DType.FLOAT32);
                } else {
                    code.fconst_0();
                }
            });
            return;
        }
        switch (op) {
            case NEG -> { push(a); if (f) code.fneg(); else code.dneg(); }
            case ADD -> { push(a); if (f) code.fadd(); else code.dadd(); }
            case SUB -> { push(a); if (f) code.fsub(); else code.dsub(); }
            case MUL -> { push(a); if (f) code.fmul(); else code.dmul(); }
            case DIV -> { push(a); if (f) code.fdiv(); else code.ddiv(); }
            case REM -> { push(a); if (f) code.frem(); else code.drem(); }
            case SQUARE -> { push(a); nodes.push(a.getFirst()); if (f) code.fmul(); else code.dmul(); }
            case COPY -> push(a);
            case ABS, MAX, MIN, SIGN -> {
                push(a);
                String name = op == ScalarOp.SIGN ? "signum" : op.name().toLowerCase();
                nodes.math(name, f ? (a.size() == 1 ? NodeEmitter.F_F : NodeEmitter.FF_F)
                        : (a.size() == 1 ? NodeEmitter.D_D : NodeEmitter.DD_D));
            }
            case EXP, SIN, COS, TANH, LOGISTIC -> {
                if (op == ScalarOp.LOGISTIC && !f) {
                    nodes.applyDoubleOf(op, () -> {
                        nodes.push(a.getFirst());
                        code.dconst_0();
                    });
                } else if (f) {
                    // jaxvm's own float32 forms: the same bits as the SIMD loops compute (VectorMath)
                    nodes.push(a.getFirst());
                    code.invokestatic(ClassDesc.of("dev.jaxvm.compile.ScalarMath"), op.name().toLowerCase(), NodeEmitter.F_F);
                } else {
                    nodes.push(a.getFirst());
                    nodes.math(op.name().toLowerCase(), NodeEmitter.D_D);
                }
            }
            case SQRT, FLOOR, CEIL, ROUND_EVEN, LOG, EXPM1, TAN, ASIN, ACOS, ATAN, SINH,
                 COSH, CBRT, POW, ATAN2 -> {
                for (Expr x : a) pushDouble(x);
                nodes.math(mathName(op), a.size() == 1 ? NodeEmitter.D_D : NodeEmitter.DD_D);
                if (f) code.d2f();
            }
            case IS_FINITE -> {
                push(a);
                ClassDesc box = ClassDesc.of(f ? "java.lang.Float" : "java.lang.Double");
                code.invokestatic(box, "isFinite", java.lang.constant.MethodTypeDesc.of(
                        java.lang.constant.ConstantDescs.CD_boolean, f ? java.lang.constant.ConstantDescs.CD_float
                                : java.lang.constant.ConstantDescs.CD_double));
            }
            case EQ, NE, LT, LE, GT, GE -> {
                push(a);
                boolean g = op == ScalarOp.LT || op == ScalarOp.LE;
                if (f) { if (g) code.fcmpg(); else code.fcmpl(); }
                else { if (g) code.dcmpg(); else code.dcmpl(); }
                nodes.bool(lbl -> {
                    switch (op) {
                        case EQ -> code.ifeq(lbl);
                        case NE -> code.ifne(lbl);
                        case LT -> code.iflt(lbl);
                        case LE -> code.ifle(lbl);
                        case GT -> code.ifgt(lbl);
                        default -> code.ifge(lbl);
                    }
                });
            }
            default -> {
                nodes.applyDoubleOf(op, () -> {
                    pushDouble(a.getFirst());
                    if (a.size() > 1) {
                        pushDouble(a.get(1));
                    } else {
                        code.dconst_0();
                    }
                });
                if (f) code.d2f();
            }
        }
    }

    /** Pushes {@code x} as a double, whatever its dtype (pow's exponent may be an integer, as in JAX). */
    private void pushDouble(Expr x) {
        nodes.push(x);
        nodes.convert(x.type(), DType.FLOAT64);
    }

    private static String mathName(ScalarOp op) {
        return switch (op) {
            case ROUND_EVEN -> "rint";
            default -> op.name().toLowerCase();
        };
    }

    /** Integer lanes of dtype t, held in ints (narrow dtypes normalised, uint32 as its bits); the caller wraps. */
    private void integer(ScalarOp op, List<Expr> a, DType t) {
        boolean unsigned32 = t == DType.UINT32;
        if (unsigned32) {
            switch (op) {
                case DIV, REM, MAX, MIN, LT, LE, GT, GE, ABS, SIGN, POW, SHIFT_LEFT, SHIFT_RIGHT_ARITHMETIC,
                     SHIFT_RIGHT_LOGICAL -> {
                    generic(op, a, t);
                    return;
                }
                default -> { }
            }
        }
        switch (op) {
            case NEG -> { push(a); code.ineg(); }
            case ADD -> { push(a); code.iadd(); }
            case SUB -> { push(a); code.isub(); }
            case MUL -> { push(a); code.imul(); }
            case AND -> { push(a); code.iand(); }
            case OR -> { push(a); code.ior(); }
            case XOR -> { push(a); code.ixor(); }
            case NOT -> { push(a); code.iconst_m1(); code.ixor(); }
            case SQUARE -> { push(a); nodes.push(a.getFirst()); code.imul(); }
            case COPY, FLOOR, CEIL, ROUND_AWAY, ROUND_EVEN -> push(a);
            case IS_FINITE -> code.iconst_1();
            case ABS -> { push(a); nodes.math("abs", NodeEmitter.I_I); }
            case MAX -> { push(a); nodes.math("max", NodeEmitter.II_I); }
            case MIN -> { push(a); nodes.math("min", NodeEmitter.II_I); }
            case SIGN -> { push(a); code.invokestatic(ClassDesc.of("java.lang.Integer"), "signum", NodeEmitter.I_I); }
            case POPCNT, CLZ -> {
                if (t == DType.INT32 || t == DType.UINT32 && op == ScalarOp.CLZ) {
                    push(a);
                    code.invokestatic(ClassDesc.of("java.lang.Integer"), op == ScalarOp.POPCNT ? "bitCount" : "numberOfLeadingZeros",
                            NodeEmitter.I_I);
                } else {
                    generic(op, a, t);
                }
            }
            case EQ, NE, LT, LE, GT, GE -> { push(a); compareInts(op); }
            default -> generic(op, a, t);
        }
    }

    /** {@code (int) ScalarOp.op.applyLong(t, a, b)}: exact for every integer dtype, not vectorised. */
    private void generic(ScalarOp op, List<Expr> a, DType t) {
        nodes.applyLongOf(op, t, () -> {
            nodes.push(a.getFirst());
            nodes.widen(t);
            if (a.size() > 1) {
                nodes.push(a.get(1));
                nodes.widen(t);
            } else {
                code.lconst_0();
            }
        });
        code.l2i();
    }

    private void compareInts(ScalarOp op) {
        nodes.bool(lbl -> {
            switch (op) {
                case EQ -> code.if_icmpeq(lbl);
                case NE -> code.if_icmpne(lbl);
                case LT -> code.if_icmplt(lbl);
                case LE -> code.if_icmple(lbl);
                case GT -> code.if_icmpgt(lbl);
                default -> code.if_icmpge(lbl);
            }
        });
    }

    private void bool(ScalarOp op, List<Expr> a) {
        switch (op) {
            case ADD, OR, MAX -> { push(a); code.ior(); }
            case MUL, AND, MIN -> { push(a); code.iand(); }
            case XOR, SUB -> { push(a); code.ixor(); }
            case NOT -> { push(a); code.iconst_1(); code.ixor(); }
            case IS_FINITE -> code.iconst_1();
            case EQ, NE, LT, LE, GT, GE -> { push(a); compareInts(op); }
            default -> push(a);
        }
    }
}
