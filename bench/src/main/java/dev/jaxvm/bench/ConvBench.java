package dev.jaxvm.bench;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.JitFn2;
import dev.jaxvm.core.DenseArray;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole-image convolution benchmarks of issue 7 ({@link ConvCases}): the jitted depthwise
 * {@code convGeneralDilated} on float32 and on uint8 converted inside the jitted function, and the
 * {@code Jnp}-slices form, for the 3x3 sharpen and the 7x7 box blur. Run with
 * {@code bench/run.sh ConvBench}; the C peer is {@code tools/bench/conv_c.sh}; see BENCHMARKS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class ConvBench {

    /** One filter size's operands and jitted functions. */
    @State(Scope.Benchmark)
    public static class Case {
        @Param({"3", "7"})
        int k;
        DenseArray f32, u8, padded, paddedU8, kernel, kernelInt, filter;
        JitFn2 convF32, convU8F32, convU8I32, slices;

        @Setup
        public void setup() {
            f32 = ConvCases.image(DType.FLOAT32, 0);
            u8 = ConvCases.image(DType.UINT8, 0);
            padded = ConvCases.image(DType.FLOAT32, k / 2);
            paddedU8 = ConvCases.image(DType.UINT8, k / 2);
            kernel = ConvCases.kernel(k, DType.FLOAT32);
            kernelInt = ConvCases.kernel(k, DType.INT32);
            filter = ConvCases.filterArray(k);
            convF32 = ConvCases.conv(DType.FLOAT32);
            convU8F32 = ConvCases.conv(DType.FLOAT32);
            convU8I32 = ConvCases.conv(DType.INT32);
            slices = ConvCases.slices();
        }
    }

    @Benchmark
    public Array convF32(Case s) { return s.convF32.apply(s.f32, s.kernel); }

    @Benchmark
    public Array convU8ToF32(Case s) { return s.convU8F32.apply(s.u8, s.kernel); }

    @Benchmark
    public Array convU8ToI32(Case s) { return s.convU8I32.apply(s.u8, s.kernelInt); }

    @Benchmark
    public Array slicesF32(Case s) { return s.slices.apply(s.padded, s.filter); }

    /** The slices form on the padded uint8 image (as the demo: uint8 times float32 is float32). */
    @Benchmark
    public Array slicesU8(Case s) { return s.slices.apply(s.paddedU8, s.filter); }

    /** A batch of 32 RGB 224x224 images through a 3x3, 64-output-channel conv. */
    @State(Scope.Benchmark)
    public static class Batch {
        DenseArray[] args;
        JitFn2 conv;

        @Setup
        public void setup() {
            args = ConvCases.batch();
            conv = ConvCases.batchConv();
        }
    }

    @Benchmark
    public Array batch32x224x224x3To64(Batch s) { return s.conv.apply(s.args[0], s.args[1]); }
}
