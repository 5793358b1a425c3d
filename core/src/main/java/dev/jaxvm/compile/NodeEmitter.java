package dev.jaxvm.compile;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Emits the bytecode of kernel IR nodes into locals: loads, index arithmetic, lane operations,
 * converts, selects. Values of float32 live in {@code float} locals, float64 in {@code double},
 * int32 and bool (0 or 1) in {@code int}. Arithmetic matches {@link ReferenceBackend} bit for bit.
 */
final class NodeEmitter {
    private static final ClassDesc MATH = ClassDesc.of("java.lang.Math");
    private static final ClassDesc SCALAR_OP = ClassDesc.of("dev.jaxvm.core.ScalarOp");
    private static final ClassDesc DTYPE = ClassDesc.of("dev.jaxvm.DType");

    private final CodeBuilder code;
    private final Map<Object, Integer> slots = new HashMap<>();
    private final Map<Integer, Integer> arrays;
    private final int[] loopSlots;
    private int unrollLevel = -1;
    private int unrollOffset;

    NodeEmitter(CodeBuilder code, Map<Integer, Integer> arrays, int[] loopSlots) {
        this.code = code;
        this.arrays = arrays;
        this.loopSlots = loopSlots;
    }

    /** The dtypes held in JVM locals by this backend. */
    static boolean supported(DType t) {
        return switch (t) {
            case FLOAT32, FLOAT64, INT32, BOOL, INT8, UINT8, INT16, UINT16, UINT32 -> true;
            case INT64, UINT64, FLOAT16, BFLOAT16, FLOAT0 -> false;
        };
    }

    /** The JVM array element kind of dtype {@code t}'s storage. */
    static TypeKind elementKind(DType t) {
        return switch (t) {
            case BOOL -> TypeKind.BOOLEAN;
            case INT8, UINT8 -> TypeKind.BYTE;
            case INT16, UINT16 -> TypeKind.SHORT;
            default -> kind(t);
        };
    }

    /** Wraps the int on the stack to dtype {@code t}'s range, as storing and reloading it would. */
    void wrap(DType t) {
        switch (t) {
            case INT8 -> code.i2b();
            case UINT8 -> { code.loadConstant(0xFF); code.iand(); }
            case INT16 -> code.i2s();
            case UINT16 -> code.i2c();
            default -> { }
        }
    }

    /** Pushes the int on the stack as the long {@code Storage.getLong} would give (uint32 zero-extended). */
    void widen(DType t) {
        if (t == DType.UINT32) code.invokestatic(ClassDesc.of("java.lang.Integer"), "toUnsignedLong", MethodTypeDesc.of(CD_long, CD_int));
        else code.i2l();
    }

    /** Whether lane op {@code op} on operands of dtype {@code t} is emitted. */
    static boolean supported(ScalarOp op, DType t) {
        if (!supported(t)) return false;
        if (t.isFloating()) {
            return switch (op) {
                case NOT, POPCNT, CLZ, AND, OR, XOR, SHIFT_LEFT, SHIFT_RIGHT_ARITHMETIC, SHIFT_RIGHT_LOGICAL -> false;
                default -> true;
            };
        }
        if (t == DType.UINT32) {
            return switch (op) {
                case ADD, SUB, MUL, NEG, AND, OR, XOR, NOT, SQUARE, COPY, FLOOR, CEIL, ROUND_AWAY, ROUND_EVEN, IS_FINITE, EQ,
                     NE, DIV, REM, MAX, MIN, LT, LE, GT, GE, ABS, SIGN, SHIFT_LEFT, SHIFT_RIGHT_LOGICAL,
                     SHIFT_RIGHT_ARITHMETIC, POW, POPCNT, CLZ -> true;
                default -> false;
            };
        }
        if (t == DType.BOOL) {
            return switch (op) {
                case ADD, OR, MAX, MUL, AND, MIN, XOR, SUB, NOT, COPY, FLOOR, CEIL, ROUND_AWAY, ROUND_EVEN, NEG, SQUARE, ABS,
                     SIGN, IS_FINITE, EQ, NE, LT, LE, GT, GE -> true;
                default -> false;
            };
        }
        return switch (op) {
            case EXP, EXP2, LOG, EXPM1, LOG1P, TANH, LOGISTIC, SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, ASINH, ACOSH,
                 ATANH, SQRT, RSQRT, CBRT, ATAN2, NEXTAFTER, ERF, ERFC, ERF_INV, LGAMMA, DIGAMMA -> false;
            default -> true;
        };
    }

