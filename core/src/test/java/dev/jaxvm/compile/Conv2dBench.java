package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.lax.ConvDimensionNumbers;
import dev.jaxvm.lax.ConvGeneralDilated;
import dev.jaxvm.lax.Pads;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A quick timing loop (not a test): the demo's 1498x2078x4 depthwise 3x3 and 7x7 convolutions by the
 * compiled kernel, or by the reference evaluation (second argument {@code reference}).
 */
final class Conv2dBench {
    private Conv2dBench() {}

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        boolean reference = args.length > 1 && args[1].equals("reference");
        for (DType t : new DType[] {DType.FLOAT32, DType.INT32}) {
            for (int k : new int[] {3, 7}) {
                int p = k / 2;
                ConvGeneralDilated conv = new ConvGeneralDilated(Ints.of(1, 1), Pads.of(new int[][] {{p, p}, {p, p}}),
                        Ints.of(1, 1), Ints.of(1, 1), ConvDimensionNumbers.of("NHWC", "HWIO", "NHWC"), 4, 1, null, null);
                ArrayType lt = ArrayType.of(t, 1, 1498, 2078, 4), rt = ArrayType.of(t, k, k, 1, 4);
                ArrayType out = conv.abstractEval(List.of(lt, rt)).getFirst();
                LibraryKernel kernel = ((Lowering.Library) conv.lower(List.of(lt, rt), List.of(out))).kernel();
                List<DenseArray> in = List.of(Oracle.random(lt, new Random(1)), Oracle.random(rt, new Random(2)));
                double[] ms = new double[reps];
                for (int i = 0; i < reps; i++) {
                    long t0 = System.nanoTime();
                    if (reference) conv.evaluate(in, List.of(out));
                    else kernel.run(in, List.of(out));
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                double[] tail = Arrays.copyOfRange(ms, reps / 3, reps);
                Arrays.sort(tail);
                System.out.printf("%s%s %dx%d threads=%d: median %.1f ms, min %.1f ms%n", reference ? "reference " : "", t, k, k, Parallel.THREADS,
                        tail[tail.length / 2], tail[0]);
            }
        }
    }
}
