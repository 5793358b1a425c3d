"""Generates references for the autodiff-catalog tests (core/src/test/resources/adcatalog/).

Run with the JAX virtualenv (it has SciPy too):  /work/venv-jax/bin/python tools/gen_adcatalog_goldens.py
- polygamma.json: scipy.special.polygamma(m, x) in float64, for float64 inputs and for the float32-rounded
  inputs of the float32 check.
- zeta.json: scipy.special.zeta(x, q) (Hurwitz) in float64, likewise.
- igamma.json: scipy.special.gammainc / gammaincc (float64, float32-rounded inputs) and JAX's
  lax.igamma_grad_a (float64).
- linalg.json: jax 0.10.2 (float64) values of triangular_solve for every flag combination, and the JVPs and
  gradients of cholesky, qr, triangular_solve and digamma, on fixed seeded inputs.
- stop_gradient.json: jax.grad through lax.stop_gradient applied to pytrees (a dict of params, a list).
- scatter.json: jvp and grad of x.at[idx].set(v) with repeated indices.
- weak.json: weak_type of jnp.stack / jnp.concatenate / jnp.array / jnp.hstack of weak inputs.
"""
import json
import os

import numpy as np
import scipy.special

import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402
from jax import lax  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources", "adcatalog")
rng = np.random.default_rng(20261125)


def lst(a):
    return np.asarray(a, dtype=np.float64).reshape(-1).tolist()


def case(x):
    x = np.asarray(x)
    return {"shape": list(x.shape), "data": lst(x)}


def polygamma():
    xs = [-3.7, -2.5, -1.2, -0.3, 0.05, 0.1, 0.5, 1.0, 1.5, 2.5, 3.3, 7.0, 9.9, 15.0, 30.0, 100.0, 1234.5]
    out = []
    for m in range(0, 6):
        x64 = np.array(xs, dtype=np.float64)
        x32 = np.array(xs, dtype=np.float32).astype(np.float64)
        out.append({"m": m, "x": lst(x64), "f64": lst(scipy.special.polygamma(m, x64)),
                    "x32": lst(x32), "f32": lst(scipy.special.polygamma(m, x32))})
    return out


def zeta():
    xs, qs = [], []
    for x in [1.5, 2.0, 3.0, 4.5, 7.0, 12.0]:
        for q in [0.3, 1.0, 2.5, 10.0, 123.4] + ([-1.5, -2.25] if x == int(x) else []):
            xs.append(x)
            qs.append(q)
    x, q = np.array(xs), np.array(qs)
    x32, q32 = x.astype(np.float32).astype(np.float64), q.astype(np.float32).astype(np.float64)
    return {"x": lst(x), "q": lst(q), "f64": lst(scipy.special.zeta(x, q)), "x32": lst(x32), "q32": lst(q32),
            "f32": lst(scipy.special.zeta(x32, q32))}


def igamma():
    a_s, x_s = [], []
    for a in [0.1, 0.5, 1.0, 2.5, 7.0, 30.0, 150.0]:
        for x in [0.0, 1e-3, 0.3, 1.0, 2.0, 5.5, 12.0, 40.0, 200.0]:
            a_s.append(a)
            x_s.append(x)
    a, x = np.array(a_s), np.array(x_s)
    a32, x32 = a.astype(np.float32).astype(np.float64), x.astype(np.float32).astype(np.float64)
    grad_a = np.asarray(lax.igamma_grad_a(jnp.asarray(a), jnp.asarray(x)))
    return {"a": lst(a), "x": lst(x), "p": lst(scipy.special.gammainc(a, x)), "q": lst(scipy.special.gammaincc(a, x)),
            "a32": lst(a32), "x32": lst(x32), "p32": lst(scipy.special.gammainc(a32, x32)),
            "q32": lst(scipy.special.gammaincc(a32, x32)), "grad_a_jax": lst(grad_a)}


def spd(*shape):
    m = rng.uniform(-1, 1, size=shape)
    n = shape[-1]
    return m @ np.swapaxes(m, -1, -2) + n * np.eye(n)


def well(*shape):
    return rng.uniform(-1, 1, size=shape) + 3 * np.eye(shape[-1])


