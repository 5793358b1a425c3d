package dev.jaxvm.cli;

import dev.jaxvm.Array;
import dev.jaxvm.Fn2;
import dev.jaxvm.Jax;
import dev.jaxvm.Index;
import dev.jaxvm.image.Images;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.image.Rounding;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./jaxvm convolve IN OUT --filter NAME|FILE.npy [--mode jit|eager|per-pixel]}: filters the
 * colour channels of an image (alpha is kept) with zero padding and the same size, as the classic
 * introduction does (cross-correlation: the filter is not flipped).
 */
@Command(name = "convolve", mixinStandardHelpOptions = true, description = "Filter an image: IN OUT --filter NAME.")
final class ConvolveCommand implements Callable<Integer> {
    /** How the filter runs. */
    enum Mode { jit, eager, per_pixel }

    @Parameters(index = "0", description = "input image (PNG, JPEG, BMP, GIF)")
    Path in;

    @Parameters(index = "1", description = "output image (.png, .jpg, .bmp, .gif)")
    Path outFile;

    @Option(names = "--filter", required = true, description = "sharpen, blur3, blur7, gaussian5, sobel-x, sobel-y,"
            + " emboss, edge, or a FILE.npy (2-D, odd sizes)")
    String filter;

    @Option(names = "--mode", defaultValue = "jit", converter = ModeConverter.class,
            description = "jit (one jitted depthwise convolution), eager, or per-pixel (the classic loop); default ${DEFAULT-VALUE}")
    Mode mode;

    /** Accepts {@code per-pixel} for {@link Mode#per_pixel}. */
    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String s) { return Mode.valueOf(s.replace('-', '_')); }
    }

    @Override
    public Integer call() throws Exception {
        Array f = Filters.named(filter);
        if (f.shape()[0] % 2 == 0 || f.shape()[1] != f.shape()[0]) {
            throw new IllegalArgumentException("the filter must be square with an odd size, got "
                    + dev.jaxvm.core.Py.tuple(f.shape()));
        }
        Array img = Images.read(in);
        int c = img.shape()[2];
        boolean alpha = c == 2 || c == 4;
        Array colour = alpha ? img.get(Index.ALL, Index.ALL, Index.slice(0, c - 1)) : img;
        long t0 = System.nanoTime();
        Array result = switch (mode) {
            case jit -> Jax.jit((Fn2) Ways::depthwiseConv).named("depthwise_conv").apply(colour, f);
            case eager -> Ways.depthwiseConv(colour, f);
            case per_pixel -> {
                int h = colour.shape()[0];
                try (ProgressBar pb = new ProgressBarBuilder().setTaskName("per-pixel").setInitialMax(h)
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" rows", 1).build()) {
                    yield Ways.perPixel(colour, f, Jax.jit((Fn2) Ways::executeKernel).named("execute_kernel"), 0, h, i -> pb.step());
                }
            }
        };
        double s = DemoCommand.seconds(t0);
        if (alpha) result = withAlpha(Images.toUint8(result, Rounding.NEAREST_EVEN), (DenseArray) img);
        Images.write(result, outFile);
        System.out.printf(Locale.ROOT, "%s: %s filter (%s) in %s -> %s%n", in, filter, mode.name().replace('_', '-'),
                DemoCommand.time(s, false), outFile);
        return 0;
    }

    /** The filtered colour channels with the original alpha channel appended. */
    private static Array withAlpha(DenseArray colour, DenseArray img) {
        int[] s = img.shape();
        int n = s[0] * s[1];
        int c = s[2];
        byte[] col = (byte[]) colour.buffer();
        byte[] src = (byte[]) img.buffer();
        byte[] out = new byte[n * c];
        for (int i = 0; i < n; i++) {
            System.arraycopy(col, i * (c - 1), out, i * c, c - 1);
            out[i * c + c - 1] = src[i * c + c - 1];
        }
        return DenseArray.wrap(img.type(), out);
    }
}
