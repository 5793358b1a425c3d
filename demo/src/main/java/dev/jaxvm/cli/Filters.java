package dev.jaxvm.cli;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.numpy.Jnp;
import java.io.IOException;
import java.nio.file.Path;

/** The named filters of {@code ./jaxvm convolve} and the demo, and {@code .npy} filters. */
final class Filters {
    private Filters() {}

    /** The names {@link #named} knows. */
    static final String NAMES = "sharpen, blur3, blur7, gaussian5, sobel-x, sobel-y, emboss, edge";

    /** The classic introduction's 3x3 sharpen kernel (int32). */
    static Array sharpen() { return Jnp.array(new int[][] {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}}); }

    /** The classic introduction's k x k box blur, {@code ones((k, k)) / k^2} (float32). */
    static Array box(int k) {
        return Jnp.ones(k, k).div((double) (k * k));
    }

    /**
     * A filter by name, or loaded from a {@code .npy} file (2-D, float or integer).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    static Array named(String name) throws IOException {
        return switch (name) {
            case "sharpen" -> sharpen();
            case "blur3" -> box(3);
            case "blur7" -> box(7);
            case "gaussian5" -> {
                float[] b = {1, 4, 6, 4, 1};
                float[][] g = new float[5][5];
                for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) g[i][j] = b[i] * b[j] / 256f;
                yield Jnp.array(g);
            }
            case "sobel-x" -> Jnp.array(new int[][] {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}});
            case "sobel-y" -> Jnp.array(new int[][] {{-1, -2, -1}, {0, 0, 0}, {1, 2, 1}});
            case "emboss" -> Jnp.array(new int[][] {{-2, -1, 0}, {-1, 1, 1}, {0, 1, 2}});
            case "edge" -> Jnp.array(new int[][] {{-1, -1, -1}, {-1, 8, -1}, {-1, -1, -1}});
            default -> {
                if (name.endsWith(".npy")) {
                    Array f = Npy.read(Path.of(name));
                    if (f.ndim() != 2 || f.shape()[0] % 2 == 0 || f.shape()[1] % 2 == 0) {
                        throw new IllegalArgumentException("filter " + name + " must be 2-D with odd sizes, got shape "
                                + dev.jaxvm.core.Py.tuple(f.shape()));
                    }
                    yield f.dtype() == DType.FLOAT64 ? f.astype(DType.FLOAT32) : f;
                }
                throw new IllegalArgumentException("unknown filter '" + name + "': use one of " + NAMES + " or a FILE.npy");
            }
        };
    }
}
