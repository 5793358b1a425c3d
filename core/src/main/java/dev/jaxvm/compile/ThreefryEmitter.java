package dev.jaxvm.compile;

import static java.lang.constant.ConstantDescs.CD_int;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;

/**
 * Emits the Threefry-2x32 block function ({@link Expr.Threefry}) inline in scalar loops: 20 rounds of
 * add, rotate and xor with a key injection every 4 on int locals, exactly as {@link ThreefryKernel#hash},
 * both words of one block at once. (SIMD loops call {@link VectorInts}' form.)
 */
final class ThreefryEmitter {
    private static final int PARITY = 0x1BD11BDA;
    private static final int[][] ROTATIONS = {{13, 15, 26, 6}, {17, 29, 16, 24}};
    private static final ClassDesc INTEGER = ClassDesc.of("java.lang.Integer");

    private ThreefryEmitter() {}

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
