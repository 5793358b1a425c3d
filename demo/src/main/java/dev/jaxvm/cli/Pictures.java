package dev.jaxvm.cli;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.image.Images;
import dev.jaxvm.image.Rounding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The demo's pictures: side-by-side comparisons and the gradient plot (XChart). */
final class Pictures {
    private Pictures() {}

    /** Images of equal height and channel count, side by side, as uint8 (real values rounded and clipped). */
    static DenseArray sideBySide(List<Array> images) {
        int h = images.getFirst().shape()[0];
        int c = images.getFirst().shape()[2];
        int total = 0;
        for (Array a : images) total += a.shape()[1];
        byte[] out = new byte[h * total * c];
        int x0 = 0;
        for (Array a : images) {
            byte[] src = (byte[]) Images.toUint8(a, Rounding.NEAREST_EVEN).buffer();
            int w = a.shape()[1];
            for (int i = 0; i < h; i++) System.arraycopy(src, i * w * c, out, (i * total + x0) * c, w * c);
            x0 += w;
        }
        return DenseArray.wrap(ArrayType.of(dev.jaxvm.DType.UINT8, h, total, c), out);
    }

    /** The colour channels of a uint8 [H,W,C] image (alpha dropped; grey stays grey). */
    static DenseArray rgb(DenseArray image) {
        int[] s = image.shape();
        int c = s[2];
        if (c == 1 || c == 3) return image;
        int n = s[0] * s[1];
        byte[] src = (byte[]) image.buffer();
        byte[] out = new byte[n * (c - 1)];
        for (int i = 0; i < n; i++) System.arraycopy(src, i * c, out, i * (c - 1), c - 1);
        return DenseArray.wrap(ArrayType.of(dev.jaxvm.DType.UINT8, s[0], s[1], c - 1), out);
    }

    /** {@code image} (uint8 [H,W,C]) shrunk by an integer factor, each output pixel the rounded mean of a block. */
    static DenseArray shrink(DenseArray image, int factor) {
        int[] s = image.shape();
        int h = s[0] / factor, w = s[1] / factor, c = s[2];
        byte[] src = (byte[]) image.buffer();
        byte[] out = new byte[h * w * c];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                for (int k = 0; k < c; k++) {
                    int sum = 0;
                    for (int di = 0; di < factor; di++) {
                        for (int dj = 0; dj < factor; dj++) sum += src[(((i * factor + di) * s[1]) + j * factor + dj) * c + k] & 0xFF;
                    }
                    out[(i * w + j) * c + k] = (byte) Math.round(sum / (double) (factor * factor));
                }
            }
        }
        return DenseArray.wrap(ArrayType.of(dev.jaxvm.DType.UINT8, h, w, c), out);
    }

    /** Writes the gradient plot: computed points over analytic curves, with axes and a legend. */
    static void gradients(Path file, double[] thetas, double[] dfdx, double[] dfdy, String how) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(520)
                .title("Gradients of f(x, y) = sin(x) + 2 cos(y): df/dx(theta, 0.1), df/dy(0.1, theta) (" + how + ")")
                .xAxisTitle("theta (radians)").yAxisTitle("derivative").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        int n = 400;
        double[] xs = new double[n];
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = Math.PI * i / (n - 1);
            cos[i] = Math.cos(xs[i]);
            sin[i] = -2 * Math.sin(xs[i]);
        }
        XYSeries a = chart.addSeries("cos(theta)", xs, cos);
        a.setMarker(SeriesMarkers.NONE);
        XYSeries b = chart.addSeries("-2 sin(theta)", xs, sin);
        b.setMarker(SeriesMarkers.NONE);
        String by = how.equals("Jax.grad") ? "Jax.grad, argnum " : "central differences, argnum ";
        XYSeries gx = chart.addSeries("df/dx (" + by + "0)", thetas, dfdx);
        gx.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        gx.setMarker(SeriesMarkers.CIRCLE);
        XYSeries gy = chart.addSeries("df/dy (" + by + "1)", thetas, dfdy);
        gy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        gy.setMarker(SeriesMarkers.DIAMOND);
        String name = file.toString();
        BitmapEncoder.saveBitmap(chart, name.endsWith(".png") ? name.substring(0, name.length() - 4) : name,
                BitmapEncoder.BitmapFormat.PNG);
    }
}
