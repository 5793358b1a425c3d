package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Storage;

/**
 * The plain-loops backend: interprets a loop kernel element by element, with the reference
 * evaluation's arithmetic (floats in double, rounded to their dtype after each operation; integers
 * wrapped to their width). It defines the kernel IR's semantics and is the compiled code's oracle.
 */
final class ReferenceBackend {
    private final Object[] bufs;
    private final int[] loops;

    private ReferenceBackend(Object[] bufs, int depth) {
        this.bufs = bufs;
        this.loops = new int[depth];
    }

    /** Runs a {@link Kernel.Map} or {@link Kernel.Reduce} on the buffers (outputs already allocated). */
    static void run(Kernel k, Object[] bufs) {
        switch (k) {
            case Kernel.Map m -> new ReferenceBackend(bufs, m.dims().rank()).map(m);
            case Kernel.Reduce r -> new ReferenceBackend(bufs, r.kept().rank() + r.reduced().rank()).reduce(r);
            case Kernel.Library l -> throw new IllegalArgumentException("not a loop kernel");
            case Kernel.Fallback f -> throw new IllegalArgumentException("not a loop kernel");
        }
    }

    private void map(Kernel.Map m) {
        DType t = m.body().type();
        Object out = bufs[m.out()];
        int n = m.dims().size();
        int[] d = m.dims().dims();
        for (int i = 0; i < n; i++) {
            unravel(i, d, 0);
            if (t.isFloating()) Storage.setDouble(t, out, i, evalD(m.body()));
            else Storage.setLong(t, out, i, evalL(m.body()));
        }
    }

    private void reduce(Kernel.Reduce r) {
        DType t = r.body().type();
        Object out = bufs[r.out()];
        int[] kd = r.kept().dims();
        int[] rd = r.reduced().dims();
        int nk = r.kept().size();
        int nr = r.reduced().size();
        ScalarOp op = r.op();
        for (int o = 0; o < nk; o++) {
            unravel(o, kd, 0);
            if (t.isFloating()) {
                double acc = Scalars.identityDouble(op);
                for (int j = 0; j < nr; j++) {
                    unravel(j, rd, kd.length);
                    acc = op.applyDouble(acc, evalD(r.body()));
                }
                Storage.setDouble(t, out, o, acc);
            } else {
                long acc = Scalars.identityLong(op, t);
                for (int j = 0; j < nr; j++) {
                    unravel(j, rd, kd.length);
                    acc = op.applyLong(t, acc, evalL(r.body()));
                }
                Storage.setLong(t, out, o, Scalars.wrap(t, acc));
            }
        }
    }

    private void unravel(int flat, int[] dims, int first) {
        for (int k = dims.length - 1; k >= 0; k--) {
            loops[first + k] = dims[k] == 0 ? 0 : flat % dims[k];
            flat = dims[k] == 0 ? 0 : flat / dims[k];
        }
    }

    private int index(Ix x, int[] loops) {
        return switch (x) {
            case Ix.Dynamic d -> (int) Math.min(d.hi(), Math.max(d.lo(), evalL(d.value())));
            case Ix.Loop l -> loops[l.level()];
            case Ix.Const c -> c.value();
            case Ix.Add a -> index(a.a(), loops) + index(a.b(), loops);
            case Ix.Mul m -> index(m.a(), loops) * m.c();
            case Ix.Div d -> Math.floorDiv(index(d.a(), loops), d.c());
            case Ix.Rem r -> Math.floorMod(index(r.a(), loops), r.c());
            case Ix.Clamp c -> Math.min(c.hi(), Math.max(c.lo(), index(c.a(), loops)));
        };
    }

