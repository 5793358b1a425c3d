package dev.jaxvm.bench;

import dev.jaxvm.DType;
import dev.jaxvm.compile.Compiler;
import dev.jaxvm.compile.Executable;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.lax.Lax;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The compiler's benchmarks (issue 6): each runs a compiled program, or an eager operation, on
 * float32 data. Run with {@code bench/run.sh}; see BENCHMARKS.md for the floors and the peers.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CompilerBench {

    static DenseArray random(Random r, int... shape) {
        ArrayType t = ArrayType.of(DType.FLOAT32, shape);
        float[] a = new float[t.size()];
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() * 6 - 3;
        return DenseArray.wrap(t, a);
    }

    static Executable compile(java.util.function.Function<List<dev.jaxvm.Array>, List<dev.jaxvm.Array>> f,
                              DenseArray... args) {
        List<ArrayType> types = java.util.Arrays.stream(args).map(DenseArray::type).toList();
        ClosedJaxpr j = StagingInterpreter.trace(xs -> f.apply(xs), types);
        return Compiler.compile(j);
    }

    /** {@code sin(x) + 2*cos(y)} on 10M float32: one fused pass. */
    @State(Scope.Benchmark)
    public static class SinCos {
        DenseArray x, y;
        Executable e;

        @Setup
        public void setup() {
            Random r = new Random(1);
            x = random(r, 10_000_000);
            y = random(r, 10_000_000);
            DenseArray two = DenseArray.scalar(DType.FLOAT32, false, 2);
            e = compile(xs -> List.of(Lax.add(Lax.sin(xs.get(0)), Lax.mul(two, Lax.cos(xs.get(1))))), x, y);
        }
    }

    @Benchmark
    public List<DenseArray> sinPlusTwoCos10M(SinCos s) { return s.e.call(List.of(s.x, s.y)); }

    /** The sum of 10M float32. */
    @State(Scope.Benchmark)
    public static class Sum {
        DenseArray x;
        Executable e;

        @Setup
        public void setup() {
            x = random(new Random(2), 10_000_000);
            e = compile(xs -> List.of(Lax.reduceSum(xs.get(0), 0)), x);
        }
    }

    @Benchmark
    public List<DenseArray> sum10M(Sum s) { return s.e.call(List.of(s.x)); }

    /** Eager {@code add} of two 1M float32 arrays (a cached one-equation program). */
    @State(Scope.Benchmark)
    public static class EagerAdd {
        DenseArray x, y;

        @Setup
        public void setup() {
            Random r = new Random(3);
            x = random(r, 1_000_000);
            y = random(r, 1_000_000);
        }
    }

    @Benchmark
    public dev.jaxvm.Array eagerAdd1M(EagerAdd s) { return Lax.add(s.x, s.y); }

    /** A compiled call with three small arguments: the per-call overhead. */
    @State(Scope.Benchmark)
    public static class SmallCall {
        DenseArray a, b, c;
        Executable e;
        List<DenseArray> args;

        @Setup
        public void setup() {
            Random r = new Random(4);
            a = random(r, 3);
            b = random(r, 3);
            c = random(r, 3);
            e = compile(xs -> List.of(Lax.add(Lax.mul(xs.get(0), xs.get(1)), xs.get(2))), a, b, c);
            args = List.of(a, b, c);
        }
    }

    /** The compiled program's own call (no jit dispatch). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<DenseArray> compiledCall3Small(SmallCall s) { return s.e.call(s.args); }

    /** A jitted function with three small arguments ({@code Jax.jit}): trace-cache lookup, bind, compiled call. */
    @State(Scope.Benchmark)
    public static class JitCall {
        DenseArray a, b, c;
        dev.jaxvm.JitFn3 f;

        @Setup
        public void setup() {
            Random r = new Random(4);
            a = random(r, 3);
            b = random(r, 3);
            c = random(r, 3);
            f = dev.jaxvm.Jax.jit((dev.jaxvm.Fn3) (x, y, z) -> Lax.add(Lax.mul(x, y), z));
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public dev.jaxvm.Array jittedCall3Small(JitCall s) { return s.f.apply(s.a, s.b, s.c); }

    /** Softmax over the rows of a 4096x4096 float32 matrix: {@code e = exp(x - max(x, 1)); e / sum(e, 1)}. */
    @State(Scope.Benchmark)
    public static class Softmax {
        DenseArray x;
        Executable e;

        @Setup
        public void setup() {
            x = random(new Random(5), 4096, 4096);
            e = compile(xs -> {
                int[] shape = {4096, 4096};
                dev.jaxvm.Array m = Lax.broadcastInDim(Lax.reduceMax(xs.get(0), 1), shape, 0);
                dev.jaxvm.Array ex = Lax.exp(Lax.sub(xs.get(0), m));
                dev.jaxvm.Array s = Lax.reduceSum(ex, 1);
                return List.of(Lax.div(ex, Lax.broadcastInDim(s, new int[] {4096, 4096}, 0)));
            }, x);
        }
    }

    @Benchmark
    public List<DenseArray> softmaxRows4096(Softmax s) { return s.e.call(List.of(s.x)); }

    /** A 1024x1024 float32 matrix product: a jitted dot_general, which lowers to the {@code Gemm} library kernel. */
    @State(Scope.Benchmark)
    public static class Matmul {
        DenseArray a, b;
        Executable e;

        @Setup
        public void setup() {
            Random r = new Random(6);
            a = random(r, 1024, 1024);
            b = random(r, 1024, 1024);
            e = compile(xs -> List.of(Lax.dotGeneral(xs.get(0), xs.get(1), dev.jaxvm.lax.DotDimensionNumbers.of(
                    new int[] {1}, new int[] {0}, new int[] {}, new int[] {}))), a, b);
        }
    }

    @Benchmark
    public List<DenseArray> matmul1024(Matmul s) { return s.e.call(List.of(s.a, s.b)); }
}
