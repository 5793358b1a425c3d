"""JAX 0.10.2 peers of the convolution benchmarks (issue 7): the demo's depthwise 3x3 sharpen and 7x7 box
blur on float32 1x1498x2078x4 (jitted lax.conv_general_dilated, NHWC/HWIO, SAME), and a batch of 32 RGB
224x224 images through a 3x3, 64-output-channel conv. Run: /work/venv-jax/bin/python tools/bench/conv_jax.py
[batch|demo] (XLA's CPU threads: all cores; prints median and min of N calls after warm-up)."""
import sys
import time

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax


def bench(name, f, *args, n=10):
    f(*args).block_until_ready()
    ts = []
    for _ in range(n):
        t0 = time.perf_counter()
        f(*args).block_until_ready()
        ts.append((time.perf_counter() - t0) * 1e3)
    ts.sort()
    print(f"{name}: median {ts[len(ts) // 2]:.2f} ms, min {ts[0]:.2f} ms")


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    rng = np.random.default_rng(0)
    dn = ("NHWC", "HWIO", "NHWC")
    if which in ("all", "batch"):
        x = jnp.asarray(rng.random((32, 224, 224, 3), np.float32))
        k = jnp.asarray(rng.random((3, 3, 3, 64), np.float32) - 0.5)
        f = jax.jit(lambda a, b: lax.conv_general_dilated(a, b, (1, 1), "SAME", dimension_numbers=dn))
        bench("batch 32x224x224x3 -> 64 (5.55 GFLOP)", f, x, k, n=5)
    if which in ("all", "demo"):
        img = jnp.asarray(rng.integers(0, 256, (1, 1498, 2078, 4)).astype(np.float32))
        for kk in (3, 7):
            w = jnp.ones((kk, kk, 1, 4), jnp.float32) / (kk * kk)
            f = jax.jit(lambda a, b: lax.conv_general_dilated(a, b, (1, 1), "SAME", dimension_numbers=dn, feature_group_count=4))
            bench(f"depthwise {kk}x{kk} f32 1x1498x2078x4", f, img, w, n=5)


if __name__ == "__main__":
    main()
