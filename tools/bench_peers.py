"""Peers for BENCHMARKS.md: the compiler benchmarks in NumPy and JAX (CPU), same sizes and dtypes.

Run with the JAX virtualenv:  /work/venv-jax/bin/python tools/bench_peers.py
Prints the median of repeated timings, in ms (us for the small call). Check `uptime` first.
"""
import os
import time

import numpy as np


def median_ms(fn, reps=20, warmup=3):
    for _ in range(warmup):
        fn()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    ts.sort()
    return ts[len(ts) // 2] * 1e3


def main():
    rng = np.random.default_rng(1)
    x = rng.uniform(-3, 3, 10_000_000).astype(np.float32)
    y = rng.uniform(-3, 3, 10_000_000).astype(np.float32)
    x1 = rng.uniform(-3, 3, 1_000_000).astype(np.float32)
    y1 = rng.uniform(-3, 3, 1_000_000).astype(np.float32)
    m = rng.uniform(-3, 3, (4096, 4096)).astype(np.float32)
    a = rng.uniform(-3, 3, (1024, 1024)).astype(np.float32)
    print("load:", os.getloadavg())
    print("numpy sin(x)+2cos(y) 10M: %.2f ms" % median_ms(lambda: np.sin(x) + 2 * np.cos(y), 5))
    print("numpy sum 10M: %.2f ms" % median_ms(lambda: x.sum()))
    print("numpy add 1M: %.3f ms" % median_ms(lambda: x1 + y1, 200))
    print("numpy softmax rows 4096^2: %.2f ms" % median_ms(
        lambda: (lambda e: e / e.sum(1, keepdims=True))(np.exp(m - m.max(1, keepdims=True))), 5))
    print("numpy matmul 1024: %.2f ms" % median_ms(lambda: a @ a, 10))
    try:
        import jax
        import jax.numpy as jnp
    except ImportError:
        print("jax: not installed")
        return
    jx, jy, jm, ja = jnp.asarray(x), jnp.asarray(y), jnp.asarray(m), jnp.asarray(a)
    f = jax.jit(lambda u, v: jnp.sin(u) + 2 * jnp.cos(v))
    s = jax.jit(lambda u: u.sum())
    sm = jax.jit(lambda u: (lambda e: e / e.sum(1, keepdims=True))(jnp.exp(u - u.max(1, keepdims=True))))
    mm = jax.jit(lambda u: u @ u)
    small = jax.jit(lambda p, q, r: p * q + r)
    p3 = jnp.ones(3)
    print("jax sin(x)+2cos(y) 10M: %.2f ms" % median_ms(lambda: f(jx, jy).block_until_ready(), 5))
    print("jax sum 10M: %.2f ms" % median_ms(lambda: s(jx).block_until_ready()))
    print("jax softmax rows 4096^2: %.2f ms" % median_ms(lambda: sm(jm).block_until_ready(), 5))
    print("jax matmul 1024: %.2f ms" % median_ms(lambda: mm(ja).block_until_ready(), 10))
    print("jax jitted call, 3 small args: %.2f us" % (median_ms(lambda: small(p3, p3, p3).block_until_ready(), 2000) * 1e3))


if __name__ == "__main__":
    main()
