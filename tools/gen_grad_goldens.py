"""Generates expected gradients with real JAX for core/src/test/resources/ad/grad_goldens.json.

Run with the JAX virtualenv:  /work/venv-jax/bin/python tools/gen_grad_goldens.py
Each case is written with jax.lax so that the Java test (GradGoldenTest) can mirror it op for op.
"""
import json
import os

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

rng = np.random.default_rng(20261125)


def arr(*shape, lo=-1.0, hi=1.0):
    return rng.uniform(lo, hi, size=shape).astype(np.float32)


def s(x):  # full sum
    return lax.reduce_sum(x, tuple(range(x.ndim)))


c = lambda v: np.float32(v)

# name -> (function, args, argnums)
CASES = {
    "sin_cos": (lambda x: s(lax.mul(lax.sin(x), lax.cos(x))), [arr(5)], (0,)),
    "exp_tanh_div": (lambda x: s(lax.div(lax.exp(lax.tanh(x)), lax.add(c(1), lax.mul(x, x)))), [arr(2, 3)], (0,)),
    "logistic_log1p": (lambda x: s(lax.mul(lax.logistic(x), lax.log1p(lax.mul(x, x)))), [arr(4)], (0,)),
    "max_min": (lambda x, y: s(lax.mul(lax.max(x, y), lax.min(x, y))), [arr(6), arr(6)], (0, 1)),
    "sqrt_rsqrt": (lambda x: s(lax.sub(lax.sqrt(lax.add(lax.mul(x, x), c(1))), lax.rsqrt(lax.add(x, c(2))))),
                   [arr(3, 2)], (0,)),
    "pow": (lambda x, y: s(lax.pow(x, y)), [arr(4, lo=0.5, hi=2), arr(4)], (0, 1)),
    "atan2": (lambda x, y: s(lax.atan2(x, y)), [arr(3), arr(3, lo=0.5, hi=1)], (0, 1)),
    "reduce_then_square": (lambda x: s(lax.square(lax.reduce_sum(x, (0,)))), [arr(3, 4)], (0,)),
    "broadcast_mul": (lambda x, y: s(lax.mul(lax.broadcast_in_dim(x, (2, 3), (1,)), y)), [arr(3), arr(2, 3)], (0, 1)),
    "size1_broadcast": (lambda x, y: s(lax.mul(x, lax.sin(y))), [arr(1, 3), arr(2, 3)], (0, 1)),
    "scalar_broadcast": (lambda x, y: s(lax.mul(x, lax.cos(y))), [arr(), arr(2, 3)], (0, 1)),
    "reshape_transpose": (lambda x, w: s(lax.mul(lax.transpose(lax.reshape(x, (2, 3)), (1, 0)), w)),
                          [arr(6), arr(3, 2)], (0, 1)),
    "select": (lambda x: s(lax.select(lax.gt(x, c(0)), lax.mul(x, x), lax.neg(x))), [arr(7)], (0,)),
    "abs_sign": (lambda x: s(lax.mul(lax.abs(x), lax.add(lax.sign(x), c(2)))), [arr(5)], (0,)),
    "stack": (lambda x, w: s(lax.mul(jnp.stack([x, lax.sin(x)]), w)), [arr(3), arr(2, 3)], (0, 1)),
    "squeeze_expand": (lambda x: s(lax.exp(lax.squeeze(lax.broadcast_in_dim(x, (1, 4), (1,)), (0,)))), [arr(4)], (0,)),
    "asinh_acos_atan": (lambda x: s(lax.add(lax.add(lax.asinh(x), lax.acos(x)), lax.atan(x))), [arr(4, lo=-0.9, hi=0.9)], (0,)),
    "sinh_cosh_tan": (lambda x: s(lax.mul(lax.add(lax.sinh(x), lax.cosh(x)), lax.tan(x))), [arr(4)], (0,)),
    "expm1_log_cbrt": (lambda x: s(lax.add(lax.expm1(x), lax.mul(lax.log(x), lax.cbrt(x)))), [arr(4, lo=0.5, hi=2)], (0,)),
    "rem_div": (lambda x, y: s(lax.add(lax.rem(x, y), lax.div(x, y))), [arr(4, lo=1, hi=3), arr(4, lo=0.3, hi=0.9)], (0, 1)),
    "mlp_like": (lambda w, x: s(lax.tanh(lax.reduce_sum(lax.mul(lax.broadcast_in_dim(x, (3, 4), (1,)), w), (1,)))),
                 [arr(3, 4), arr(4)], (0, 1)),
    "reused_value": (lambda x: s(lax.mul(lax.mul(x, x), lax.add(x, lax.exp(x)))), [arr(3)], (0,)),
}

SECOND_ORDER = {
    "d2_sin_mul": (lambda x: lax.mul(lax.sin(x), lax.mul(x, x)), np.float32(0.7)),
    "d2_logistic": (lambda x: lax.logistic(lax.mul(c(3), x)), np.float32(-0.4)),
    "d2_tanh_exp": (lambda x: lax.tanh(lax.exp(x)), np.float32(0.3)),
}


def enc(a):
    a = np.asarray(a)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


out = {"jax_version": jax.__version__, "cases": [], "second_order": []}
for name, (f, args, argnums) in CASES.items():
    val, grads = jax.value_and_grad(f, argnums=argnums)(*args)
    out["cases"].append({"name": name, "args": [enc(a) for a in args], "argnums": list(argnums),
                         "value": float(val), "grads": [enc(g) for g in grads]})
for name, (f, x) in SECOND_ORDER.items():
    out["second_order"].append({"name": name, "x": float(x), "d1": float(jax.grad(f)(x)),
                                "d2": float(jax.grad(jax.grad(f))(x)), "d3": float(jax.grad(jax.grad(jax.grad(f)))(x))})

path = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources", "ad", "grad_goldens.json")
with open(path, "w") as fh:
    json.dump(out, fh, indent=1)
print("wrote", len(out["cases"]), "cases to", os.path.normpath(path))
