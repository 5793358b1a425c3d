#!/usr/bin/env python3
"""Goldens for XLA:CPU's float32 pow (the host libm's powf), from real JAX 0.10.2.

Run:  /work/venv-jax/bin/python tools/gen_prng_powf.py
Writes core/src/test/resources/prng/powf.json: [x, y, jit(lax.pow)(x, y)] as float32 bit patterns;
the first ones are inputs where the float64 pow rounded to float32 differs from XLA's result.
"""
import json
import numpy as np
import jax

rng = np.random.default_rng(1)
n = 1 << 20
x = np.concatenate([rng.random(n, dtype=np.float32), np.exp(rng.uniform(-80, 80, n)).astype(np.float32)])
y = np.concatenate([(1 / rng.uniform(0.01, 1.0, n)).astype(np.float32), rng.uniform(-3, 3, n).astype(np.float32)])
pw = jax.jit(lambda a, b: jax.lax.pow(a, b))
r = np.asarray(pw(x, y))
with np.errstate(all="ignore"):
    ref = (x.astype(np.float64) ** y.astype(np.float64)).astype(np.float32)
ref[np.abs(ref) < np.finfo(np.float32).tiny] = 0
diff = np.nonzero(ref.view(np.uint32) != r.view(np.uint32))[0]
sel = list(diff[:48]) + list(range(0, 2 * n, 2 * n // 32))
sx = np.array([0.0, -0.0, 1.0, -1.0, -2.0, -2.0, -8.0, np.inf, -np.inf, np.nan, 2.0, 0.5, 1e-40, 3e-39, 0.0, 2.0,
               -0.0, 1.0, -0.5, -3.0], np.float32)
sy = np.array([0.5, 3.0, np.nan, np.inf, 3.0, 2.5, 1 / 3, -1.0, 3.0, 0.0, 200.0, 300.0, 0.5, 2.0, -1.0, -np.inf,
               -3.0, np.inf, 1e9, 5.0], np.float32)
sr = np.asarray(pw(sx, sy))
X = np.concatenate([x[sel], sx]).view(np.uint32)
Y = np.concatenate([y[sel], sy]).view(np.uint32)
R = np.concatenate([r[sel], sr]).view(np.uint32)
cases = [[f"0x{int(a):08x}", f"0x{int(b):08x}", f"0x{int(c):08x}"] for a, b, c in zip(X, Y, R)]
out = {"jax_version": jax.__version__, "differs_from_f64_pow": int(len(diff)), "of": int(2 * n), "cases": cases}
with open("core/src/test/resources/prng/powf.json", "w") as fh:
    json.dump(out, fh, indent=0)
print(len(diff), len(cases))
