package dev.jaxvm.bench;

import dev.jaxvm.Array;
import dev.jaxvm.Fn2;
import dev.jaxvm.FnN;
import dev.jaxvm.Jax;
import dev.jaxvm.JitFn2;
import dev.jaxvm.JitFnN;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
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
 * The reverse-mode cost benchmarks of issue 4: for three scalar losses, the jitted forward pass
 * ({@code Jax.jit(loss)}) against the jitted gradient ({@code Jax.jit(Jax.grad(loss))}); the goal is a
 * gradient at most 3x the forward pass. Run with {@code bench/run.sh GradBench}; see BENCHMARKS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GradBench {

    /** {@code sum(sin(x) + 2 cos(y))} over 1M float32, gradient with respect to {@code x}. */
    @State(Scope.Benchmark)
    public static class SumSinCos {
        DenseArray x, y;
        JitFn2 forward, grad;

        @Setup
        public void setup() {
            Random r = new Random(1);
            x = CompilerBench.random(r, 1 << 20);
            y = CompilerBench.random(r, 1 << 20);
            Fn2 loss = (a, b) -> Jnp.sum(Jnp.sin(a).add(Jnp.cos(b).mul(2)));
            forward = Jax.jit(loss);
            grad = Jax.jit(Jax.grad(loss, 0));
        }
    }

    @Benchmark
    public Array sumSinCos1MForward(SumSinCos s) { return s.forward.apply(s.x, s.y); }

    @Benchmark
    public Array sumSinCos1MGrad(SumSinCos s) { return s.grad.apply(s.x, s.y); }

    /**
     * A 3-layer tanh MLP 784-512-512-10 on a batch of 256, squared-error loss against targets,
     * gradient with respect to the three weight matrices.
     */
    @State(Scope.Benchmark)
    public static class Mlp {
        Object[] args;
        JitFnN forward, grad;

        @Setup
        public void setup() {
            Random r = new Random(2);
            args = new Object[] {CompilerBench.random(r, 256, 784), scaled(r, 784, 512), scaled(r, 512, 512),
                    scaled(r, 512, 10), CompilerBench.random(r, 256, 10)};
            FnN loss = a -> {
                Array h1 = Lax.tanh(Jnp.matmul(a[0], a[1]));
                Array h2 = Lax.tanh(Jnp.matmul(h1, a[2]));
                Array d = Jnp.matmul(h2, a[3]).sub((Array) a[4]);
                return Jnp.sum(d.mul(d));
            };
            forward = Jax.jitN(loss);
            grad = Jax.jitN(Jax.gradN(loss, 1, 2, 3));
        }

        private static Array scaled(Random r, int in, int out) {
            return CompilerBench.random(r, in, out).mul((float) (1 / (3 * Math.sqrt(in))));
        }
    }

    @Benchmark
    public Object mlp784x512x512x10Forward(Mlp s) { return s.forward.apply(s.args); }

    @Benchmark
    public Object mlp784x512x512x10Grad(Mlp s) { return s.grad.apply(s.args); }

    /**
     * A depthwise 7x7 convolution ("SAME") of a 1x256x256x4 NHWC float32 image with a 7x7x1x4 HWIO
     * kernel; loss = sum of squares of the output, gradient with respect to the kernel.
     */
    @State(Scope.Benchmark)
    public static class Conv {
        DenseArray image, kernel;
        JitFn2 forward, grad;

        @Setup
        public void setup() {
            Random r = new Random(3);
            image = CompilerBench.random(r, 1, 256, 256, 4);
            kernel = CompilerBench.random(r, 7, 7, 1, 4);
            Fn2 loss = (k, img) -> {
                Array y = Lax.convGeneralDilated(img, k, new int[] {1, 1}, "SAME", null, null,
                        new String[] {"NHWC", "HWIO", "NHWC"}, 4, 1, null, null);
                return Jnp.sum(y.mul(y));
            };
            forward = Jax.jit(loss);
            grad = Jax.jit(Jax.grad(loss, 0));
        }
    }

    @Benchmark
    public Array conv7x7DepthwiseForward(Conv s) { return s.forward.apply(s.kernel, s.image); }

    @Benchmark
    public Array conv7x7DepthwiseGrad(Conv s) { return s.grad.apply(s.kernel, s.image); }
}
