/*
 * The hand-written C peer of issue 7: depthwise k x k correlation (zero padding k/2, same size) of a
 * float32 1 x H x W x 4 image (channels last), AVX2 FMA, float32 accumulation in registers over the
 * taps, regular stores; output rows split over OpenMP threads. Build and run with tools/bench/conv_c.sh.
 * Usage: conv_c THREADS [H W]; prints the median and min of 15 timed passes per filter.
 */
#include <immintrin.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define C 4

static double now(void) {
    struct timespec t;
    clock_gettime(getenv("CPU_TIME") ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}

/* One output pixel's channels, taps clipped to the image (the border). */
static void pixel(const float *in, const float *wt, float *out, int h, int w, int k, int y, int x) {
    int p = k / 2;
    for (int c = 0; c < C; c++) {
        float a = 0;
        for (int ky = 0; ky < k; ky++) {
            int iy = y + ky - p;
            if (iy < 0 || iy >= h) continue;
            for (int kx = 0; kx < k; kx++) {
                int ix = x + kx - p;
                if (ix < 0 || ix >= w) continue;
                a = fmaf(in[((size_t) iy * w + ix) * C + c], wt[(ky * k + kx) * C + c], a);
            }
        }
        out[((size_t) y * w + x) * C + c] = a;
    }
}

/* wt8: each tap's 4 channel weights repeated twice (one __m256 per tap). */
static void conv(const float *in, const float *wt, const float *wt8, float *out, int h, int w, int k) {
    int p = k / 2, taps = k * k;
    #pragma omp parallel for schedule(static)
    for (int y = 0; y < h; y++) {
        int ky0 = y < p ? p - y : 0, ky1 = y + p >= h ? h - 1 - y + p : k - 1;
        for (int x = 0; x < p && x < w; x++) pixel(in, wt, out, h, w, k, y, x);
        int x = p;
        /* interior: 8 pixels (4 vectors) per step */
        for (; x + 8 <= w - p; x += 8) {
            __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
            for (int ky = ky0; ky <= ky1; ky++) {
                const float *r = in + ((size_t) (y + ky - p) * w + x - p) * C;
                const float *wr = wt8 + ky * k * 8;
                for (int kx = 0; kx < k; kx++) {
                    __m256 wv = _mm256_loadu_ps(wr + kx * 8);
                    const float *s = r + kx * C;
                    a0 = _mm256_fmadd_ps(_mm256_loadu_ps(s), wv, a0);
                    a1 = _mm256_fmadd_ps(_mm256_loadu_ps(s + 8), wv, a1);
                    a2 = _mm256_fmadd_ps(_mm256_loadu_ps(s + 16), wv, a2);
                    a3 = _mm256_fmadd_ps(_mm256_loadu_ps(s + 24), wv, a3);
                }
            }
            float *o = out + ((size_t) y * w + x) * C;
            _mm256_storeu_ps(o, a0);
            _mm256_storeu_ps(o + 8, a1);
            _mm256_storeu_ps(o + 16, a2);
            _mm256_storeu_ps(o + 24, a3);
        }
        for (; x + 2 <= w - p; x += 2) {
            __m256 a0 = _mm256_setzero_ps();
            for (int ky = ky0; ky <= ky1; ky++) {
                const float *r = in + ((size_t) (y + ky - p) * w + x - p) * C;
                for (int kx = 0; kx < k; kx++) a0 = _mm256_fmadd_ps(_mm256_loadu_ps(r + kx * C), _mm256_loadu_ps(wt8 + (ky * k + kx) * 8), a0);
            }
            _mm256_storeu_ps(out + ((size_t) y * w + x) * C, a0);
        }
        for (; x < w; x++) pixel(in, wt, out, h, w, k, y, x);
        (void) taps;
    }
}

static int cmp(const void *a, const void *b) {
    double d = *(const double *) a - *(const double *) b;
    return d < 0 ? -1 : d > 0;
}

static void bench(const char *name, const float *in, float *out, int h, int w, int k, const float *f) {
    float *wt = malloc(sizeof(float) * k * k * C), *wt8 = aligned_alloc(32, sizeof(float) * k * k * 8);
    for (int t = 0; t < k * k; t++)
        for (int c = 0; c < 8; c++) {
            wt8[t * 8 + c] = f[t];
            if (c < C) wt[t * C + c] = f[t];
        }
    enum { N = 15 };
    double ms[N];
    for (int i = 0; i < 3; i++) conv(in, wt, wt8, out, h, w, k);
    for (int i = 0; i < N; i++) {
        double t0 = now();
        conv(in, wt, wt8, out, h, w, k);
        ms[i] = now() - t0;
    }
    qsort(ms, N, sizeof(double), cmp);
    double check = 0;
    for (size_t i = 0; i < (size_t) h * w * C; i += 997) check += out[i];
    printf("%s threads=%d median %.2f ms min %.2f ms (checksum %.3f)\n", name, omp_get_max_threads(), ms[N / 2], ms[0], check);
    free(wt);
    free(wt8);
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 1;
    int h = argc > 3 ? atoi(argv[2]) : 1498, w = argc > 3 ? atoi(argv[3]) : 2078;
    omp_set_num_threads(threads);
    size_t n = (size_t) h * w * C;
    float *in = aligned_alloc(64, n * sizeof(float)), *out = aligned_alloc(64, n * sizeof(float));
    unsigned s = 1;
    for (size_t i = 0; i < n; i++) {
        s = s * 1103515245u + 12345u;
        in[i] = (float) ((s >> 16) & 255);
    }
    memset(out, 0, n * sizeof(float));
    float sharpen[9] = {0, -1, 0, -1, 5, -1, 0, -1, 0}, box[49];
    for (int i = 0; i < 49; i++) box[i] = 1.0f / 49;
    bench("sharpen3x3", in, out, h, w, 3, sharpen);
    bench("blur7x7", in, out, h, w, 7, box);
    free(in);
    free(out);
    return 0;
}
