package dev.jaxvm.compile;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Manual probe: VectorMath's sin + 2 cos in a plain Java loop, one thread (no kernel machinery). */
final class MathLoopProbe {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;

    static void loop(float[] x, float[] y, float[] o) {
        for (int i = 0; i + 8 <= x.length; i += 8) {
            FloatVector a = FloatVector.fromArray(F, x, i), b = FloatVector.fromArray(F, y, i);
            VectorMath.sin(a).add(VectorMath.cos(b).mul(2f)).intoArray(o, i);
        }
    }

    public static void main(String[] args) {
        int n = 10_000_000;
        java.util.Random r = new java.util.Random(1);
        float[] x = new float[n], y = new float[n], o = new float[n];
        for (int i = 0; i < n; i++) { x[i] = r.nextFloat() * 6 - 3; y[i] = r.nextFloat() * 6 - 3; }
        double best = 1e9;
        for (int i = 0; i < 40; i++) {
            long t0 = System.nanoTime();
            loop(x, y, o);
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        System.out.printf("PROBE loop 1 thread best %.2f ms%n", best);
    }
}
