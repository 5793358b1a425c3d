package dev.jaxvm.bench;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.JitFn2;
import dev.jaxvm.core.DenseArray;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A quick timing loop over {@link ConvBench}'s cases (not JMH): median and min of the last two thirds
 * of N calls. With {@code -Djaxvm.threads=1 -Dbench.cpu=true} it times the calling thread's CPU time,
 * which a loaded machine disturbs much less than wall time. Arguments: N (default 20), then case names
 * (convF32, convU8ToF32, convU8ToI32, slicesF32, slicesU8; default all; or grad, batch).
 */
public final class ConvTimer {
    private ConvTimer() {}

    private static void time(String name, int reps, boolean cpu, ThreadMXBean bean, Supplier<?> run) {
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = cpu ? bean.getCurrentThreadCpuTime() : System.nanoTime();
            run.get();
            ms[i] = ((cpu ? bean.getCurrentThreadCpuTime() : System.nanoTime()) - t0) / 1e6;
        }
        double[] tail = Arrays.copyOfRange(ms, reps / 3, reps);
        Arrays.sort(tail);
        System.out.printf("%s%s: median %.3f ms, min %.3f ms%n", name, cpu ? " (cpu time)" : "", tail[tail.length / 2], tail[0]);
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        var only = java.util.Set.of(args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new String[0]);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        boolean cpu = Boolean.getBoolean("bench.cpu");
        if (only.contains("batch")) {
            DenseArray[] b = ConvCases.batch();
            JitFn2 f = ConvCases.batchConv();
            time("batch 32x224x224x3 -> 64, 3x3 SAME", reps, cpu, bean, () -> f.apply(b[0], b[1]));
            return;
        }
        if (only.contains("grad")) {
            GradBench.Conv g = new GradBench.Conv();
            g.setup();
            time("conv7x7 loss forward (GradBench)", reps, cpu, bean, () -> g.forward.apply(g.kernel, g.image));
            time("conv7x7 loss grad wrt kernel (GradBench)", reps, cpu, bean, () -> g.grad.apply(g.kernel, g.image));
            return;
        }
        for (int k : new int[] {3, 7}) {
            DenseArray f32 = ConvCases.image(DType.FLOAT32, 0), u8 = ConvCases.image(DType.UINT8, 0);
            DenseArray padded = ConvCases.image(DType.FLOAT32, k / 2), kf = ConvCases.kernel(k, DType.FLOAT32);
            DenseArray paddedU8 = ConvCases.image(DType.UINT8, k / 2);
            DenseArray ki = ConvCases.kernel(k, DType.INT32), filter = ConvCases.filterArray(k);
            JitFn2 conv = ConvCases.conv(DType.FLOAT32), convI = ConvCases.conv(DType.INT32), slices = ConvCases.slices();
            String[] names = {"convF32", "convU8ToF32", "convU8ToI32", "slicesF32", "slicesU8"};
            @SuppressWarnings("unchecked")
            Supplier<Array>[] runs = new Supplier[] {() -> conv.apply(f32, kf), () -> conv.apply(u8, kf), () -> convI.apply(u8, ki),
                    () -> slices.apply(padded, filter), () -> slices.apply(paddedU8, filter)};
            for (int c = 0; c < names.length; c++) {
                if (!only.isEmpty() && !only.contains(names[c])) continue;
                double[] ms = new double[reps];
                for (int i = 0; i < reps; i++) {
                    long t0 = cpu ? bean.getCurrentThreadCpuTime() : System.nanoTime();
                    runs[c].get();
                    ms[i] = ((cpu ? bean.getCurrentThreadCpuTime() : System.nanoTime()) - t0) / 1e6;
                }
                double[] tail = Arrays.copyOfRange(ms, reps / 3, reps);
                Arrays.sort(tail);
                System.out.printf("%s k=%d%s: median %.2f ms, min %.2f ms%n", names[c], k, cpu ? " (cpu time)" : "",
                        tail[tail.length / 2], tail[0]);
            }
        }
    }
}
