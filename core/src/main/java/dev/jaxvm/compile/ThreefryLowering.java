package dev.jaxvm.compile;

import dev.jaxvm.core.ArrayType;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiled form of {@code threefry2x32}: each output word is a lane operation of the loop IR
 * ({@link Expr.Threefry}), so the counters (an iota) come from the loop index and the hash feeds the
 * sampler's tail in registers, one pass writing only the result; where both words are materialised
 * (eager calls), the {@link ThreefryKernel} library kernel computes them in one pass.
 * Other primitives built on the hash (a fused {@code random_bits}, say) can build their element
 * expressions with {@link #word}.
 *
 * {@snippet :
 * Lowering l = ThreefryLowering.lowering(in, out);                    // fusible, one rule per word
 * Expr bits = Expr.lane(ScalarOp.XOR, ThreefryLowering.word(k0, k1, hi, lo, 0), ThreefryLowering.word(k0, k1, hi, lo, 1));
 * }
 */
public final class ThreefryLowering {
    private ThreefryLowering() {}

    /**
     * The lowering of {@code threefry2x32} on operand types {@code in} (uint32, broadcast to {@code out}):
     * fusible word maps when every operand is full-size or a single word, else a reference evaluation.
     */
    public static Lowering lowering(List<ArrayType> in, List<ArrayType> out) {
        ArrayType o = out.getFirst();
        if (!ThreefryKernel.supports(in, o)) {
            return new Lowering.NotLowerable("threefry2x32 with operands broadcast along some axes only " + in);
        }
        if (Boolean.getBoolean("jaxvm.threefry_library")) return new Lowering.Library(new ThreefryKernel());
        List<Lowering.IndexMapRule> rules = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int word = w;
            rules.add((index, ops) -> {
                Expr[] a = new Expr[4];
                for (int k = 0; k < 4; k++) a[k] = ops.read(k, broadcast(ops.type(k), o, index));
                return word(a[0], a[1], a[2], a[3], word);
            });
        }
        return new Lowering.MultiMap(rules, new ThreefryKernel());
    }

    /** Word {@code w} (0 or 1) of the block of key {@code (k0, k1)} and counter {@code (x0, x1)}, all uint32. */
    public static Expr word(Expr k0, Expr k1, Expr x0, Expr x1, int w) { return new Expr.Threefry(k0, k1, x0, x1, w); }

    /** The operand index of an operand of size 1 or of the output's size (row-major, any shape). */
    private static List<Ix> broadcast(ArrayType operand, ArrayType out, List<Ix> index) {
        if (operand.size() == 1) {
            List<Ix> zeros = new ArrayList<>();
            for (int d = 0; d < operand.rank(); d++) zeros.add(Ix.of(0));
            return zeros;
        }
        if (operand.shape().equals(out.shape())) return index;
        throw new IllegalArgumentException("threefry2x32 operand " + operand + " for output " + out);
    }
}