    /** The local holding buffer {@code b}'s array. */
    int array(int b) { return arrays.get(b); }

    /** Makes loop {@code level}'s counter read as {@code counter + offset} (unrolled copies). */
    void unroll(int level, int offset) {
        unrollLevel = level;
        unrollOffset = offset;
    }

    /** Forgets the values computed at depth {@code depth} (before another unrolled copy). */
    void forget(Schedule s, int depth) { slots.keySet().removeIf(n -> s.depth(n) == depth); }

    static TypeKind kind(DType t) {
        return switch (t) {
            case FLOAT32 -> TypeKind.FLOAT;
            case FLOAT64 -> TypeKind.DOUBLE;
            default -> TypeKind.INT;
        };
    }

    static ClassDesc arrayDesc(DType t) {
        return switch (t) {
            case FLOAT32 -> CD_float.arrayType();
            case FLOAT64 -> CD_double.arrayType();
            case INT32, UINT32 -> CD_int.arrayType();
            case BOOL -> CD_boolean.arrayType();
            case INT8, UINT8 -> java.lang.constant.ConstantDescs.CD_byte.arrayType();
            case INT16, UINT16 -> java.lang.constant.ConstantDescs.CD_short.arrayType();
            default -> throw new IllegalArgumentException("no bytecode for " + t);
        };
    }

    /** Computes {@code node} into a local, unless it is a counter or a constant (pushed directly). */
    void compute(Object node) {
        if (node instanceof Ix.Loop || node instanceof Ix.Const || node instanceof Expr.Const) return;
        TypeKind k = node instanceof Expr e ? kind(e.type()) : TypeKind.INT;
        switch (node) {
            case Ix.Add a -> { push(a.a()); push(a.b()); code.iadd(); }
            case Ix.Mul m -> { push(m.a()); code.loadConstant(m.c()); code.imul(); }
            case Ix.Div d -> { push(d.a()); code.loadConstant(d.c()); code.idiv(); }
            case Ix.Rem r -> { push(r.a()); code.loadConstant(r.c()); code.irem(); }
            case Ix.Dynamic d -> {
                push(d.value());
                widen(d.value().type());
                code.loadConstant((long) d.lo());
                math("max", MethodTypeDesc.of(CD_long, CD_long, CD_long));
                code.loadConstant((long) d.hi());
                math("min", MethodTypeDesc.of(CD_long, CD_long, CD_long));
                code.l2i();
            }
            case Ix.Clamp c -> {
                push(c.a());
                code.loadConstant(c.lo());
                math("max", II_I);
                code.loadConstant(c.hi());
                math("min", II_I);
            }
            case Expr.Load l -> {
                code.aload(arrays.get(l.buffer()));
                push(l.index());
                code.arrayLoad(elementKind(l.type()));
                if (l.type() == DType.UINT8 || l.type() == DType.UINT16) wrap(l.type());
            }
            case Expr.Lane l -> new LaneEmitter(code, this).emit(l);
            case Expr.Convert c -> { push(c.arg()); convert(c.arg().type(), c.type()); }
            case Expr.Bitcast c -> { push(c.arg()); bitcast(c.arg().type(), c.type()); }
            case Expr.Index i -> { push(i.index()); convert(DType.INT32, i.type()); wrap(i.type()); }
            case Expr.Select s -> { select(s, k); return; }
            case Expr.Threefry t -> {
                // both words at once: the other word's node then finds its value computed
                if (slots.containsKey(t)) return;
                int[] y = ThreefryEmitter.scalar(code, this, t);
                slots.put(t.word() == 0 ? t : t.other(), y[0]);
                slots.put(t.word() == 0 ? t.other() : t, y[1]);
                return;
            }
            default -> throw new IllegalArgumentException("not computable: " + node);
        }
        int slot = code.allocateLocal(k);
        code.storeLocal(k, slot);
        slots.put(node, slot);
    }

