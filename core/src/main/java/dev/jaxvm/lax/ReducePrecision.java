package dev.jaxvm.lax;

import dev.jaxvm.core.Ints;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import dev.jaxvm.core.Trace;
import dev.jaxvm.compile.Expr;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ScalarOp;
import java.util.List;

/**
 * {@code reduce_precision}: rounds floats to a format with fewer exponent and mantissa bits (to
 * nearest even; overflow to infinity, underflow to signed zero; NaN stays NaN), staying in the
 * operand's dtype. {@code reduce_precision[exponent_bits=8 mantissa_bits=7]} emulates bfloat16.
 *
 * @param exponentBits the exponent width of the emulated format, at least 1
 * @param mantissaBits the mantissa width of the emulated format, at least 0
 */
public record ReducePrecision(int exponentBits, int mantissaBits) implements UnaryPrimitive, Batchable, Linear, Lowerable {
    /** @throws IllegalArgumentException on a non-positive exponent or negative mantissa width */
    public ReducePrecision {
        if (exponentBits < 1) {
            throw new IllegalArgumentException("reduce_precision: exponent_bits must be positive; got " + exponentBits);
        }
        if (mantissaBits < 0) {
            throw new IllegalArgumentException("reduce_precision: mantissa_bits must be non-negative; got " + mantissaBits);
        }
    }

    @Override
    public String name() { return "reduce_precision"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        DTypeRule.arity(name(), in, 1);
        DTypeRule.FLOATING.check(name(), in);
        return List.of(in.getFirst());
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
        DenseArray x = in.getFirst();
        ArrayType t = out.getFirst();
        DType d = t.dtype();
        int[] format = format(d);
        Object data = Storage.allocate(d, t.size());
        for (int i = 0; i < t.size(); i++) {
            long bits = BitcastConvertType.rawBits(x, i);
            long r = Double.isNaN(x.getDouble(i)) ? bits : reduceBits(bits, format[0], format[1], format[2]);
            BitcastConvertType.setRawBits(d, data, i, r);
        }
        return List.of(DenseArray.wrap(t, data));
    }

    /** XLA's bit algorithm (ReducePrecisionInsertion / EmitReducePrecisionIR). */
    private long reduceBits(long x, int nbits, int srcExp, int srcMant) {
        if (mantissaBits < srcMant) {
            int shift = srcMant - mantissaBits;
            long lastBitMask = 1L << shift;
            long baseBias = (lastBitMask >>> 1) - 1;
            long lastBit = (x & lastBitMask) >>> shift;
            long truncation = ~(lastBitMask - 1);
            x = (x + lastBit + baseBias) & truncation;
            if (nbits < 64) x &= (1L << nbits) - 1;
        }
        if (exponentBits < srcExp) {
            long signMask = 1L << (nbits - 1);
            long expMask = ((1L << srcExp) - 1) << srcMant;
            long bias = (1L << (srcExp - 1)) - 1;
            long reducedBias = (1L << (exponentBits - 1)) - 1;
            long maxExp = bias + reducedBias;
            long minExp = bias - reducedBias;
            long exp = x & expMask;
            long signedZero = x & signMask;
            if (Long.compareUnsigned(exp, maxExp << srcMant) > 0) x = signedZero | expMask;
            else if (Long.compareUnsigned(exp, minExp << srcMant) <= 0) x = signedZero;
        }
        return x;
    }

    /** Per element: the same op, the same batch axis. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.perElement(this, args, dims); }

    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        return List.of(Trace.bind1(this, cts.getFirst()));
    }

    /**
     * An index map of XLA's bit algorithm on the float's bits (bitcast to the signed integer of its
     * width, integer lane operations, selects), fused like any elementwise op.
     */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
        DType d = in.getFirst().dtype();
        int[] f = format(d);
        int nbits = f[0], srcExp = f[1], srcMant = f[2];
        DType it = switch (nbits) {
            case 16 -> DType.INT16;
            case 32 -> DType.INT32;
            default -> DType.INT64;
        };
        return new Lowering.IndexMap((idx, ops) -> {
            Expr v = ops.read(0, idx);
            Expr bits = new Expr.Bitcast(v, it);
            Expr x = bits;
            if (mantissaBits < srcMant) {
                int shift = srcMant - mantissaBits;
                long lastBitMask = 1L << shift;
                Expr lastBit = Expr.lane(ScalarOp.AND, Expr.lane(ScalarOp.SHIFT_RIGHT_LOGICAL, x, k(it, shift)), k(it, 1));
                x = Expr.lane(ScalarOp.ADD, Expr.lane(ScalarOp.ADD, x, lastBit), k(it, (lastBitMask >>> 1) - 1));
                x = Expr.lane(ScalarOp.AND, x, k(it, ~(lastBitMask - 1)));
            }
            if (exponentBits < srcExp) {
                long expMask = ((1L << srcExp) - 1) << srcMant;
                long bias = (1L << (srcExp - 1)) - 1, reducedBias = (1L << (exponentBits - 1)) - 1;
                Expr exp = Expr.lane(ScalarOp.AND, x, k(it, expMask));
                Expr signedZero = Expr.lane(ScalarOp.AND, x, k(it, 1L << (nbits - 1)));
                Expr inf = Expr.lane(ScalarOp.OR, signedZero, k(it, expMask));
                // exponent fields are non-negative in the signed type: signed comparisons are the unsigned ones
                Expr over = Expr.lane(ScalarOp.GT, exp, k(it, (bias + reducedBias) << srcMant));
                Expr under = Expr.lane(ScalarOp.LE, exp, k(it, (bias - reducedBias) << srcMant));
                x = new Expr.Select(over, List.of(new Expr.Select(under, List.of(x, signedZero)), inf));
            }
            Expr nan = Expr.lane(ScalarOp.NE, v, v);
            return new Expr.Bitcast(new Expr.Select(nan, List.of(x, bits)), d);
        });
    }

    /** A constant of the integer type {@code t}, wrapped to its width. */
    private static Expr k(DType t, long v) {
        long w = switch (t.bits()) {
            case 16 -> (short) v;
            case 32 -> (int) v;
            default -> v;
        };
        return new Expr.Const(t, w, w);
    }

    /** (total bits, exponent bits, mantissa bits) of a floating dtype. */
    private static int[] format(DType d) {
        return switch (d) {
            case FLOAT16 -> new int[] {16, 5, 10};
            case BFLOAT16 -> new int[] {16, 8, 7};
            case FLOAT32 -> new int[] {32, 8, 23};
            case FLOAT64 -> new int[] {64, 11, 52};
            case BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FLOAT0 ->
                    throw new IllegalStateException("reduce_precision on " + d);
        };
    }
}
