"""Expected values for autodiff over pytrees (grad/value_and_grad with argnums and has_aux, jvp, vjp,
linearize, jacfwd, jacrev, hessian), written to core/src/test/resources/ad/tree_ad_goldens.json.

Run with the JAX virtualenv:  /work/venv-jax/bin/python tools/gen_tree_ad_goldens.py
Each case's function is mirrored op for op in TreeAutodiffGoldenTest (dicts are Java Maps, tuples and
lists are Java Lists). Pytrees are encoded as {"dict": {...}}, {"list": [...]}, {"str": s} or an array
{"shape", "dtype", "weak", "data"}.
"""
import json
import os

import jax
import jax.numpy as jnp
import numpy as np

rng = np.random.default_rng(20261126)


def arr(*shape, lo=-1.0, hi=1.0):
    return jnp.asarray(rng.uniform(lo, hi, size=shape).astype(np.float32))


def enc(t):
    if isinstance(t, dict):
        return {"dict": {k: enc(v) for k, v in sorted(t.items())}}
    if isinstance(t, (list, tuple)):
        return {"list": [enc(v) for v in t]}
    if isinstance(t, str):
        return {"str": t}
    a = jnp.asarray(t)
    weak = bool(getattr(t, "weak_type", False)) or isinstance(t, float)
    return {"shape": list(a.shape), "dtype": str(a.dtype), "weak": weak,
            "data": [float(v) for v in np.asarray(a, dtype=np.float64).reshape(-1)]}


P = {"w": arr(3), "b": arr()}
Q = (arr(2), arr(2, 3))
S = np.float32(1.5)


def model(p, q, s):   # a scalar loss of two pytrees and a scalar; aux: a dict and a string
    h = jnp.tanh(q[1] * p["w"] + p["b"])           # (2, 3)
    loss = jnp.sum(jnp.sin(q[0]) @ h) * s + jnp.sum(p["w"] ** 2)
    return loss, {"h": jnp.sum(h, axis=0), "tag": "aux"}


def vec(p):          # a dict of a vector and a scalar to a dict of outputs
    return {"o": p["a"] * p["b"], "p": jnp.sin(p["a"]), "q": [p["b"] ** 3]}


VP = {"a": arr(2), "b": jnp.float32(0.7)}

cases = {}
v, g = jax.value_and_grad(model, argnums=(1, 0), has_aux=True)(P, Q, S)
cases["value_and_grad_argnums_10_aux"] = {"value": enc(v[0]), "aux": enc(v[1]), "grad": enc(g)}
g, aux = jax.grad(model, argnums=0, has_aux=True)(P, Q, S)
cases["grad_argnums_0_aux"] = {"grad": enc(g), "aux": enc(aux)}
g = jax.grad(lambda p, q, s: model(p, q, s)[0], argnums=(2, 1))(P, Q, S)
cases["grad_argnums_21"] = {"grad": enc(g)}

T = {"a": arr(2), "b": jnp.float32(-0.4)}
y, t = jax.jvp(vec, (VP,), (T,))
cases["jvp_dict"] = {"primal": enc(y), "tangent": enc(t)}
y, pullback = jax.vjp(vec, VP)
CT = {"o": arr(2), "p": arr(2), "q": [jnp.float32(0.25)]}
cases["vjp_dict"] = {"primal": enc(y), "ct": enc(CT), "cts": enc(pullback(CT))}
y, lin, aux = jax.linearize(lambda p: (vec(p), {"n": jnp.sum(p["a"])}), VP, has_aux=True)
cases["linearize_dict_aux"] = {"primal": enc(y), "tangent": enc(lin(T)), "aux": enc(aux)}

cases["jacfwd_dict"] = {"jac": enc(jax.jacfwd(vec)(VP))}
cases["jacrev_dict"] = {"jac": enc(jax.jacrev(vec)(VP))}
two = lambda x, y: {"xy": x * y, "s": jnp.sum(jnp.exp(x)) * y}
X2, Y2 = arr(2), jnp.float32(0.3)
cases["jacfwd_argnums_10"] = {"jac": enc(jax.jacfwd(two, argnums=(1, 0))(X2, Y2))}
cases["jacrev_argnums_10"] = {"jac": enc(jax.jacrev(two, argnums=(1, 0))(X2, Y2))}
j, aux = jax.jacrev(lambda p: (vec(p)["o"], p["a"] * 2), has_aux=True)(VP)
cases["jacrev_aux"] = {"jac": enc(j), "aux": enc(aux)}
scal = lambda p: jnp.sum(p["a"] ** 2 * p["b"]) + jnp.sin(p["b"])
cases["hessian_dict"] = {"hess": enc(jax.hessian(scal)(VP))}
cases["hessian_tuple"] = {"hess": enc(jax.hessian(lambda x: jnp.array(x) ** 2)((1., 2.)))}

out = {"jax_version": jax.__version__,
       "inputs": {"P": enc(P), "Q": enc(Q), "S": enc(S), "VP": enc(VP), "T": enc(T), "X2": enc(X2), "Y2": enc(Y2)},
       "cases": cases}
path = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources", "ad", "tree_ad_goldens.json")
with open(path, "w") as fh:
    json.dump(out, fh, indent=1)
print("wrote", len(cases), "cases to", os.path.normpath(path))
