"""NumPy and JAX (jit, CPU) timings of the operations of dev.jaxvm.compile.LoweringsBench.

Run: /work/venv-jax/bin/python tools/bench_lowerings_peers.py  (XLA_FLAGS / threads: JAX uses all cores)
Medians and minimums of the last two thirds of 10 calls, in ms, as LoweringsBench reports them.
"""
import time
import numpy as np

try:
    import jax
    import jax.numpy as jnp
    from jax import lax
except ImportError:
    jax = None

rng = np.random.default_rng(1)
x = rng.uniform(-3, 3, (1000, 1000)).astype(np.float32)
flat = rng.uniform(-3, 3, 1_000_000).astype(np.float32)
idx = rng.integers(0, 1_000_000, 1_000_000).astype(np.int32)


def timed(name, f, reps=10):
    ms = []
    for _ in range(reps):
        t0 = time.perf_counter()
        r = f()
        if hasattr(r, "block_until_ready"):
            r.block_until_ready()
        ms.append((time.perf_counter() - t0) * 1e3)
    tail = sorted(ms[reps // 3:])
    print(f"{name:44s} median {tail[len(tail) // 2]:8.2f} ms, min {tail[0]:8.2f} ms")


def add_at():
    y = flat.copy()
    np.add.at(y, idx, flat)
    return y


timed("numpy sort rows f32[1000,1000]", lambda: np.sort(x, axis=1, kind="stable"))
timed("numpy sort f32[1000000]", lambda: np.sort(flat, kind="stable"))
timed("numpy top_k k=10 rows (argpartition+sort)", lambda: np.sort(np.partition(x, -10, axis=1)[:, -10:], axis=1))
timed("numpy argmax rows f32[1000,1000]", lambda: np.argmax(x, axis=1))
timed("numpy argmax cols f32[1000,1000]", lambda: np.argmax(x, axis=0))
timed("numpy cumsum rows f32[1000,1000]", lambda: np.cumsum(x, axis=1))
timed("numpy cumsum cols f32[1000,1000]", lambda: np.cumsum(x, axis=0))
timed("numpy gather 1M of f32[1000000]", lambda: flat[idx])
timed("numpy scatter-add 1M (np.add.at)", add_at)

img = rng.uniform(-3, 3, (8, 128, 128, 64)).astype(np.float32)
timed("numpy max pool 2x2 (reshape+max)", lambda: img.reshape(8, 64, 2, 64, 2, 64).max(axis=(2, 4)))
timed("numpy sum pool 2x2 (reshape+sum)", lambda: img.reshape(8, 64, 2, 64, 2, 64).sum(axis=(2, 4)))

if jax is not None:
    xj, fj, ij = jnp.asarray(x), jnp.asarray(flat), jnp.asarray(idx)
    ops = {
        "sort rows f32[1000,1000]": (jax.jit(lambda a: jnp.sort(a, axis=1)), (xj,)),
        "sort f32[1000000]": (jax.jit(jnp.sort), (fj,)),
        "top_k k=10 rows f32[1000,1000]": (jax.jit(lambda a: lax.top_k(a, 10)[0]), (xj,)),
        "argmax rows f32[1000,1000]": (jax.jit(lambda a: jnp.argmax(a, axis=1)), (xj,)),
        "argmax cols f32[1000,1000]": (jax.jit(lambda a: jnp.argmax(a, axis=0)), (xj,)),
        "cumsum rows f32[1000,1000]": (jax.jit(lambda a: jnp.cumsum(a, axis=1)), (xj,)),
        "cumsum cols f32[1000,1000]": (jax.jit(lambda a: jnp.cumsum(a, axis=0)), (xj,)),
        "gather 1M of f32[1000000]": (jax.jit(lambda a, i: a[i]), (fj, ij)),
        "scatter-add 1M into f32[1000000]": (jax.jit(lambda a, i: a.at[i].add(a)), (fj, ij)),
        "max pool 2x2 f32[8,128,128,64]": (jax.jit(lambda a: lax.reduce_window(a, -jnp.inf, lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "VALID")), (jnp.asarray(img),)),
        "sum pool 2x2 f32[8,128,128,64]": (jax.jit(lambda a: lax.reduce_window(a, 0.0, lax.add, (1, 2, 2, 1), (1, 2, 2, 1), "VALID")), (jnp.asarray(img),)),
        "max pool 2x2 gradient (select_and_scatter_add)": (jax.jit(jax.grad(lambda a: lax.reduce_window(a, -jnp.inf, lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "VALID").sum())), (jnp.asarray(img),)),
    }
    for name, (f, args) in ops.items():
        f(*args).block_until_ready()
        timed("jax " + name, lambda: f(*args))
