package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.lax.Lax;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Manual timing probe of the compiler's sin/cos benchmark (run with -Dtest=SinCosProbe -Dprobe=true, or
 * {@code java -cp core/target/classes:core/target/test-classes ... dev.jaxvm.compile.SinCosProbe}); skipped otherwise.
 */
class SinCosProbe {
    @Test
    void probe() {
        if (Boolean.getBoolean("probe")) main(new String[0]);
    }

    public static void main(String[] args) {
        int n = Integer.getInteger("probe.n", 10_000_000);
        java.util.Random r = new java.util.Random(1);
        float[] xs = new float[n], ys = new float[n];
        for (int i = 0; i < n; i++) { xs[i] = r.nextFloat() * 6 - 3; ys[i] = r.nextFloat() * 6 - 3; }
        ArrayType t = ArrayType.of(DType.FLOAT32, n);
        DenseArray x = DenseArray.wrap(t, xs), y = DenseArray.wrap(t, ys);
        DenseArray two = DenseArray.scalar(DType.FLOAT32, false, 2);
        ClosedJaxpr j = StagingInterpreter.trace(a -> List.of(Lax.add(Lax.sin(a.get(0)), Lax.mul(two, Lax.cos(a.get(1))))),
                List.of(t, t));
        Executable e = Compiler.compile(j);
        if (Boolean.getBoolean("probe.text")) System.out.println(e.asText());
        String ops = System.getProperty("probe.ops", "sincos");
        for (String op : ops.split(",")) {
            ClosedJaxpr k = switch (op) {
                case "tanh" -> StagingInterpreter.trace(a -> List.of(Lax.tanh(a.get(0))), List.of(t));
                case "exp" -> StagingInterpreter.trace(a -> List.of(Lax.exp(a.get(0))), List.of(t));
                case "log" -> StagingInterpreter.trace(a -> List.of(Lax.log(Lax.abs(a.get(0)))), List.of(t));
                case "logistic" -> StagingInterpreter.trace(a -> List.of(Lax.logistic(a.get(0))), List.of(t));
                default -> j;
            };
            Executable ek = Compiler.compile(k);
            List<DenseArray> in = k == j ? List.of(x, y) : List.of(x);
            double best = 1e9;
            for (int i = 0; i < Integer.getInteger("probe.reps", 30); i++) {
                long t0 = System.nanoTime();
                ek.call(in);
                double ms = (System.nanoTime() - t0) / 1e6;
                if (i >= 5) best = Math.min(best, ms);
            }
            System.out.printf("PROBE %s n=%d threads=%d best %.2f ms%n", op, n, Parallel.THREADS, best);
        }
    }
}
