/* C peer of the compiler's sin(x) + 2*cos(y) benchmark (BENCHMARKS.md, issue 6): one fused pass over
 * 10M float32 with glibc's vector math (libmvec: gcc -O3 -march=native -ffast-math -fopenmp turns the
 * loop's sinf/cosf into _ZGVdN8v_sinf/_ZGVdN8v_cosf), split over OpenMP threads. Build: tools/bench/build.sh.
 * Usage: sincos [threads] [n] [fresh]; prints the best of 20 runs after 3 warm-ups. The result buffer
 * is reused across runs (the 5.3 ms), or with "fresh" malloc'ed and page-faulted each run. */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void kernel(const float *restrict x, const float *restrict y, float *restrict out, long n) {
#pragma omp parallel for simd schedule(static)
    for (long i = 0; i < n; i++) out[i] = sinf(x[i]) + 2.0f * cosf(y[i]);
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 2;
    long n = argc > 2 ? atol(argv[2]) : 10000000L;
    omp_set_num_threads(threads);
    float *x = malloc(n * sizeof(float)), *y = malloc(n * sizeof(float));
    srand(1);
    for (long i = 0; i < n; i++) {
        x[i] = (float) rand() / RAND_MAX * 6 - 3;
        y[i] = (float) rand() / RAND_MAX * 6 - 3;
    }
    int fresh = argc > 3;
    float *reused = malloc(n * sizeof(float));
    double best = 1e30, check = 0;
    for (int r = 0; r < 23; r++) {
        float *out = fresh ? malloc(n * sizeof(float)) : reused;
        double t = now();
        kernel(x, y, out, n);
        double ms = now() - t;
        if (r >= 3 && ms < best) best = ms;
        check += out[n / 2];
        if (fresh) free(out);
    }
    printf("C sin(x)+2cos(y) n=%ld threads=%d%s best %.2f ms (check %g)\n", n, threads, fresh ? " fresh" : "", best, check);
    return 0;
}
