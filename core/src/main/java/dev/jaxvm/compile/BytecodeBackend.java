package dev.jaxvm.compile;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

import dev.jaxvm.DType;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bytecode backend: one hidden class per loop kernel, with a static method
 * {@code run(Object[] buffers, int lo, int hi)} that runs the outermost loop over {@code [lo, hi)}
 * (for a full reduction: blocks {@code [lo, hi)} of {@link #BLOCK} elements, whose partial results it
 * writes to the output slot). Inner loops are plain counted loops over primitive arrays with
 * loop-invariant work hoisted, which HotSpot's C2 vectorises; reduction loops are unrolled into
 * {@link #UNROLL} accumulators combined by a fixed tree, so results never depend on the thread count.
 */
final class BytecodeBackend {
    /** The elements per block of a full reduction (fixed, so that results do not depend on threads). */
    static final int BLOCK = 1 << 14;
    /** Independent accumulators of a reduction loop. */
    static final int UNROLL = 8;
    /** The type of the generated method. */
    static final MethodType TYPE = MethodType.methodType(void.class, Object[].class, int.class, int.class);

    private static final ClassDesc GENERATED = ClassDesc.of("dev.jaxvm.compile.GeneratedKernel");
    private static final MethodTypeDesc RUN = MethodTypeDesc.of(CD_void, CD_Object.arrayType(), CD_int, CD_int);

    private BytecodeBackend() {}

    /** Whether every dtype and operation of {@code k} has bytecode; else it runs in the reference backend. */
    static String unsupported(Kernel k) {
        Expr body = switch (k) {
            case Kernel.Map m -> m.body();
            case Kernel.Reduce r -> r.body();
            case Kernel.Library l -> null;
            case Kernel.Fallback f -> null;
        };
        if (body == null) return "not a loop kernel";
        if (k instanceof Kernel.Reduce r && r.body().type() == DType.UINT32 && (r.op() == dev.jaxvm.core.ScalarOp.MAX
                || r.op() == dev.jaxvm.core.ScalarOp.MIN)) {
            return "unsigned 32-bit max/min reduction";
        }
        if (k instanceof Kernel.Reduce r && r.body().type().isFloating()
                && (r.op() == dev.jaxvm.core.ScalarOp.AND || r.op() == dev.jaxvm.core.ScalarOp.OR
                || r.op() == dev.jaxvm.core.ScalarOp.XOR)) {
            return "bitwise reduction of floats";
        }
        return unsupported(body, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static String unsupported(Expr e, Set<Expr> seen) {
        if (!seen.add(e)) return null;
        if (!NodeEmitter.supported(e.type())) return "dtype " + e.type() + " is not emitted";
        if (e instanceof Expr.Lane l && !NodeEmitter.supported(l.op(), l.operandType())) {
            return l.op().name().toLowerCase() + " on " + l.operandType() + " is not emitted";
        }
        for (Expr x : Exprs.children(e)) {
            String why = unsupported(x, seen);
            if (why != null) return why;
        }
        return null;
    }

    /** Generates, loads and returns the kernel's {@code run} method (SIMD inner loops where the Vector API is present). */
    static Generated compile(Kernel k) { return compile(k, VectorEmitter.AVAILABLE); }

    /**
     * A generated kernel.
     *
     * @param run the {@code run(Object[], int, int)} method
     * @param simd whether its innermost loop uses the Vector API
     */
    record Generated(MethodHandle run, boolean simd) {}

    /** Generates, loads and returns the kernel's {@code run} method, with or without explicit SIMD. */
    static Generated compile(Kernel k, boolean simd) {
        boolean[] usedSimd = new boolean[1];
        byte[] bytes = ClassFile.of().build(GENERATED, cb -> cb
                .withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER)
                .withMethodBody("run", RUN, ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, code -> {
                    switch (k) {
                        case Kernel.Map m -> usedSimd[0] = new Body(code, simd).map(m);
                        case Kernel.Reduce r -> usedSimd[0] = new Body(code, simd).reduce(r);
                        case Kernel.Library l -> throw new IllegalArgumentException("not a loop kernel");
                        case Kernel.Fallback f -> throw new IllegalArgumentException("not a loop kernel");
                    }
                }));
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return new Generated(lookup.findStatic(lookup.lookupClass(), "run", TYPE), usedSimd[0]);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load generated kernel", e);
        }
    }

    /** The accumulator dtype of a reduction of values of dtype {@code t}. */
    static DType accumulator(DType t) {
        return switch (t) {
            case FLOAT32, FLOAT64 -> DType.FLOAT64;
            default -> DType.INT32;
        };
    }

    /** Emits one method body. */
    private static final class Body {
        private final CodeBuilder code;
        private final Map<Integer, Integer> arrays = new TreeMap<>();
        private final Schedule schedule = new Schedule();
        private int[] loopSlots;
        private final boolean simd;
        private boolean usedSimd;
        private NodeEmitter nodes;

        Body(CodeBuilder code, boolean simd) {
            this.code = code;
            this.simd = simd;
        }

        private void prologue(List<Expr> roots, int out, DType outArray, int levels) {
            collectBuffers(roots);
            for (var e : bufferType.entrySet()) loadArray(e.getKey(), e.getValue());
            loadArray(out, outArray);
            loopSlots = new int[levels];
            for (int l = 0; l < levels; l++) loopSlots[l] = code.allocateLocal(TypeKind.INT);
            nodes = new NodeEmitter(code, arrays, loopSlots);
            computeAt(-1);
        }

        private final Map<Integer, DType> bufferType = new TreeMap<>();

        private void collectBuffers(List<Expr> roots) {
            for (Expr e : roots) Exprs.forEachLoad(e, l -> bufferType.put(l.buffer(), l.type()));
        }

        private void loadArray(int buffer, DType t) {
            code.aload(0);
            code.loadConstant(buffer);
            code.aaload();
            code.checkcast(NodeEmitter.arrayDesc(t));
            int slot = code.allocateLocal(TypeKind.REFERENCE);
            code.astore(slot);
            arrays.put(buffer, slot);
        }

        private void computeAt(int depth) { for (Object n : schedule.at(depth)) nodes.compute(n); }

        /** {@code for (c = from; c < to; c++) body}, where from/to push ints (from null: continue from c). */
        private void loop(int level, Runnable from, Runnable to, Runnable body) {
            int c = loopSlots[level];
            if (from != null) {
                from.run();
                code.istore(c);
            }
            Label top = code.newLabel(), end = code.newLabel();
            code.iload(c);
            to.run();
            code.if_icmpge(end);
            code.labelBinding(top);   // guarded, tested at the bottom (see nest)
            body.run();
            code.iinc(c, 1);
            code.iload(c);
            to.run();
            code.if_icmplt(top);
            code.labelBinding(end);
        }

        private Runnable constant(int v) { return () -> code.loadConstant(v); }

        /** Emits a map kernel; returns whether its innermost loop is SIMD. */
        boolean map(Kernel.Map m) {
            int[] dims = m.dims().dims();
            List<Ix> loops = new ArrayList<>();
            for (int l = 0; l < dims.length; l++) loops.add(new Ix.Loop(l, dims[l]));
            Ix store = Ix.linearize(loops, dims);
            schedule.add(m.body());
            schedule.add(store);
            prologue(List.of(m.body()), m.out(), m.body().type(), dims.length);
            Ix.Loop inner = (Ix.Loop) loops.getLast();
            DType t = m.body().type();
            boolean vector = simd && VectorEmitter.vectorOutput(t) && VectorEmitter.unitStride(store, inner)
                    && schedule.at(inner.level()).stream().allMatch(n -> VectorEmitter.vectorizable(n, inner, t))
                    && schedule.depth(m.body()) == inner.level();
            Runnable simdBody = !vector ? null : () -> {
                VectorEmitter v = new VectorEmitter(code, nodes, t, false);
                for (Object n : schedule.at(inner.level())) v.compute(n);
                v.storeInto(m.body(), m.out(), store);
            };
            nest(0, dims, simdBody, VectorEmitter.lanes(t, false), () -> {
                code.aload(arrays.get(m.out()));
                nodes.push(store);
                nodes.push(m.body());
                code.arrayStore(NodeEmitter.elementKind(t));
            });
            code.return_();
            return vector;
        }

        private void nest(int level, int[] dims, Runnable innermost) { nest(level, dims, null, 1, innermost); }

        /** The loop nest from {@code level}; with {@code simdBody}, the innermost loop runs it first, {@code lanes} at a time. */
        private void nest(int level, int[] dims, Runnable simdBody, int lanes, Runnable innermost) {
            if (level == dims.length) {
                innermost.run();
                return;
            }
            Runnable from = level == 0 ? () -> code.iload(1) : constant(0);
            Runnable to = level == 0 ? () -> code.iload(2) : constant(dims[level]);
            if (simdBody != null && level == dims.length - 1) {
                int c = loopSlots[level];
                from.run();
                code.istore(c);
                // guarded, tested at the bottom: C2 need not rotate it by partial peeling, which gives up
                // ("too many clones") on long bodies such as the written-out threefry rounds
                Label top = code.newLabel(), end = code.newLabel();
                int last = code.allocateLocal(TypeKind.INT);   // c < to - lanes + 1 (no overflow: 0 <= to)
                to.run(); code.loadConstant(lanes - 1); code.isub(); code.istore(last);
                code.iload(c); code.iload(last); code.if_icmpge(end);
                code.labelBinding(top);
                simdBody.run();
                code.iinc(c, lanes);
                code.iload(c); code.iload(last); code.if_icmplt(top);
                code.labelBinding(end);
                nodes.forget(schedule, level);
                from = null;
            }
            loop(level, from, to, () -> {
                computeAt(level);
                nest(level + 1, dims, simdBody, lanes, innermost);
            });
        }

        /** Emits a reduction kernel; returns whether its innermost loop is SIMD. */
        boolean reduce(Kernel.Reduce r) {
            int[] kept = r.kept().dims();
            int[] red = r.reduced().dims();
            int levels = kept.length + red.length;
            List<Ix> loops = new ArrayList<>();
            for (int l = 0; l < kept.length; l++) loops.add(new Ix.Loop(l, kept[l]));
            Ix store = Ix.linearize(loops, kept);
            schedule.add(r.body());
            schedule.add(store);
            DType acc = accumulator(r.body().type());
            boolean full = kept.length == 0;
            prologue(List.of(r.body()), r.out(), full ? acc : r.body().type(), levels);
            Reduction red2 = new Reduction(code, nodes, r.op(), r.body().type(), acc);
            if (!full) {
                nest(0, kept, () -> {
                    red2.init();
                    reducedLoops(kept.length, red, red2, r.body(), -1, -1);
                    red2.combine();
                    code.aload(arrays.get(r.out()));
                    nodes.push(store);
                    red2.pushResult(r.body().type());
                    code.arrayStore(NodeEmitter.elementKind(r.body().type()));
                });
            } else {
                int blk = code.allocateLocal(TypeKind.INT);
                int start = code.allocateLocal(TypeKind.INT);
                int end = code.allocateLocal(TypeKind.INT);
                Label top = code.newLabel(), done = code.newLabel();
                code.iload(1);
                code.istore(blk);
                code.labelBinding(top);
                code.iload(blk);
                code.iload(2);
                code.if_icmpge(done);
                red2.init();
                if (red.length == 1) {
                    code.iload(blk); code.loadConstant(BLOCK); code.imul(); code.istore(start);
                    code.iload(start); code.loadConstant(BLOCK); code.iadd(); code.loadConstant(red[0]);
                    nodes.math("min", NodeEmitter.II_I);
                    code.istore(end);
                    reducedLoops(0, red, red2, r.body(), start, end);
                } else {
                    reducedLoops(0, red, red2, r.body(), -1, -1);
                }
                red2.combine();
                code.aload(arrays.get(r.out()));
                code.iload(blk);
                red2.pushAccumulator();
                code.arrayStore(NodeEmitter.kind(acc));
                code.iinc(blk, 1);
                code.goto_(top);
                code.labelBinding(done);
            }
            code.return_();
            return usedSimd;
        }

        /** A Vector API loop over the innermost reduced counter, when its body has a SIMD form. */
        private void simdReduction(int level, int extent, Reduction acc, Expr body, Runnable ub) {
            DType t = body.type();
            Ix.Loop inner = new Ix.Loop(level, extent);
            if (!simd || !VectorEmitter.reducible(acc.op(), t) || schedule.depth(body) != level
                    || !schedule.at(level).stream().allMatch(n -> VectorEmitter.vectorizable(n, inner, t))) {
                return;
            }
            usedSimd = true;
            int lanes = VectorEmitter.lanes(t, true);
            int c = loopSlots[level];
            VectorEmitter v = new VectorEmitter(code, nodes, t, true);
            int[] vacc = v.reduceInit(acc.op());
            Label top = code.newLabel(), end = code.newLabel();
            code.labelBinding(top);
            code.iload(c); code.loadConstant(lanes); code.iadd(); ub.run(); code.if_icmpgt(end);
            for (Object n : schedule.at(level)) v.compute(n);
            v.reduceStep(acc.op(), body, vacc);
            code.iinc(c, lanes);
            code.goto_(top);
            code.labelBinding(end);
            if (lanes == 16) {   // 16 float32 lanes: one more 8-lane block, as at 256 bits (same order, same bits)
                Label after = code.newLabel();
                code.iload(c); code.loadConstant(8); code.iadd(); ub.run(); code.if_icmpgt(after);
                nodes.forget(schedule, level);
                v.forget();
                v.low8();
                for (Object n : schedule.at(level)) v.compute(n);
                v.reduceStep(acc.op(), body, vacc);
                code.iinc(c, 8);
                code.labelBinding(after);
            }
            v.reduceFinish(acc.op(), vacc, acc);
            nodes.forget(schedule, level);
        }

        /** The reduced loops from {@code level}; the last is unrolled. Bounds slots override (0, extent) when >= 0. */
        private void reducedLoops(int level, int[] red, Reduction acc, Expr body, int startSlot, int endSlot) {
            int first = loopSlots.length - red.length;
            if (red.length == 0) {
                acc.accumulate(0, body);
                return;
            }
            int k = level - first;
            if (level < loopSlots.length - 1) {
                loop(level, constant(0), constant(red[k]), () -> {
                    computeAt(level);
                    reducedLoops(level + 1, red, acc, body, startSlot, endSlot);
                });
                return;
            }
            Runnable lb = startSlot >= 0 ? () -> code.iload(startSlot) : constant(0);
            Runnable ub = endSlot >= 0 ? () -> code.iload(endSlot) : constant(red[k]);
            int c = loopSlots[level];
            lb.run();
            code.istore(c);
            simdReduction(level, red[k], acc, body, ub);
            Label main = code.newLabel(), tail = code.newLabel(), done = code.newLabel();
            code.labelBinding(main);
            code.iload(c); code.loadConstant(UNROLL); code.iadd(); ub.run(); code.if_icmpgt(tail);
            for (int u = 0; u < UNROLL; u++) {
                nodes.unroll(level, u);
                nodes.forget(schedule, level);
                computeAt(level);
                acc.accumulate(u, body);
            }
            code.iinc(c, UNROLL);
            code.goto_(main);
            code.labelBinding(tail);
            code.iload(c); ub.run(); code.if_icmpge(done);
            nodes.unroll(level, 0);
            nodes.forget(schedule, level);
            computeAt(level);
            acc.accumulate(0, body);
            code.iinc(c, 1);
            code.goto_(tail);
            code.labelBinding(done);
            nodes.unroll(-1, 0);
            nodes.forget(schedule, level);
        }
    }
}