    /** The value of a floating-dtype expression. */
    private double evalD(Expr e) {
        return switch (e) {
            case Expr.Load l -> Storage.getDouble(l.type(), bufs[l.buffer()], index(l.index(), loops));
            case Expr.Const c -> c.asDouble();
            case Expr.Lane l -> {
                double a = asDouble(l.args().get(0));
                double b = l.args().size() > 1 ? asDouble(l.args().get(1)) : 0;
                DType t = l.operandType();
                boolean f32 = t == DType.FLOAT32 || t == DType.FLOAT16 || t == DType.BFLOAT16;
                yield Scalars.round(t, f32 && l.op().hasFloat32Form()
                        ? l.op().applyFloat((float) a, (float) b) : l.op().applyDouble(a, b));
            }
            case Expr.Convert c -> convertD(c);
            case Expr.Bitcast c -> switch (c.type()) {
                case FLOAT32 -> Float.intBitsToFloat((int) evalL(c.arg()));
                case FLOAT16 -> Float.float16ToFloat((short) evalL(c.arg()));
                case BFLOAT16 -> Float.intBitsToFloat(((int) evalL(c.arg()) & 0xFFFF) << 16);
                default -> Double.longBitsToDouble(evalL(c.arg()));
            };
            case Expr.Select s -> evalD(s.cases().get(choice(s)));
            case Expr.Index i -> index(i.index(), loops);
            case Expr.Threefry t -> throw new IllegalArgumentException("threefry2x32 is uint32");
        };
    }

    /** The value of an integer- or bool-dtype expression. */
    private long evalL(Expr e) {
        return switch (e) {
            case Expr.Load l -> Storage.getLong(l.type(), bufs[l.buffer()], index(l.index(), loops));
            case Expr.Const c -> c.asLong();
            case Expr.Lane l -> {
                if (l.operandType().isFloating()) {
                    double a = evalD(l.args().get(0));
                    double b = l.args().size() > 1 ? evalD(l.args().get(1)) : 0;
                    yield l.op().applyDouble(a, b) != 0 ? 1 : 0;
                }
                long a = evalL(l.args().get(0));
                long b = l.args().size() > 1 ? evalL(l.args().get(1)) : 0;
                long r = l.op().applyLong(l.operandType(), a, b);
                yield l.op().predicate() ? r : Scalars.wrap(l.operandType(), r);
            }
            case Expr.Convert c -> convertL(c);
            case Expr.Bitcast c -> Scalars.wrap(c.type(), switch (c.arg().type()) {
                case FLOAT32 -> Float.floatToRawIntBits((float) evalD(c.arg()));
                case FLOAT64 -> Double.doubleToRawLongBits(evalD(c.arg()));
                case FLOAT16 -> Float.floatToFloat16((float) evalD(c.arg()));
                case BFLOAT16 -> Float.floatToRawIntBits((float) evalD(c.arg())) >>> 16;
                default -> evalL(c.arg());
            });
            case Expr.Select s -> evalL(s.cases().get(choice(s)));
            case Expr.Index i -> Scalars.wrap(i.type(), index(i.index(), loops));
            case Expr.Threefry t -> {
                long y = ThreefryKernel.block((int) evalL(t.k0()), (int) evalL(t.k1()), (int) evalL(t.x0()), (int) evalL(t.x1()));
                yield (t.word() == 0 ? y : y >>> 32) & 0xFFFFFFFFL;
            }
        };
    }

    private double asDouble(Expr e) {
        return e.type().isFloating() ? evalD(e) : Scalars.toDouble(e.type(), evalL(e));
    }

    private int choice(Expr.Select s) {
        long k = evalL(s.which());
        return (int) Math.max(0, Math.min(s.cases().size() - 1, k));
    }

    private double convertD(Expr.Convert c) {
        Object tmp = Storage.allocate(c.type(), 1);
        Storage.setDouble(c.type(), tmp, 0, asDouble(c.arg()));
        return Storage.getDouble(c.type(), tmp, 0);
    }

    private long convertL(Expr.Convert c) {
        DType from = c.arg().type();
        Object tmp = Storage.allocate(c.type(), 1);
        if (from.isFloating()) Storage.setDouble(c.type(), tmp, 0, evalD(c.arg()));
        else if (c.type() == DType.BOOL) Storage.setBoolean(c.type(), tmp, 0, evalL(c.arg()) != 0);
        else Storage.setLong(c.type(), tmp, 0, evalL(c.arg()));
        return Storage.getLong(c.type(), tmp, 0);
    }
}
