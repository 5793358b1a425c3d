"""Generates the Jaxprs JAX prints for gradients into core/src/test/resources/ad/grad_jaxprs.json.

Run with the JAX virtualenv:  /work/venv-jax/bin/python tools/gen_grad_jaxprs.py
Each case has a Java mirror in GradJaxprTest (same operations in the same order).
"""
import json
import os

import jax
import jax.numpy as jnp
from jax import lax

F = lambda x, y: jnp.sin(x) + jnp.cos(y) * 2
f_jit = jax.jit(lambda x: jnp.sin(x) * x)


g_multi = jax.jit(lambda x, y: [jnp.sin(x), jnp.cos(y), x.astype(jnp.int32)])


def f_multi(x, y):
    o = g_multi(x, y)
    return jnp.sum(o[0]) + jnp.sum(o[1])


three = jax.custom_jvp(lambda x: jnp.sin(x))
three.defjvp(lambda p, t: (three(p[0]), t[0] * 3.0))

CASES = {
    "grad_F_0": (jax.grad(F, argnums=0), (0.5, 0.1)),
    "grad_F_1": (jax.grad(F, argnums=1), (0.5, 0.1)),
    "grad_sum_sin_mul": (jax.grad(lambda x: jnp.sum(jnp.sin(x) * x)), (jnp.ones(3),)),
    "grad_broadcast": (jax.grad(lambda x: jnp.sum(x * 2.0 + jnp.ones((2, 3)) * x)), (jnp.ones(3),)),
    "grad_jit": (jax.grad(f_jit), (1.0,)),
    "grad_jit_multi_0": (jax.grad(f_multi, 0), (jnp.ones(3), jnp.ones(3))),
    "grad_jit_multi_1": (jax.grad(f_multi, 1), (jnp.ones(3), jnp.ones(3))),
    "jvp_jit": (lambda x, t: jax.jvp(f_jit, (x,), (t,))[1], (1.0, 1.0)),
    "jit_grad": (jax.jit(jax.grad(lambda x: jnp.sin(x) * x)), (1.0,)),
    "grad_stop_gradient": (jax.grad(lambda x: lax.stop_gradient(x) * x), (1.0,)),
    "grad_stack": (jax.grad(lambda x: jnp.sum(jnp.stack([x, x * 2]))), (jnp.ones(2),)),
    "grad_checkpoint": (jax.grad(jax.checkpoint(lambda x: jnp.sin(jnp.sin(x)))), (1.0,)),
    "grad_custom_jvp": (jax.grad(three), (1.0,)),
    "grad_select": (jax.grad(lambda x: jnp.sum(lax.select(x > 0, x * x, -x))), (jnp.ones(3),)),
    "grad_grad_sin": (jax.grad(jax.grad(jnp.sin)), (1.0,)),
    # common model code (mirrored in GradJaxprOpsTest; Java's x.mul(2) is Python's x * 2)
    "grad_square_sum": (jax.grad(lambda x: jnp.sum(x ** 2)), (jnp.ones(3),)),
    "grad_mse": (jax.grad(lambda x, y: jnp.mean((x - y) ** 2)), (jnp.ones(3), jnp.zeros(3))),
    "grad_dense_tanh": (jax.grad(lambda w, x, b: jnp.sum(jnp.tanh(jnp.dot(w, x) + b))),
                        (jnp.ones((3, 4)), jnp.ones(4), jnp.ones(3))),
    "grad_matmul": (jax.grad(lambda a, c: jnp.sum(jnp.matmul(a, c))), (jnp.ones((2, 3)), jnp.ones((3, 4)))),
    "grad_slice": (jax.grad(lambda x: x[1:].sum()), (jnp.ones(3),)),
    "grad_max": (jax.grad(lambda x: jnp.max(x)), (jnp.arange(4.0),)),
    "grad_concat": (jax.grad(lambda x: jnp.concatenate([x, x * 2]).sum()), (jnp.ones(2),)),
    "grad_cumsum": (jax.grad(lambda x: jnp.sum(jnp.cumsum(x))), (jnp.ones(3),)),
    "grad_leaky_relu": (jax.grad(lambda x: jnp.sum(jnp.where(x > 0, x, x * 0.01))), (jnp.ones(3),)),
    "grad_exp_log": (jax.grad(lambda x: jnp.sum(jnp.log(jnp.exp(x) + 1.0))), (jnp.ones(3),)),
}

out = {"jax_version": jax.__version__, "cases": {}}
for name, (f, args) in CASES.items():
    out["cases"][name] = str(jax.make_jaxpr(f)(*args))
path = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources", "ad", "grad_jaxprs.json")
with open(path, "w") as fh:
    json.dump(out, fh, indent=1)
print("wrote", len(CASES), "jaxprs to", os.path.normpath(path))