    /** Pushes a node's value. */
    void push(Object node) {
        switch (node) {
            case Ix.Loop l -> {
                code.iload(loopSlots[l.level()]);
                if (l.level() == unrollLevel && unrollOffset != 0) {
                    code.loadConstant(unrollOffset);
                    code.iadd();
                }
            }
            case Ix.Const c -> code.loadConstant(c.value());
            case Expr.Const c -> {
                switch (c.type()) {
                    case FLOAT32 -> code.loadConstant((float) c.asDouble());
                    case FLOAT64 -> code.loadConstant(c.asDouble());
                    default -> code.loadConstant(c.type() == DType.BOOL ? (c.asLong() != 0 ? 1 : 0) : (int) c.asLong());
                }
            }
            default -> {
                Integer slot = slots.get(node);
                if (slot == null) throw new IllegalStateException("node not computed: " + node);
                code.loadLocal(node instanceof Expr e ? kind(e.type()) : TypeKind.INT, slot);
            }
        }
    }

    /** Reinterprets the bits of the value on the stack (equal widths), as bitcast_convert_type. */
    void bitcast(DType from, DType to) {
        ClassDesc f = ClassDesc.of("java.lang.Float"), d = ClassDesc.of("java.lang.Double");
        if (from == DType.FLOAT32 && !to.isFloating()) {
            code.invokestatic(f, "floatToRawIntBits", MethodTypeDesc.of(CD_int, CD_float));
        } else if (to == DType.FLOAT32 && !from.isFloating()) {
            code.invokestatic(f, "intBitsToFloat", MethodTypeDesc.of(CD_float, CD_int));
        } else if (from == DType.FLOAT64 && !to.isFloating()) {
            code.invokestatic(d, "doubleToRawLongBits", MethodTypeDesc.of(CD_long, CD_double));
        } else if (to == DType.FLOAT64 && !from.isFloating()) {
            code.invokestatic(d, "longBitsToDouble", MethodTypeDesc.of(CD_double, CD_long));
        } else if (from.isFloating() || to.isFloating()) {
            throw new IllegalArgumentException("bitcast from " + from + " to " + to + " is not emitted");
        } else {
            wrap(to);
        }
    }

    /** Converts the value on the stack from dtype {@code from} to {@code to}, as convert_element_type. */
    void convert(DType from, DType to) {
        if (to == DType.BOOL) {
            if (from == DType.BOOL) return;
            switch (kind(from)) {
                case FLOAT -> { code.fconst_0(); code.fcmpl(); }
                case DOUBLE -> { code.dconst_0(); code.dcmpl(); }
                default -> { }
            }
            bool(code::ifne);
            return;
        }
        TypeKind a = kind(from), b = kind(to);
        if (a == TypeKind.INT && b == TypeKind.INT) {
            wrap(to);
        } else if (a == TypeKind.INT) {
            if (from == DType.UINT32) {
                widen(from);
                code.conversion(TypeKind.LONG, b);
            } else {
                code.conversion(a, b);
            }
        } else if (b == TypeKind.INT) {
            if (to == DType.UINT32) {
                if (a == TypeKind.FLOAT) code.f2d();
                code.invokestatic(ClassDesc.of("dev.jaxvm.compile.Scalars"), "toUint32", MethodTypeDesc.of(CD_int, CD_double));
            } else {
                code.conversion(a, b);
                saturate(to);
            }
        } else if (a != b) {
            code.conversion(a, b);
        }
    }

