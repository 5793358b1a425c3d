package dev.jaxvm.compile;

/** The plain-Java matrix-product kernels (used when the Vector API is absent): C = A B, row-major, sums in k order. */
final class GemmScalar {
    private GemmScalar() {}

    static void multiply(float[] a, int ao, float[] b, int bo, float[] c, int co, int r0, int r1, int n, int k) {
        float[] row = new float[n];
        for (int i = r0; i < r1; i++) {
            java.util.Arrays.fill(row, 0);
            for (int p = 0; p < k; p++) {
                float x = a[ao + i * k + p];
                int base = bo + p * n;
                for (int j = 0; j < n; j++) row[j] = Math.fma(x, b[base + j], row[j]);
            }
            System.arraycopy(row, 0, c, co + i * n, n);
        }
    }

    static void multiply(double[] a, int ao, double[] b, int bo, double[] c, int co, int r0, int r1, int n, int k) {
        double[] row = new double[n];
        for (int i = r0; i < r1; i++) {
            java.util.Arrays.fill(row, 0);
            for (int p = 0; p < k; p++) {
                double x = a[ao + i * k + p];
                int base = bo + p * n;
                for (int j = 0; j < n; j++) row[j] = Math.fma(x, b[base + j], row[j]);
            }
            System.arraycopy(row, 0, c, co + i * n, n);
        }
    }

    /** Columns {@code [j0, n)} of rows {@code [r0, r1)}. */
    static void multiplyColumns(float[] a, int ao, float[] b, int bo, float[] c, int co, int r0, int r1, int n, int k, int j0) {
        for (int i = r0; i < r1; i++) {
            for (int j = j0; j < n; j++) {
                float s = 0;
                for (int p = 0; p < k; p++) s = Math.fma(a[ao + i * k + p], b[bo + p * n + j], s);
                c[co + i * n + j] = s;
            }
        }
    }

    /** Columns {@code [j0, n)} of rows {@code [r0, r1)}. */
    static void multiplyColumns(double[] a, int ao, double[] b, int bo, double[] c, int co, int r0, int r1, int n, int k, int j0) {
        for (int i = r0; i < r1; i++) {
            for (int j = j0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s = Math.fma(a[ao + i * k + p], b[bo + p * n + j], s);
                c[co + i * n + j] = s;
            }
        }
    }
}