def linalg():
    res = {"triangular_solve": []}
    for bits in range(16):
        left, lower, trans, unit = bool(bits & 1), bool(bits & 2), bool(bits & 4), bool(bits & 8)
        a = well(2, 3, 3)
        b = rng.uniform(-1, 1, size=(2, 3, 4) if left else (2, 4, 3))
        kw = dict(left_side=left, lower=lower, transpose_a=trans, unit_diagonal=unit)
        f = lambda a, b: lax.linalg.triangular_solve(a, b, **kw)
        ta, tb = rng.uniform(-1, 1, size=a.shape), rng.uniform(-1, 1, size=b.shape)
        y, ty = jax.jvp(f, (a, b), (ta, tb))
        ga, gb = jax.grad(lambda a, b: jnp.sum(jnp.sin(f(a, b))), argnums=(0, 1))(a, b)
        res["triangular_solve"].append({"left_side": left, "lower": lower, "transpose_a": trans, "unit_diagonal": unit,
                                        "a": case(a), "b": case(b), "ta": case(ta), "tb": case(tb), "out": case(y),
                                        "tangent": case(ty), "grad_a": case(ga), "grad_b": case(gb)})
    # cholesky: cholesky_p's jvp on a symmetric tangent, and the gradient of sum(sin(L)) through it
    chol = []
    for shape in [(4, 4), (2, 3, 3)]:
        a = spd(*shape)
        t = rng.uniform(-1, 1, size=shape)
        t = (t + np.swapaxes(t, -1, -2)) / 2
        f = lambda a: lax.linalg.cholesky_p.bind(a)
        y, ty = jax.jvp(f, (a,), (t,))
        g = jax.grad(lambda a: jnp.sum(jnp.sin(f(a))))(a)
        chol.append({"a": case(a), "t": case(t), "out": case(y), "tangent": case(ty), "grad": case(g)})
    res["cholesky"] = chol
    qr = []
    for shape, full in [((5, 3), False), ((2, 4, 4), True), ((3, 3), False)]:
        a = rng.uniform(-1, 1, size=shape)
        t = rng.uniform(-1, 1, size=shape)
        f = lambda a: tuple(lax.linalg.qr_p.bind(a, pivoting=False, full_matrices=full, use_magma=None))
        (q, r), (tq, tr) = jax.jvp(f, (a,), (t,))
        g = jax.grad(lambda a: jnp.sum(jnp.sin(f(a)[0])) + jnp.sum(jnp.cos(f(a)[1])))(a)
        qr.append({"full_matrices": full, "a": case(a), "t": case(t), "q": case(q), "r": case(r), "tq": case(tq),
                   "tr": case(tr), "grad": case(g)})
    res["qr"] = qr
    x = np.array([0.3, 1.0, 2.5, 7.0])
    res["digamma"] = {"x": lst(x), "grad": lst(jax.vmap(jax.grad(lax.digamma))(x)),
                      "grad2": lst(jax.vmap(jax.grad(jax.grad(lax.digamma)))(x))}
    return res


def weak():
    out = []
    for name, f in [("stack", lambda *xs: jnp.stack(xs)), ("concatenate", lambda *xs: jnp.concatenate(
            [jnp.atleast_1d(x) for x in xs])), ("array", lambda *xs: jnp.array(xs)),
                    ("hstack", lambda *xs: jnp.hstack(xs)), ("vstack", lambda *xs: jnp.vstack(xs))]:
        for kind, args in [("python_floats", (1.0, 2.0)), ("weak_arrays", (jnp.asarray(1.0), jnp.asarray(2.0))),
                           ("weak_vectors", (lax.full((2,), 1.0), lax.full((2,), 2.0))),
                           ("weak_and_strong", (jnp.asarray(1.0), jnp.float32(2.0))),
                           ("python_ints", (1, 2))]:
            if kind == "weak_vectors" and name == "array":
                continue
            if kind == "python_floats" and name == "concatenate":
                continue
            y = f(*args)
            out.append({"fn": name, "inputs": kind, "dtype": str(y.dtype), "weak_type": bool(y.weak_type),
                        "shape": list(y.shape)})
    return out


def scatter():
    """Gradients through x.at[idx].set(v) with repeated indices (JAX's non-unique scatter JVP)."""
    out = []
    for xs, idx, vs in [((5,), [1, 3, 1, 0], (4,)), ((4, 3), [2, 0, 2], (3, 3))]:
        x = rng.uniform(-1, 1, size=xs)
        v = rng.uniform(-1, 1, size=vs)
        w = rng.uniform(-1, 1, size=xs)
        i = np.array(idx, dtype=np.int32)
        f = lambda x, v: jnp.sum(jnp.sin(x.at[i].set(v) * w))
        gx, gv = jax.grad(f, argnums=(0, 1))(x, v)
        tx, tv = rng.uniform(-1, 1, size=xs), rng.uniform(-1, 1, size=vs)
        y, ty = jax.jvp(lambda x, v: x.at[i].set(v), (x, v), (tx, tv))
        out.append({"x": case(x), "idx": idx, "v": case(v), "w": case(w), "out": case(y), "tx": case(tx),
                    "tv": case(tv), "tangent": case(ty), "grad_x": case(gx), "grad_v": case(gv)})
    return out


def stop_gradient():
    w = rng.uniform(-1, 1, size=3)
    b = 0.7

    def f(p):
        stopped = lax.stop_gradient(p)
        pair = lax.stop_gradient([p["w"], p["b"]])
        return jnp.sum(jnp.sin(p["w"]) * stopped["w"]) + pair[1] * p["b"] + jnp.sum(p["w"] * pair[0]) * p["b"]

    p = {"w": jnp.asarray(w), "b": jnp.asarray(b)}
    g = jax.grad(f)(p)
    return {"w": lst(w), "b": b, "value": float(f(p)), "grad_w": lst(g["w"]), "grad_b": float(g["b"])}


os.makedirs(OUT, exist_ok=True)
for name, value in [("polygamma.json", polygamma()), ("zeta.json", zeta()), ("igamma.json", igamma()), ("linalg.json", linalg()), ("weak.json", weak()),
                    ("stop_gradient.json", stop_gradient()), ("scatter.json", scatter())]:
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(value, f, separators=(",", ":"))
        f.write("\n")
    print(name, os.path.getsize(os.path.join(OUT, name)))
