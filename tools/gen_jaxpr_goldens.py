"""Generates golden Jaxpr texts with real JAX 0.10.2 for jaxvm's printer and tracing tests.

Run with the JAX virtualenv:  /work/venv-jax/bin/python tools/gen_jaxpr_goldens.py
Writes core/src/test/resources/jaxpr/goldens.json: {case name: {"python": source, "jaxpr": text}}.
Each case is Python source that assigns `out` (a ClosedJaxpr); JaxprGoldenTest holds the equivalent
Java program for every name and compares its text byte for byte.
"""
import json, os, sys
import numpy as np
import jax, jax.numpy as jnp
from jax import lax

assert jax.__version__ == "0.10.2", jax.__version__

CASES = {}
def case(name, src):
    CASES[name] = src.strip("\n")

case("execute_kernel", """
@jax.jit
def execute_kernel(P, F):
    return jnp.stack([(P[:, :, k] * F).sum() for k in range(P.shape[2])], axis=-1)
out = jax.make_jaxpr(execute_kernel)(jnp.zeros((3, 3, 4), jnp.uint8), jnp.array([[0,-1,0],[-1,5,-1],[0,-1,0]]))
""")
case("elementwise_chain", """
out = jax.make_jaxpr(lambda x: jnp.sin(x) * 2.0 + jnp.cos(x))(jnp.ones(3))
""")
case("int_literals", """
out = jax.make_jaxpr(lambda x: x * 2 + 1 - (-3))(jnp.ones(4, jnp.int32))
""")
case("uint8_literal", """
out = jax.make_jaxpr(lambda x: x + 1)(jnp.ones(3, jnp.uint8))
""")
case("int8_int16_literals", """
out = jax.make_jaxpr(lambda x, y: (x * 3, y - 7))(jnp.ones(2, jnp.int8), jnp.ones(2, jnp.int16))
""")
case("float16_bfloat16_literals", """
out = jax.make_jaxpr(lambda x, y: (x * 0.5, y + 2.0))(jnp.ones(2, jnp.float16), jnp.ones(2, jnp.bfloat16))
""")
case("float_literal_values", """
out = jax.make_jaxpr(lambda x: (x * 0.1, x + 1e-5, x - 1e20, x * float('inf'), x / 3.0))(jnp.ones(2))
""")
case("bool_compare", """
out = jax.make_jaxpr(lambda x, y: (x > 0.5, y == 3, x <= y))(jnp.ones(3), jnp.ones(3, jnp.int32))
""")
case("weak_scalar_inputs", """
out = jax.make_jaxpr(lambda x, y: x * y)(3.0, jnp.ones(3))
""")
case("weak_int_times_float_array", """
out = jax.make_jaxpr(lambda x, y: x + y)(3, jnp.ones(3))
""")
case("weak_int_plus_float_literal", """
out = jax.make_jaxpr(lambda x: x + 1.5)(2)
""")
case("int_array_times_float", """
out = jax.make_jaxpr(lambda x: x * 2.5)(jnp.ones(3, jnp.int32))
""")
case("int_true_divide", """
out = jax.make_jaxpr(lambda x: x / 2)(jnp.ones(3, jnp.int32))
""")
case("astype_weak", """
out = jax.make_jaxpr(lambda x: x.astype(jnp.float32) + 1)(2)
""")
case("uint8_times_int32", """
out = jax.make_jaxpr(lambda p, f: p * f)(jnp.ones((2, 2), jnp.uint8), jnp.ones((2, 2), jnp.int32))
""")
case("reductions", """
out = jax.make_jaxpr(lambda x: (x.sum(), x.sum(axis=0), jnp.sum(x, axis=(0, 1)), x.mean(axis=1)))(jnp.ones((2, 3)))
""")
case("sum_bool_and_uint8", """
out = jax.make_jaxpr(lambda b, u: (b.sum(), u.sum(axis=0)))(jnp.ones(3, bool), jnp.ones((2, 2), jnp.uint8))
""")
case("mean_int", """
out = jax.make_jaxpr(lambda x: x.mean())(jnp.ones((2, 3), jnp.int32))
""")
case("reshape_transpose", """
out = jax.make_jaxpr(lambda x: x.reshape(2, 6).T.reshape(-1, 4))(jnp.ones((3, 4)))
""")
case("transpose_axes", """
out = jax.make_jaxpr(lambda x: jnp.transpose(x, (1, 2, 0)))(jnp.ones((2, 3, 4)))
""")
case("basic_indexing", """
out = jax.make_jaxpr(lambda x: (x[1:3, ::2], x[0], x[..., 1], x[None, 1]))(jnp.ones((4, 5)))
""")
case("squeeze_expand", """
out = jax.make_jaxpr(lambda x: (jnp.squeeze(x), jnp.expand_dims(x, 0), jnp.squeeze(x, axis=1)))(jnp.ones((3, 1, 2)))
""")
case("broadcast_to", """
out = jax.make_jaxpr(lambda x, y: (jnp.broadcast_to(x, (2, 3)), x + y))(jnp.ones(3), jnp.ones((2, 3)))
""")
case("stack_axis1", """
out = jax.make_jaxpr(lambda x, y, z: jnp.stack([x, y, z], axis=1))(jnp.ones((2, 3)), jnp.ones((2, 3)), jnp.ones((2, 3)))
""")
case("stack_promotes", """
out = jax.make_jaxpr(lambda x, y: jnp.stack([x, y]))(jnp.ones(2, jnp.int32), jnp.ones(2))
""")
case("creation", """
out = jax.make_jaxpr(lambda: (jnp.ones(3), jnp.zeros((2, 2), jnp.int32), jnp.full((2,), 7)))()
""")
case("identity_no_eqns", """
out = jax.make_jaxpr(lambda x: x)(jnp.ones(3))
""")
case("literal_output", """
out = jax.make_jaxpr(lambda x: (x, 1.0, 2))(jnp.ones(3))
""")
case("unused_outputs", """
def f(x):
    c = jnp.cos(x)
    s = jnp.sin(x)
    return s * 2.0
out = jax.make_jaxpr(f)(1.0)
""")
case("constvars", """
c = np.arange(3.0, dtype=np.float32)
d = np.ones((2, 3), np.int32)
out = jax.make_jaxpr(lambda x: x * c + d)(jnp.ones(3))
""")
case("jit_simple", """
out = jax.make_jaxpr(jax.jit(lambda x: jnp.sin(x) * 2.0))(jnp.ones(3))
""")
case("jit_with_constvar", """
c = np.arange(3.0, dtype=np.float32)
out = jax.make_jaxpr(jax.jit(lambda x: x + c))(jnp.ones(3))
""")
case("jit_closure_over_tracer", """
out = jax.make_jaxpr(lambda x, y: jax.jit(lambda z: z * x + y)(y) * 0.1)(jnp.ones(3), jnp.ones(3))
""")
case("jit_called_twice", """
f = jax.jit(lambda x: x * 2.0)
out = jax.make_jaxpr(lambda x: f(x) + f(x + 1.0))(jnp.ones(3))
""")
case("jit_same_arg_twice", """
f = jax.jit(lambda x, y: x * y + x)
out = jax.make_jaxpr(lambda x: f(x, x))(jnp.ones(3))
""")
case("nested_jit", """
inner = jax.jit(lambda x, y: jnp.sin(x) * y)
outer = jax.jit(lambda x, y: inner(x, y) + inner(y, x) * 2.0)
out = jax.make_jaxpr(outer)(jnp.ones(3), jnp.ones(3))
""")
case("nested_jit_once", """
def inner(x, y):
    return jnp.broadcast_to(x, (1,)) + y
inner = jax.jit(inner)
def outer(a, b):
    return inner(a, b * 2.0) - 1.0
out = jax.make_jaxpr(outer)(1.0, 2.0)
""")
case("jit_big_callee", """
def body(x):
    for i in range(6):
        x = jnp.sin(x) * float(i + 1)
    return x
out = jax.make_jaxpr(lambda x: jax.jit(body)(x) + 1.0)(jnp.ones(3))
""")
case("jit_ten_eqns_inline", """
def body(x):
    for i in range(5):
        x = jnp.sin(x) * float(i + 1)
    return x
out = jax.make_jaxpr(lambda x: jax.jit(body)(x) + 1.0)(jnp.ones(3))
""")
case("jit_shared_name_clash", """
def f(x):
    return x * 2.0
def g(x):
    return x + 3.0
f1 = jax.jit(f)
g1 = jax.jit(g)
def top(x):
    a = f1(x); b = f1(a); c = g1(b); d = g1(c)
    e = jnp.sin(d)
    f_ = e * 3.0
    return f_
out = jax.make_jaxpr(top)(jnp.ones(2))
""")
case("jit_same_name_two_jaxprs", """
def f(x):
    return x * 2.0
f1 = jax.jit(f)
def make_other_f():
    def f(x):
        return x - 1.0
    return jax.jit(f)
f2 = make_other_f()
def top(x):
    y = f1(x) + f1(x)
    z = f2(y) + f2(y)
    return [jnp.sin(z) for _ in range(3)][0]
out = jax.make_jaxpr(top)(jnp.ones(2))
""")
case("jit_pytree_args", """
f = jax.jit(lambda p: (p[0] + p[1], p[0] * p[1]))
out = jax.make_jaxpr(lambda x, y: f((x, y)))(jnp.ones(3), jnp.ones(3))
""")
case("jit_static_arg", """
f = jax.jit(lambda x, n: x * n, static_argnums=1)
out = jax.make_jaxpr(lambda x: f(x, 3) + f(x, 4))(jnp.ones(3))
""")
case("jit_unused_result", """
f = jax.jit(lambda x: (jnp.sin(x), jnp.cos(x)))
out = jax.make_jaxpr(lambda x: f(x)[1])(jnp.ones(3))
""")
case("dict_pytree", """
out = jax.make_jaxpr(lambda p: p['w'] * 2.0 + p['b'])({'w': jnp.ones(3), 'b': jnp.zeros(3)})
""")
case("many_inputs_wrap", """
out = jax.make_jaxpr(lambda *xs: sum(xs))(*[1.0] * 30)
""")
case("many_inputs_no_eqns", """
out = jax.make_jaxpr(lambda *xs: xs)(*[1.0] * 14)
""")
case("long_args_wrap", """
out = jax.make_jaxpr(lambda *xs: jnp.stack(xs))(*[jnp.ones((2, 3)) for _ in range(24)])
""")
case("long_outputs_wrap", """
out = jax.make_jaxpr(lambda x: [x * float(i) for i in range(24)])(jnp.ones((2, 3)))
""")
case("many_names", """
def f(x):
    for i in range(40):
        x = x + 1.0
    return x
out = jax.make_jaxpr(f)(1.0)
""")
case("lax_unary", """
out = jax.make_jaxpr(lambda x: lax.exp(lax.log(lax.tanh(lax.sqrt(lax.abs(lax.neg(lax.square(x))))))))(jnp.ones(2))
""")
case("lax_select_n", """
out = jax.make_jaxpr(lambda x: lax.select(x > 0.0, x, lax.neg(x)))(jnp.ones(3))
""")
case("lax_iota_broadcast", """
out = jax.make_jaxpr(lambda x: (lax.iota(jnp.int32, 5), lax.broadcasted_iota(jnp.float32, (2, 3), 1), lax.broadcast_in_dim(x, (2, 3), (1,))))(jnp.ones(3))
""")
case("lax_convert", """
out = jax.make_jaxpr(lambda x: (lax.convert_element_type(x, jnp.int32), lax.convert_element_type(x, jnp.float16), x.astype(jnp.uint8)))(jnp.ones(2))
""")
case("lax_binary", """
out = jax.make_jaxpr(lambda x, y: (lax.max(x, y), lax.min(x, y), lax.atan2(x, y), lax.rem(x, y), lax.pow(x, y), lax.nextafter(x, y)))(jnp.ones(2), jnp.ones(2))
""")
case("lax_bitwise", """
out = jax.make_jaxpr(lambda x, y: (lax.bitwise_and(x, y), lax.bitwise_or(x, y), lax.bitwise_xor(x, y), lax.bitwise_not(x), lax.shift_left(x, y), lax.shift_right_logical(x, y), lax.population_count(x), lax.clz(x)))(jnp.ones(2, jnp.int32), jnp.ones(2, jnp.int32))
""")
case("lax_slice_reshape", """
out = jax.make_jaxpr(lambda x: (lax.slice(x, (0, 1), (2, 3)), lax.slice(x, (0, 0), (2, 4), (1, 2)), lax.reshape(x, (4, 2)), lax.squeeze(x[:1], (0,))))(jnp.ones((2, 4)))
""")
case("nested_jit_wrapped_params", """
inner = jax.jit(lambda x: x[0:2, 1:3] * 2.0)
out = jax.make_jaxpr(lambda x: inner(x) + 1.0)(jnp.ones((4, 4)))
""")
case("bool_uint32_nan_literals", """
out = jax.make_jaxpr(lambda b, u, x: (b == True, u + 5, x * float('nan'), x - float('-inf')))(jnp.ones(2, bool), jnp.ones(2, jnp.uint32), jnp.ones(2))
""")
case("jit_returns_const_and_literal", """
c = np.arange(4.0, dtype=np.float32)
out = jax.make_jaxpr(lambda x: jax.jit(lambda y: (y + 1.0, c, 2.0))(x))(jnp.ones(4))
""")
case("jit_nested_closure", """
f = jax.jit(lambda x: jax.jit(lambda y: x * y + 1.0)(x * 2.0))
out = jax.make_jaxpr(f)(jnp.ones(3))
""")
case("jit_scalar_args", """
f = jax.jit(lambda x, y: x * y)
out = jax.make_jaxpr(lambda a: f(a, 2.0) + f(3, a))(jnp.ones(3))
""")

case("permissive_sum", """
def permissive_sum(x):
  return jnp.sum(jnp.array(x))
out = jax.make_jaxpr(permissive_sum)(list(range(10)))
""")
case("dot_shifted", """
def f(x, y):
  return jnp.dot(x + 1, y + 1)
out = jax.make_jaxpr(f)(np.ones((3, 4), np.float32), np.ones(4, np.float32))
""")
case("at_set_and_where", """
def g(b, a):
  b = b.at[1:-1, 1:-1].set(a)
  return jnp.where(b > 2, b, 0.)
out = jax.make_jaxpr(g)(jnp.zeros((6, 6)), jnp.ones((4, 4)))
""")

def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_path = os.path.join(root, "core/src/test/resources/jaxpr/goldens.json")
    result = {}
    for name, src in CASES.items():
        env = {"jax": jax, "jnp": jnp, "np": np, "lax": lax}
        exec(src, env)
        result[name] = {"python": src, "jaxpr": str(env["out"])}
    with open(out_path, "w") as f:
        json.dump({"jax_version": jax.__version__, "cases": result}, f, indent=1, sort_keys=False)
        f.write("\n")
    print("wrote %d cases to %s" % (len(result), out_path))

if __name__ == "__main__":
    main()
