package dev.jaxvm.compile;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The runs of a {@link Stencil} with the Vector API: four vectors of outputs stay in registers while
 * each term's shifted input is multiplied by its broadcast weight and added (two rounded operations,
 * as the fused loop), tails element by element. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class StencilSimd {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_128;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_512;

    private StencilSimd() {}

    /** {@code n} uint8 elements from {@code from} as float32, 16 at a time (zero-extended, then converted). */
    static void convertUint8(byte[] b, int from, float[] to, int n) {
        int i = 0;
        if (F.length() == 16) {
            for (; i + 16 <= n; i += 16) {
                IntVector v = (IntVector) ByteVector.fromArray(B, b, from + i).convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
                ((FloatVector) v.convert(VectorOperators.I2F, 0)).intoArray(to, i);
            }
        }
        for (; i < n; i++) to[i] = b[from + i] & 0xFF;
    }

    static void row(float[] x, int inBase, int[] off, float[] w, float[] dst, int out, int run) {
        int l = F.length(), n = off.length, j = 0;
        for (; j + 4 * l <= run; j += 4 * l) {
            int s = inBase + off[0] + j;
            FloatVector w0 = FloatVector.broadcast(F, w[0]);
            FloatVector a0 = FloatVector.fromArray(F, x, s).mul(w0), a1 = FloatVector.fromArray(F, x, s + l).mul(w0);
            FloatVector a2 = FloatVector.fromArray(F, x, s + 2 * l).mul(w0), a3 = FloatVector.fromArray(F, x, s + 3 * l).mul(w0);
            for (int t = 1; t < n; t++) {
                int q = inBase + off[t] + j;
                FloatVector wt = FloatVector.broadcast(F, w[t]);
                a0 = a0.add(FloatVector.fromArray(F, x, q).mul(wt));
                a1 = a1.add(FloatVector.fromArray(F, x, q + l).mul(wt));
                a2 = a2.add(FloatVector.fromArray(F, x, q + 2 * l).mul(wt));
                a3 = a3.add(FloatVector.fromArray(F, x, q + 3 * l).mul(wt));
            }
            a0.intoArray(dst, out + j);
            a1.intoArray(dst, out + j + l);
            a2.intoArray(dst, out + j + 2 * l);
            a3.intoArray(dst, out + j + 3 * l);
        }
        Stencil.scalar(x, inBase, off, w, dst, out, j, run);
    }
}
