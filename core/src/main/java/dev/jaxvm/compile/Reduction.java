package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;

/**
 * Emits the accumulators of a reduction loop: {@link BytecodeBackend#UNROLL} independent partial
 * results (float32 values accumulate in double), combined by a fixed pairwise tree.
 */
final class Reduction {
    private final CodeBuilder code;
    private final NodeEmitter nodes;
    private final ScalarOp op;
    private final DType value;
    private final DType acc;
    private final TypeKind kind;
    private final int[] slots = new int[BytecodeBackend.UNROLL];

    Reduction(CodeBuilder code, NodeEmitter nodes, ScalarOp op, DType value, DType acc) {
        this.code = code;
        this.nodes = nodes;
        this.op = op;
        this.value = value;
        this.acc = acc;
        this.kind = NodeEmitter.kind(acc);
        for (int u = 0; u < slots.length; u++) slots[u] = code.allocateLocal(kind);
    }

    /** The combining operation. */
    ScalarOp op() { return op; }

    void init() {
        for (int slot : slots) {
            if (acc.isFloating()) code.loadConstant(Scalars.identityDouble(op));
            else code.loadConstant((int) Scalars.identityLong(op, value));
            code.storeLocal(kind, slot);
        }
    }

    /** {@code acc[u] = op(acc[u], body)}. */
    void accumulate(int u, Expr body) {
        code.loadLocal(kind, slots[u]);
        nodes.push(body);
        if (value == DType.FLOAT32) code.f2d();
        combineTop();
        code.storeLocal(kind, slots[u]);
    }

    /** {@code acc[0] = op(acc[0], value)} for a double accumulator and a double value pushed by {@code push}. */
    void accumulateDouble(Runnable push) {
        code.loadLocal(kind, slots[0]);
        push.run();
        combineTop();
        code.storeLocal(kind, slots[0]);
    }

    /** Combines the two accumulator values on the stack. */
    private void combineTop() {
        boolean bool = value == DType.BOOL;
        if (kind == TypeKind.DOUBLE) {
            switch (op) {
                case ADD -> code.dadd();
                case MUL -> code.dmul();
                case MAX -> nodes.math("max", NodeEmitter.DD_D);
                case MIN -> nodes.math("min", NodeEmitter.DD_D);
                default -> throw new IllegalArgumentException("no float reduction " + op);
            }
            return;
        }
        switch (op) {
            case ADD -> { if (bool) code.ior(); else code.iadd(); }
            case MUL -> { if (bool) code.iand(); else code.imul(); }
            case MAX -> { if (bool) code.ior(); else nodes.math("max", NodeEmitter.II_I); }
            case MIN -> { if (bool) code.iand(); else nodes.math("min", NodeEmitter.II_I); }
            case AND -> code.iand();
            case OR -> code.ior();
            case XOR -> code.ixor();
            default -> throw new IllegalArgumentException("no reduction " + op);
        }
    }

    /** Folds the accumulators into the first by a fixed pairwise tree. */
    void combine() {
        for (int stride = 1; stride < slots.length; stride *= 2) {
            for (int j = 0; j + stride < slots.length; j += 2 * stride) {
                code.loadLocal(kind, slots[j]);
                code.loadLocal(kind, slots[j + stride]);
                combineTop();
                code.storeLocal(kind, slots[j]);
            }
        }
    }

    /** Pushes the combined accumulator. */
    void pushAccumulator() { code.loadLocal(kind, slots[0]); }

    /** Pushes the combined accumulator converted to the value dtype. */
    void pushResult(DType t) {
        pushAccumulator();
        if (t == DType.FLOAT32) code.d2f();
    }
}
