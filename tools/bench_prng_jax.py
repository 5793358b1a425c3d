import time, jax, jax.numpy as jnp
k = jax.random.key(0)
for name, f in [("bits", lambda k: jax.random.bits(k, (10_000_000,))), ("uniform", lambda k: jax.random.uniform(k, (10_000_000,))), ("normal", lambda k: jax.random.normal(k, (10_000_000,)))]:
    g = jax.jit(f); g(k).block_until_ready()
    ts = []
    for _ in range(5):
        t = time.perf_counter(); g(k).block_until_ready(); ts.append(time.perf_counter() - t)
    print(name, "best %.1f ms" % (min(ts) * 1e3), "all", ["%.1f" % (x * 1e3) for x in ts])
print(jax.__version__)
