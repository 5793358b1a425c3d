package dev.jaxvm.compile;

import static java.lang.constant.ConstantDescs.CD_int;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;

/**
 * Emits the Threefry-2x32 block function ({@link Expr.Threefry}) inline in scalar loops: 20 rounds of
 * add, rotate and xor with a key injection every 4 on int locals, exactly as {@link ThreefryKernel#hash},
 * both words of one block at once; in SIMD loops, the same rounds as Vector API calls on {@code IntVector}
 * locals ({@link #vector}), written out into the kernel so that C2 compiles the hash as part of it
 * (a call to a helper holding the rounds must be inlined by C2, or its vectors are boxed).
 */
final class ThreefryEmitter {
    private static final int PARITY = 0x1BD11BDA;
    private static final int[][] ROTATIONS = {{13, 15, 26, 6}, {17, 29, 16, 24}};
    private static final ClassDesc INTEGER = ClassDesc.of("java.lang.Integer");

    private static final String PKG = "jdk.incubator.vector.";
    private static final ClassDesc INT_VECTOR = ClassDesc.of(PKG + "IntVector");
    private static final ClassDesc OPS = ClassDesc.of(PKG + "VectorOperators");
    private static final ClassDesc BINARY = ClassDesc.of(PKG + "VectorOperators$Binary");
    private static final ClassDesc ASSOCIATIVE = ClassDesc.of(PKG + "VectorOperators$Associative");
    private static final MethodTypeDesc WITH_VECTOR = MethodTypeDesc.of(INT_VECTOR, BINARY, ClassDesc.of(PKG + "Vector"));
    private static final MethodTypeDesc WITH_INT = MethodTypeDesc.of(INT_VECTOR, BINARY, CD_int);

    private ThreefryEmitter() {}

    /**
     * The block of the four {@code IntVector}s on the stack (k0, k1, x0, x1) as straight-line Vector API
     * calls; leaves word {@code out} on the stack (0 y0, 1 y1, 2 y0 ^ y1: one hash for both words).
     * Rotations are {@code lanewise(ROL, r)}: one {@code vprold} on AVX-512, two shifts and an or on AVX2.
     */
    static void vector(CodeBuilder code, int out) {
        int[] in = new int[4];
        for (int i = 3; i >= 0; i--) {
            in[i] = code.allocateLocal(TypeKind.REFERENCE);
            code.astore(in[i]);
        }
        int[] ks = {in[0], in[1], code.allocateLocal(TypeKind.REFERENCE)};
        code.aload(ks[0]); binary(code, "XOR", ASSOCIATIVE); code.aload(ks[1]); code.invokevirtual(INT_VECTOR, "lanewise", WITH_VECTOR);
        binary(code, "XOR", ASSOCIATIVE); code.loadConstant(PARITY); code.invokevirtual(INT_VECTOR, "lanewise", WITH_INT);
        code.astore(ks[2]);
        int a = code.allocateLocal(TypeKind.REFERENCE), b = code.allocateLocal(TypeKind.REFERENCE);
        add(code, in[2], ks[0], a);
        add(code, in[3], ks[1], b);
        for (int g = 1; g <= 5; g++) {
            for (int r : ROTATIONS[(g - 1) % 2]) {
                add(code, a, b, a);
                code.aload(b); binary(code, "ROL", BINARY); code.loadConstant(r); code.invokevirtual(INT_VECTOR, "lanewise", WITH_INT);
                binary(code, "XOR", ASSOCIATIVE); code.aload(a); code.invokevirtual(INT_VECTOR, "lanewise", WITH_VECTOR);
                code.astore(b);
            }
            add(code, a, ks[g % 3], a);
            add(code, b, ks[(g + 1) % 3], b);
            code.aload(b); binary(code, "ADD", ASSOCIATIVE); code.loadConstant(g); code.invokevirtual(INT_VECTOR, "lanewise", WITH_INT);
            code.astore(b);
        }
        code.aload(out == 1 ? b : a);
        if (out == 2) {
            binary(code, "XOR", ASSOCIATIVE); code.aload(b); code.invokevirtual(INT_VECTOR, "lanewise", WITH_VECTOR);
        }
    }

    /** {@code slots[to] = slots[x] + slots[y]} on int vectors. */
    private static void add(CodeBuilder code, int x, int y, int to) {
        code.aload(x); binary(code, "ADD", ASSOCIATIVE); code.aload(y); code.invokevirtual(INT_VECTOR, "lanewise", WITH_VECTOR);
        code.astore(to);
    }

    /** Pushes {@code VectorOperators.<name>} (a field of type {@code type}, passed as a {@code Binary}). */
    private static void binary(CodeBuilder code, String name, ClassDesc type) { code.getstatic(OPS, name, type); }

    /** The block's words into two int locals; returns their slots (y0, y1). */
    static int[] scalar(CodeBuilder code, NodeEmitter nodes, Expr.Threefry t) {
        int[] ks = new int[3];
        for (int i = 0; i < 2; i++) {
            nodes.push(i == 0 ? t.k0() : t.k1());
            ks[i] = code.allocateLocal(TypeKind.INT);
            code.istore(ks[i]);
        }
        code.iload(ks[0]); code.iload(ks[1]); code.ixor(); code.loadConstant(PARITY); code.ixor();
        ks[2] = code.allocateLocal(TypeKind.INT);
        code.istore(ks[2]);
        int a = code.allocateLocal(TypeKind.INT), b = code.allocateLocal(TypeKind.INT);
        nodes.push(t.x0()); code.iload(ks[0]); code.iadd(); code.istore(a);
        nodes.push(t.x1()); code.iload(ks[1]); code.iadd(); code.istore(b);
        for (int g = 1; g <= 5; g++) {
            for (int r : ROTATIONS[(g - 1) % 2]) {
                code.iload(a); code.iload(b); code.iadd(); code.istore(a);
                code.iload(b); code.loadConstant(r);
                code.invokestatic(INTEGER, "rotateLeft", MethodTypeDesc.of(CD_int, CD_int, CD_int));
                code.iload(a); code.ixor(); code.istore(b);
            }
            code.iload(a); code.iload(ks[g % 3]); code.iadd(); code.istore(a);
            code.iload(b); code.iload(ks[(g + 1) % 3]); code.iadd(); code.loadConstant(g); code.iadd(); code.istore(b);
        }
        return new int[] {a, b};
    }
}
