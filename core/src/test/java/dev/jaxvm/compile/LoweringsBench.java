package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.lax.Argmax;
import dev.jaxvm.lax.Cumsum;
import dev.jaxvm.lax.Gather;
import dev.jaxvm.lax.GatherDimensionNumbers;
import dev.jaxvm.lax.GatherScatterMode;
import dev.jaxvm.lax.Pads;
import dev.jaxvm.lax.ReduceWindowMax;
import dev.jaxvm.lax.ReduceWindowSum;
import dev.jaxvm.lax.SelectAndScatterAdd;
import dev.jaxvm.lax.ScatterAdd;
import dev.jaxvm.lax.ScatterDimensionNumbers;
import dev.jaxvm.lax.Sort;
import dev.jaxvm.lax.TopK;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A quick timing loop (not a test): the compiled one-equation programs of sort, top_k, argmax,
 * cumsum, gather and scatter-add on float32 arrays of a few million elements, against the
 * primitives' reference evaluation (what compiled programs ran before). Threads: {@code -Djaxvm.threads}.
 */
final class LoweringsBench {
    private LoweringsBench() {}

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        boolean reference = args.length > 1 && args[1].equals("reference");
        Random r = new Random(1);
        ArrayType x = ArrayType.of(DType.FLOAT32, 1000, 1000);
        DenseArray xs = Oracle.random(x, r);
        DenseArray idx = LoweringsCompiledTest.indices(ArrayType.of(DType.INT32, 1_000_000, 1), 0, 999_999, r);
        DenseArray flat = Oracle.random(ArrayType.of(DType.FLOAT32, 1_000_000), r);
        GatherDimensionNumbers gdn = new GatherDimensionNumbers(Ints.EMPTY, Ints.of(0), Ints.of(0));
        ScatterDimensionNumbers sdn = new ScatterDimensionNumbers(Ints.EMPTY, Ints.of(0), Ints.of(0), Ints.EMPTY, Ints.EMPTY);
        time("sort rows f32[1000,1000]", new Sort(1, true, 1), List.of(xs), reps, reference);
        time("sort f32[1000000]", new Sort(0, true, 1), List.of(flat), reps, reference);
        time("top_k k=10 rows f32[1000,1000]", new TopK(1, 10), List.of(xs), reps, reference);
        time("argmax rows f32[1000,1000]", new Argmax(Ints.of(1), DType.INT32), List.of(xs), reps, reference);
        time("argmax cols f32[1000,1000]", new Argmax(Ints.of(0), DType.INT32), List.of(xs), reps, reference);
        time("cumsum rows f32[1000,1000]", new Cumsum(1, false), List.of(xs), reps, reference);
        time("cumsum cols f32[1000,1000]", new Cumsum(0, false), List.of(xs), reps, reference);
        time("gather 1M of f32[1000000]", new Gather(gdn, null, false, GatherScatterMode.CLIP, Ints.of(1), false),
                List.of(flat, idx), reps, reference);
        time("scatter-add 1M into f32[1000000]", new ScatterAdd(sdn, false, GatherScatterMode.FILL_OR_DROP, false, DType.FLOAT32),
                List.of(flat, idx, flat), reps, reference);
        DenseArray img = Oracle.random(ArrayType.of(DType.FLOAT32, 8, 128, 128, 64), r);
        Ints ones = Ints.of(1, 1, 1, 1), win = Ints.of(1, 2, 2, 1);
        time("max pool 2x2 f32[8,128,128,64]", new ReduceWindowMax(ones, Pads.zeros(4), ones, win, win), List.of(img), reps, reference);
        DenseArray pooled = Oracle.random(ArrayType.of(DType.FLOAT32, 8, 64, 64, 64), r);
        time("max pool 2x2 gradient (select_and_scatter_add)", new SelectAndScatterAdd(Pads.zeros(4), SelectAndScatterAdd.Select.GE, win, win),
                List.of(pooled, img), reps, reference);
        time("sum pool 2x2 f32[8,128,128,64]", new ReduceWindowSum(ones, Pads.zeros(4), ones, win, win), List.of(img), reps, reference);
    }

    private static void time(String what, Primitive p, List<DenseArray> in, int reps, boolean reference) {
        List<ArrayType> out = p.abstractEval(in.stream().map(DenseArray::type).toList());
        Executable e = Compiler.compile(Compiler.oneEquation(p, in.stream().map(DenseArray::type).toList(), out));
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            if (reference) p.evaluate(in, out);
            else e.call(in);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] tail = Arrays.copyOfRange(ms, reps / 3, reps);
        Arrays.sort(tail);
        System.out.printf("%s%-36s threads=%d: median %.2f ms, min %.2f ms%n", reference ? "reference " : "", what, Parallel.THREADS,
                tail[tail.length / 2], tail[0]);
    }
}
