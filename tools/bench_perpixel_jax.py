"""The classic per-pixel convolution loop in real JAX, as the introduction writes it, on the first ROWS rows
of a u8[1498, 2078, 4] image (random pixels: the timing does not depend on them; no PNG reader is needed),
extrapolated to the full image. The peer of `./jaxvm demo`'s way 1 (BENCHMARKS.md, per-pixel section).

Run with the JAX virtualenv:  /work/venv-jax/bin/python tools/bench_perpixel_jax.py [ROWS]
"""
import os
import sys
import time

import jax
import jax.numpy as jnp
import numpy as np


@jax.jit
def execute_kernel(P, F):
    return jnp.stack([(P[:, :, k] * F).sum() for k in range(P.shape[2])], axis=-1)


def per_pixel(A, F, rows):
    k = F.shape[0]
    p = k // 2
    A = np.pad(A, ((p, p), (p, p), (0, 0)))   # a NumPy image, as the introduction's (PIL -> np.array)
    out = np.zeros((rows, A.shape[1] - 2 * p, A.shape[2]), dtype=np.result_type(A.dtype, F.dtype))
    for i in range(rows):
        for j in range(out.shape[1]):
            out[i, j] = execute_kernel(A[i:i + k, j:j + k, :], F)
    return out


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    A = np.random.default_rng(0).integers(0, 256, (1498, 2078, 4), dtype=np.uint8)
    sharpen = np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=np.int32)
    blur = np.full((7, 7), 1 / 49, dtype=np.float32)
    print("load:", os.getloadavg(), "jax", jax.__version__)
    for name, F in (("sharpen 3x3 int32", sharpen), ("blur 7x7 float32", blur)):
        per_pixel(A, F, 1)   # trace and compile
        t0 = time.perf_counter()
        per_pixel(A, F, rows)
        s = time.perf_counter() - t0
        print("%s: %d rows %.2f s, %.1f us/pixel, full image ~%.0f s" % (name, rows, s, s / rows / 2078 * 1e6,
                                                                          s * 1498 / rows))


if __name__ == "__main__":
    main()