    /** Clamps the int on the stack (a saturated float conversion) to the range of narrow dtype {@code t}. */
    private void saturate(DType t) {
        int lo, hi;
        switch (t) {
            case INT8 -> { lo = Byte.MIN_VALUE; hi = Byte.MAX_VALUE; }
            case UINT8 -> { lo = 0; hi = 255; }
            case INT16 -> { lo = Short.MIN_VALUE; hi = Short.MAX_VALUE; }
            case UINT16 -> { lo = 0; hi = 65535; }
            default -> { return; }
        }
        code.loadConstant(lo);
        math("max", II_I);
        code.loadConstant(hi);
        math("min", II_I);
    }

    /** Replaces a branch condition on the stack by 0 or 1 on the stack. */
    void bool(Consumer<Label> branchIfTrue) {
        Label t = code.newLabel(), end = code.newLabel();
        branchIfTrue.accept(t);
        code.iconst_0();
        code.goto_(end);
        code.labelBinding(t);
        code.iconst_1();
        code.labelBinding(end);
    }

    private void select(Expr.Select s, TypeKind k) {
        int slot = code.allocateLocal(k);
        push(s.cases().getFirst());
        code.storeLocal(k, slot);
        for (int j = 1; j < s.cases().size(); j++) {
            Label skip = code.newLabel();
            push(s.which());
            code.loadConstant(j);
            code.if_icmplt(skip);
            push(s.cases().get(j));
            code.storeLocal(k, slot);
            code.labelBinding(skip);
        }
        slots.put(s, slot);
    }

    /** Calls {@code Math.name} with the given descriptor. */
    void math(String name, MethodTypeDesc type) { code.invokestatic(MATH, name, type); }

    /** Calls {@code ScalarOp.op.applyDouble(a, b)} on the two doubles on the stack. */
    void applyDoubleOf(ScalarOp op, Runnable pushArgs) {
        code.getstatic(SCALAR_OP, op.name(), SCALAR_OP);
        pushArgs.run();
        code.invokevirtual(SCALAR_OP, "applyDouble", MethodTypeDesc.of(CD_double, CD_double, CD_double));
    }

    /** Calls {@code ScalarOp.op.applyFloat(a, b)} on the two floats pushed by {@code pushArgs}. */
    void applyFloatOf(ScalarOp op, Runnable pushArgs) {
        code.getstatic(SCALAR_OP, op.name(), SCALAR_OP);
        pushArgs.run();
        code.invokevirtual(SCALAR_OP, "applyFloat", MethodTypeDesc.of(CD_float, CD_float, CD_float));
    }

    /** Calls {@code ScalarOp.op.applyLong(t, a, b)} on the two longs pushed by {@code pushArgs}. */
    void applyLongOf(ScalarOp op, DType t, Runnable pushArgs) {
        code.getstatic(SCALAR_OP, op.name(), SCALAR_OP);
        code.getstatic(DTYPE, t.name(), DTYPE);
        pushArgs.run();
        code.invokevirtual(SCALAR_OP, "applyLong", MethodTypeDesc.of(CD_long, DTYPE, CD_long, CD_long));
    }

    static final MethodTypeDesc D_D = MethodTypeDesc.of(CD_double, CD_double);
    static final MethodTypeDesc DD_D = MethodTypeDesc.of(CD_double, CD_double, CD_double);
    static final MethodTypeDesc F_F = MethodTypeDesc.of(CD_float, CD_float);
    static final MethodTypeDesc FF_F = MethodTypeDesc.of(CD_float, CD_float, CD_float);
    static final MethodTypeDesc I_I = MethodTypeDesc.of(CD_int, CD_int);
    static final MethodTypeDesc II_I = MethodTypeDesc.of(CD_int, CD_int, CD_int);
    static final MethodTypeDesc OBJ = MethodTypeDesc.of(CD_Object);
}
