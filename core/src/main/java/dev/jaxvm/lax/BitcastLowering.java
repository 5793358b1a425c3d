package dev.jaxvm.lax;

import dev.jaxvm.DType;
import dev.jaxvm.compile.Expr;
import dev.jaxvm.compile.Ix;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.ScalarOp;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bitcast_convert_type} as an index map of integer operations, little-endian as the reference:
 * equal widths reinterpret; a narrower target takes the piece {@code k} (the trailing output index)
 * of the element's bits, shifted and truncated; a wider target ORs the zero-extended pieces of the
 * operand's trailing axis, each shifted into place.
 */
final class BitcastLowering {
    private BitcastLowering() {}

    static Lowering lower(DType from, DType to) {
        if (from == to) return new Lowering.IndexMap((idx, x) -> x.read(0, idx));
        int fb = from.bits(), tb = to.bits();
        if (fb == tb && from.isFloating() && to.isFloating()) {   // float16 <-> bfloat16: through the bits
            return new Lowering.IndexMap((idx, x) -> cast(cast(x.read(0, idx), signed(fb)), to));
        }
        if (fb == tb) return new Lowering.IndexMap((idx, x) -> cast(x.read(0, idx), to));
        if (fb > tb) {
            DType wide = signed(fb);
            return new Lowering.IndexMap((idx, x) -> {
                Ix k = idx.getLast();
                Expr bits = cast(x.read(0, idx.subList(0, idx.size() - 1)), wide);
                Expr shift = Expr.convert(new Expr.Index(Ix.mul(k, tb), DType.INT32), wide);
                Expr piece = Expr.lane(ScalarOp.SHIFT_RIGHT_LOGICAL, bits, shift);
                return cast(Expr.convert(piece, signed(tb)), to);
            });
        }
        DType wide = signed(tb);
        int ratio = tb / fb;
        return new Lowering.IndexMap((idx, x) -> {
            Expr acc = null;
            for (int k = 0; k < ratio; k++) {
                List<Ix> at = new ArrayList<>(idx);
                at.add(Ix.of(k));
                Expr piece = Expr.convert(cast(x.read(0, at), unsigned(fb)), wide);
                if (k > 0) piece = Expr.lane(ScalarOp.SHIFT_LEFT, piece, new Expr.Const(wide, fb * k, fb * k));
                acc = acc == null ? piece : Expr.lane(ScalarOp.OR, acc, piece);
            }
            return cast(acc, to);
        });
    }

    /** {@code x}'s bits as {@code t} (same width); itself when the dtype already matches. */
    private static Expr cast(Expr x, DType t) { return x.type() == t ? x : new Expr.Bitcast(x, t); }

    private static DType signed(int bits) {
        return switch (bits) {
            case 8 -> DType.INT8;
            case 16 -> DType.INT16;
            case 32 -> DType.INT32;
            default -> DType.INT64;
        };
    }

    private static DType unsigned(int bits) {
        return switch (bits) {
            case 8 -> DType.UINT8;
            case 16 -> DType.UINT16;
            case 32 -> DType.UINT32;
            default -> DType.UINT64;
        };
    }
}
