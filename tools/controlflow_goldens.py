"""Golden Jaxprs and values for jaxvm's control flow (cond, switch, while_loop, fori_loop, scan, map),
printed by real JAX 0.10.2 on CPU with x64 off.

Run: /work/venv-jax/bin/python tools/controlflow_goldens.py > core/src/test/resources/controlflow/goldens.json
Each case: the Jaxpr text of make_jaxpr(f)(*args), the arguments, the outputs and (where the
function is differentiable) the gradient of the sum of its first output w.r.t. its first argument.
The Java twins of these functions are in ControlFlowJaxTest.
"""
import json
import numpy as np
import jax
import jax.numpy as jnp
from jax import lax


def cond_pytree_consts(x, y):
    c = jnp.array([1.0, 2.0, 3.0])
    return lax.cond(x.sum() > 0, lambda p: (p[0] * c + y, p[1]), lambda p: (p[0] - y, p[1] * 2.0), (x, y))

def cond_two_operands(x, y):
    return lax.cond(x[0] < y, lambda a, b: jnp.sin(a) * b, lambda a, b: jnp.cos(a) + b, x, y)

def cond_int_pred(x):
    return lax.cond(3, lambda a: a + 1.0, lambda a: a - 1.0, x)

def switch_two_operands(i, x):
    return lax.switch(i, [lambda a: a * 2.0, lambda a: jnp.exp(a), lambda a: -a], x)

def while_simple(x):
    return lax.while_loop(lambda c: c.sum() < 10.0, lambda c: c * 2.0, x)

def while_cond_consts(x, lim):
    return lax.while_loop(lambda c: c.sum() < lim, lambda c: c * 2.0 + x, x)

def while_move_to_const(x, k):
    def body(c):
        i, v, kk = c
        return i + 1, v * kk, kk
    return lax.while_loop(lambda c: c[0] < 4, body, (0, x, k))[1]

def fori_concrete(x):
    return lax.fori_loop(0, 5, lambda i, c: c * 0.5 + i, x)

def fori_unroll(x):
    return lax.fori_loop(0, 6, lambda i, c: c * 0.5 + i, x, unroll=2)

def fori_traced(x, n):
    return lax.fori_loop(0, n, lambda i, c: c * 0.5 + i, x)

def scan_reverse(xs):
    return lax.scan(lambda c, x: (c * x, c + x), 1.0, xs, reverse=True)

def scan_no_xs(x):
    return lax.scan(lambda c, _: (c * 2.0, c), x, None, length=4)

def scan_pytree_carry(xs, w):
    def body(c, x):
        a, b = c
        return (a + x * w, b * x), a * b
    return lax.scan(body, (jnp.zeros(()), jnp.ones(())), xs)

def scan_with_cond(xs):
    def body(c, x):
        c2 = lax.cond(x > 0, lambda v: v + x, lambda v: v * 0.5, c)
        return c2, c2 * x
    return lax.scan(body, 0.0, xs)

def cond_with_while(x):
    return lax.cond(x.sum() > 0, lambda v: lax.while_loop(lambda c: c.sum() < 5.0, lambda c: c + 1.0, v), lambda v: v, x)

def map_sin(xs):
    return lax.map(lambda r: jnp.sin(r).sum(), xs)

def jvp_cond(x, t):
    return jax.jvp(lambda v: lax.cond(v.sum() > 0, jnp.sin, jnp.cos, v), (x,), (t,))

def jvp_scan(xs, t):
    return jax.jvp(lambda v: lax.scan(lambda c, x: (c * x, jnp.sin(c)), 1.0, v), (xs,), (t,))

def vmap_cond(x):
    return jax.vmap(lambda v: lax.cond(v.sum() > 0, jnp.sin, jnp.cos, v))(x)

def vmap_while(x):
    return jax.vmap(lambda v: lax.while_loop(lambda c: c < 10.0, lambda c: c * 2.0, v))(x)

def vmap_scan(xs):
    return jax.vmap(lambda v: lax.scan(lambda c, x: (c + x, c * x), 0.0, v))(xs)

def grad_cond(x):
    return jax.grad(lambda v: lax.cond(v.sum() > 0, lambda a: jnp.sin(a).sum(), lambda a: (a * a).sum(), v))(x)

def grad_scan(xs):
    return jax.grad(lambda v: lax.scan(lambda c, x: (c * x + jnp.sin(x), c), 1.0, v)[0])(xs)


F3 = np.array([0.5, -1.25, 2.0], np.float32)
CASES = [
    ("cond_pytree_consts", cond_pytree_consts, (F3, np.float32(0.75)), True),
    ("cond_two_operands", cond_two_operands, (F3, np.float32(0.25)), True),
    ("cond_int_pred", cond_int_pred, (F3,), True),
    ("switch_two_operands", switch_two_operands, (np.int32(1), F3), False),
    ("while_simple", while_simple, (F3,), False),
    ("while_cond_consts", while_cond_consts, (np.abs(F3), np.float32(40.0)), False),
    ("while_move_to_const", while_move_to_const, (F3, np.float32(1.5)), False),
    ("fori_concrete", fori_concrete, (F3,), True),
    ("fori_unroll", fori_unroll, (F3,), True),
    ("fori_traced", fori_traced, (F3, np.int32(3)), False),
    ("scan_reverse", scan_reverse, (F3,), True),
    ("scan_no_xs", scan_no_xs, (F3,), True),
    ("scan_pytree_carry", scan_pytree_carry, (F3, np.float32(0.5)), True),
    ("scan_with_cond", scan_with_cond, (F3,), True),
    ("cond_with_while", cond_with_while, (F3,), False),
    ("map_sin", map_sin, (np.arange(6, dtype=np.float32).reshape(3, 2) / 3,), True),
    ("jvp_cond", jvp_cond, (F3, np.array([1.0, 0.5, -1.0], np.float32)), False),
    ("jvp_scan", jvp_scan, (F3, np.array([1.0, 0.5, -1.0], np.float32)), False),
    ("vmap_cond", vmap_cond, (np.array([[0.5, 1.0], [-2.0, 0.5], [-1.0, -1.0]], np.float32),), False),
    ("vmap_while", vmap_while, (np.array([0.5, 3.0, 7.0], np.float32),), False),
    ("vmap_scan", vmap_scan, (np.array([[0.5, 1.0], [-2.0, 0.5], [-1.0, -1.0]], np.float32),), False),
    ("grad_cond", grad_cond, (F3,), False),
    ("grad_scan", grad_scan, (F3,), False),
]


def tolist(x):
    return np.asarray(x).astype(np.float64).tolist()


def main():
    out = {"jax": jax.__version__, "cases": {}}
    for name, f, args, differentiable in CASES:
        case = {"jaxpr": str(jax.make_jaxpr(f)(*args)),
                "args": [tolist(a) for a in args],
                "outs": [tolist(o) for o in jax.tree_util.tree_leaves(f(*args))]}
        if differentiable:
            g = jax.grad(lambda a, *rest: jax.tree_util.tree_leaves(f(a, *rest))[0].sum())(*args)
            case["grad"] = tolist(g)
        out["cases"][name] = case
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
