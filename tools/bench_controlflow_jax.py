"""JAX 0.10.2 peer of jaxvm's ControlFlowBench: per-step cost of jitted fori_loop, scan and while_loop (CPU, best of 10)."""
import time
import jax
import jax.numpy as jnp
from jax import lax

n = 10_000
x = jnp.ones(16, jnp.float32)
xs = jnp.ones((n, 16), jnp.float32)
fori = jax.jit(lambda v: lax.fori_loop(0, n, lambda i, c: c * 0.999 + 1.0, v))
scan = jax.jit(lambda a: lax.scan(lambda c, r: (c + r, c), jnp.zeros(16, jnp.float32), a)[1])
wl = jax.jit(lambda v: lax.while_loop(lambda c: c.sum() < 1e9, lambda c: c * 1.001, v))


def best(f, a):
    for _ in range(3):
        f(a).block_until_ready()
    ts = []
    for _ in range(10):
        t0 = time.perf_counter()
        f(a).block_until_ready()
        ts.append((time.perf_counter() - t0) * 1e3)
    return min(ts)


print(f"fori_loop {n} steps f32[16]: {best(fori, x):.2f} ms")
print(f"scan {n} steps f32[16]: {best(scan, xs):.2f} ms")
print(f"while_loop (sum < 1e9, x1.001): {best(wl, x):.2f} ms")
