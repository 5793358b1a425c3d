"""JAX's reverse-mode cost for BENCHMARKS.md (issue 4): jit(loss) against jit(grad(loss)) for the three
losses of bench/src/main/java/dev/jaxvm/bench/GradBench.java, same sizes, layouts and dtypes (float32, CPU).

Run with the JAX virtualenv:  /work/venv-jax/bin/python tools/bench_grad_jax.py
Prints the median of repeated timings in ms and the ratio grad / forward. Check `uptime` first.
"""
import os
import time

import numpy as np


def median_ms(fn, reps=30, warmup=5):
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
    import jax
    import jax.numpy as jnp
    from jax import lax

    print("jax", jax.__version__, jax.devices(), "load:", os.getloadavg())
    rng = np.random.default_rng(1)

    def u(*shape):
        return jnp.asarray(rng.uniform(-3, 3, shape).astype(np.float32))

    def report(name, loss, args, argnums):
        fwd = jax.jit(loss)
        grad = jax.jit(jax.grad(loss, argnums))
        tf = median_ms(lambda: jax.block_until_ready(fwd(*args)))
        tg = median_ms(lambda: jax.block_until_ready(grad(*args)))
        print("%s: forward %.3f ms, grad %.3f ms, ratio %.2f" % (name, tf, tg, tg / tf))

    n = 1 << 20
    report("sum(sin(x) + 2 cos(y)) 1M", lambda x, y: jnp.sum(jnp.sin(x) + 2 * jnp.cos(y)), (u(n), u(n)), 0)

    def mlp(x, w1, w2, w3, t):
        h1 = jnp.tanh(x @ w1)
        h2 = jnp.tanh(h1 @ w2)
        d = h2 @ w3 - t
        return jnp.sum(d * d)

    def scaled(i, o):
        return u(i, o) / (3 * np.sqrt(i))

    report("MLP 784-512-512-10 batch 256", mlp, (u(256, 784), scaled(784, 512), scaled(512, 512), scaled(512, 10),
                                                  u(256, 10)), (1, 2, 3))

    def conv(k, img):
        y = lax.conv_general_dilated(img, k, (1, 1), "SAME", dimension_numbers=("NHWC", "HWIO", "NHWC"),
                                     feature_group_count=4)
        return jnp.sum(y * y)

    report("depthwise 7x7 conv 1x256x256x4, grad w.r.t. kernel", conv, (u(7, 7, 1, 4), u(1, 256, 256, 4)), 0)


if __name__ == "__main__":
    main()
