package dev.jaxvm.cli;

import dev.jaxvm.Array;
import dev.jaxvm.Jax;
import dev.jaxvm.Fn2;
import dev.jaxvm.DType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.image.Images;
import dev.jaxvm.image.Rounding;
import dev.jaxvm.numpy.Jnp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./jaxvm demo}: the classic JAX introduction (sharpen and blur a 1498x2078 RGBA photo) run
 * three ways, timed and checked pixel for pixel, plus its Jaxpr and gradient examples.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The convolution demo: the classic JAX introduction three ways, with pictures.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "out", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--image", description = "input image (default: the bundled ladybird photo)")
    Path image;

    @Option(names = "--budget", defaultValue = "30",
            description = "seconds the per-pixel loop may run per filter before it stops and extrapolates (default: ${DEFAULT-VALUE})")
    double budget;

    @Option(names = "--eager-rows", defaultValue = "4",
            description = "rows the loop without jit runs before it extrapolates (default: ${DEFAULT-VALUE})")
    int eagerRows;

    @Option(names = "--warmup-rows", defaultValue = "64",
            description = "rows the jitted per-pixel loop runs untimed first, so that the JVM compiles its hot paths"
                    + " (default: ${DEFAULT-VALUE}; 0 times the cold first pass)")
    int warmupRows;

    /** One timed way of one filter; {@code warmup} is the untimed warm-up pass's seconds (0 for none). */
    record Run(double seconds, boolean extrapolated, int rows, String check, int warmupRows, double warmup, double cpu) {}

    @Override
    public Integer call() throws IOException {
        Array img = load();
        int h = img.shape()[0];
        int w = img.shape()[1];
        System.out.printf(Locale.ROOT, "Image: %s (%s), %,d pixels%n", dev.jaxvm.core.Py.tuple(img.shape()), img.dtype(),
                (long) h * w);
        Files.createDirectories(out);
        List<String> names = List.of("sharpen 3x3 (int32)", "blur 7x7 (float32)");
        List<Array> filters = List.of(Filters.sharpen(), Filters.box(7));
        String[][] cells = new String[4][2];
        List<Array> outputs = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            Array filter = filters.get(f);
            System.out.println("\n== " + names.get(f));
            Fn2 conv = Jax.jit((Fn2) Ways::depthwiseConv).named("depthwise_conv");
            Fn2 slices = Jax.jit((Fn2) Ways::slices).named("slices");
            long t0 = System.nanoTime();
            Array ref = conv.apply(img, filter);
            double tConvFirst = seconds(t0);
            double tConv = median(() -> conv.apply(img, filter));
            DenseArray padded = Ways.pad(img, filter.shape()[0] / 2);
            t0 = System.nanoTime();
            Array viaSlices = slices.apply(padded, filter);
            double tSlicesFirst = seconds(t0);
            double tSlices = median(() -> slices.apply(padded, filter));
            cells[2][f] = time(tConv, false) + " (median; first call " + time(tConvFirst, false) + "), reference";
            cells[3][f] = time(tSlices, false) + " (median; first call " + time(tSlicesFirst, false) + "), " + compare(ref, viaSlices, 0);
            System.out.println("3. whole image: convGeneralDilated " + time(tConv, false) + ", Jnp slices " + time(tSlices, false)
                    + " (medians of " + TIMED_CALLS + " calls after the first; the first ones, which trace and compile: " + time(tConvFirst, false) + ", "
                    + time(tSlicesFirst, false) + ")");

            Run jitted = loop(img, filter, Jax.jit((Fn2) Ways::executeKernel).named("execute_kernel"), ref,
                    "per-pixel, jitted executeKernel", h, budget, warmupRows);
            cells[0][f] = time(jitted.seconds, jitted.extrapolated) + " (CPU " + time(jitted.cpu, false) + ")"
                    + rowsNote(jitted, h) + warmupNote(jitted) + ", " + jitted.check;
            Run eager = loop(img, filter, Ways::executeKernel, ref, "per-pixel, eager", Math.min(h, eagerRows), budget, 0);
            cells[1][f] = time(eager.seconds, eager.extrapolated) + rowsNote(eager, h) + ", " + eager.check;
            outputs.add(ref);
        }
        printTable(names, cells, h);
        Images.write(outputs.get(0), out.resolve("sharpened.png"));
        Images.write(outputs.get(1), out.resolve("blurred.png"));
        DenseArray side = Pictures.sideBySide(List.of(img, outputs.get(1), outputs.get(0)));
        Images.write(side, out.resolve("comparison.png"));
        Images.write(Pictures.rgb(Pictures.shrink(side, 10)), out.resolve("comparison-small.png"));
        int y0 = image == null ? 600 : Math.max(0, h / 2 - 160);
        int x0 = image == null ? 1340 : Math.max(0, w / 2 - 220);
        List<Array> details = new ArrayList<>();
        for (Array a : List.of(img, outputs.get(1), outputs.get(0))) {
            details.add(a.get(dev.jaxvm.Index.slice(y0, Math.min(h, y0 + 320)), dev.jaxvm.Index.slice(x0, Math.min(w, x0 + 440))));
        }
        Images.write(Pictures.rgb(Pictures.shrink(Pictures.sideBySide(details), 2)), out.resolve("comparison-detail.png"));
        System.out.println("\nWrote " + out.resolve("sharpened.png") + ", " + out.resolve("blurred.png") + ", "
                + out.resolve("comparison.png") + " (original | blurred | sharpened), comparison-small.png (1/10 scale)"
                + " and comparison-detail.png (a detail at 1/2 scale)");

        Array patch = img.get(dev.jaxvm.Index.slice(0, 3), dev.jaxvm.Index.slice(0, 3), dev.jaxvm.Index.ALL);
        System.out.println("\nThe Jaxpr of executeKernel(P: u8[3,3,4], F: i32[3,3]):");
        System.out.println(Jax.makeJaxpr(Jax.jit((Fn2) Ways::executeKernel).named("execute_kernel")).apply(patch, Filters.sharpen()));

        gradients();
        return 0;
    }

    private Array load() throws IOException {
        if (image != null) return Images.read(image);
        try (InputStream in = DemoCommand.class.getResourceAsStream("data/ladybird-1498x2078.png")) {
            if (in == null) throw new IOException("the bundled image data/ladybird-1498x2078.png is missing from the demo jar");
            return Images.read(in, "ladybird-1498x2078.png (bundled, GPL-2+: see data/SOURCES.md)");
        }
    }

    /**
     * The per-pixel loop over the first {@code rows} rows, stopping after {@code budget} seconds; first,
     * untimed, over {@code warmupRows} rows (the JVM's JIT compilers need some 10^5 calls to compile
     * the call path; their work would otherwise be timed as the loop's).
     */
    private static Run loop(Array img, Array filter, Fn2 kernel, Array ref, String label, int rows, double budget,
            int warmupRows) {
        int h = img.shape()[0];
        int warm = Math.min(rows, warmupRows);
        double warmup = 0;
        if (warm > 0) {
            long w0 = System.nanoTime();
            Ways.perPixel(Ways.pad(img, filter.shape()[0] / 2), filter, kernel, 0, warm, i -> { });
            warmup = seconds(w0);
            System.out.printf(Locale.ROOT, "%s: warm-up over %d rows, untimed: %s%n", label, warm, time(warmup, false));
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int done = 0;
        List<Array> parts = new ArrayList<>();
        DenseArray padded = Ways.pad(img, filter.shape()[0] / 2);   // once, as the introduction does
        try (ProgressBar pb = new ProgressBarBuilder().setTaskName(label).setInitialMax(rows)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" rows", 1).continuousUpdate().build()) {
            while (done < rows && seconds(t0) < budget) {
                int r1 = Math.min(rows, done + 1);
                parts.add(Ways.perPixel(padded, filter, kernel, done, r1, i -> pb.step()));
                done = r1;
            }
        }
        double s = seconds(t0);
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        Array got = parts.size() == 1 ? parts.getFirst() : Jnp.stack(parts, 0).reshape(done, img.shape()[1], img.shape()[2]);
        Array want = ref.get(dev.jaxvm.Index.slice(0, done));
        boolean partial = done < h;
        double scale = partial ? (double) h / done : 1;
        return new Run(s * scale, partial, done, compare(want, got, 0), warm, warmup, cpu * scale);
    }

    /** "same pixels" when both round to the same uint8 image; also reports raw differences. */
    static String compare(Array want, Array got, int unused) {
        boolean same = java.util.Arrays.equals((byte[]) Images.toUint8(want, Rounding.NEAREST_EVEN).buffer(),
                (byte[]) Images.toUint8(got, Rounding.NEAREST_EVEN).buffer());
        String raw;
        if (want.dtype().isFloating()) {
            float[] a = want.toFloatArray();
            float[] b = got.toFloatArray();
            long ulps = 0;
            for (int i = 0; i < a.length; i++) ulps = Math.max(ulps, Math.abs((long) Float.floatToIntBits(a[i]) - Float.floatToIntBits(b[i])));
            raw = ulps == 0 ? "bit-identical" : "within " + ulps + " ulp";
        } else {
            raw = java.util.Arrays.equals(want.toIntArray(), got.toIntArray()) ? "bit-identical" : "values differ";
        }
        return (same ? "same pixels" : "DIFFERENT pixels") + " (" + raw + ")";
    }

    private static String warmupNote(Run r) {
        return r.warmupRows == 0 ? "" : ", after " + r.warmupRows + " warm-up rows (" + time(r.warmup, false) + ")";
    }

    private static String rowsNote(Run r, int h) {
        return r.extrapolated ? " (" + r.rows + " of " + h + " rows, extrapolated)" : "";
    }

    private static void printTable(List<String> names, String[][] cells, int h) {
        String[] ways = {"1. classic per-pixel loop, jitted executeKernel", "2. the same loop without jit",
            "3a. whole image, jitted depthwise convGeneralDilated",
            "3b. whole image, jitted Jnp slices"};
        System.out.println("\n| way | " + names.get(0) + " | " + names.get(1) + " |");
        System.out.println("|---|---|---|");
        for (int i = 0; i < ways.length; i++) System.out.println("| " + ways[i] + " | " + cells[i][0] + " | " + cells[i][1] + " |");
        System.out.println("\nCPU: the loop thread's CPU time (below the wall time when other processes share the cores).");
        System.out.println("Real JAX 0.10.2 on this machine's CPU (issue 7): jitted conv_general_dilated 434 ms / 1055 ms;"
                + " the per-pixel loop ~69 s with jit, ~857 s / ~757 s without.");
    }

    private void gradients() throws IOException {
        Fn2 f = (x, y) -> Jnp.sin(x).add(Jnp.cos(y).mul(2));
        int n = 20;
        double[] thetas = new double[n];
        double[] dx = new double[n];
        double[] dy = new double[n];
        Fn2 gx = Jax.grad(f, 0);
        Fn2 gy = Jax.grad(f, 1);
        System.out.println("\nGradients of f(x, y) = sin(x) + 2 cos(y) over " + n + " thetas in [0, pi] (Jax.grad):");
        Array y0 = Jnp.array(0.1f);
        for (int i = 0; i < n; i++) {
            thetas[i] = Math.PI * i / (n - 1);
            Array t = Jnp.array((float) thetas[i]);
            dx[i] = ((Number) gx.apply(t, y0).item()).doubleValue();   // Fx(theta, 0.1) = cos(theta)
            dy[i] = ((Number) gy.apply(y0, t).item()).doubleValue();   // Fy(0.1, theta) = -2 sin(theta)
            System.out.printf(Locale.ROOT, "  theta=%.3f  df/dx=% .4f (cos % .4f)  df/dy=% .4f (-2 sin % .4f)%n", thetas[i], dx[i],
                    Math.cos(thetas[i]), dy[i], -2 * Math.sin(thetas[i]));
        }
        Pictures.gradients(out.resolve("gradients.png"), thetas, dx, dy, "Jax.grad");
        System.out.println("Wrote " + out.resolve("gradients.png"));
    }

    static double seconds(long t0) { return (System.nanoTime() - t0) / 1e9; }

    /** How many calls the whole-image ways are timed over, after their first (tracing and compiling) call. */
    static final int TIMED_CALLS = 9;

    /** The median wall time of {@link #TIMED_CALLS} calls, in seconds. */
    static double median(java.util.function.Supplier<Array> call) {
        double[] t = new double[TIMED_CALLS];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            call.get();
            t[i] = seconds(t0);
        }
        java.util.Arrays.sort(t);
        return t[t.length / 2];
    }

    static String time(double s, boolean approx) {
        String v = s >= 1 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%.0f ms", s * 1e3);
        return (approx ? "~" : "") + v;
    }
}
