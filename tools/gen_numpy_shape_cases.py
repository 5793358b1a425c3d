#!/usr/bin/env python3
"""Generates expected values for jaxvm's jnp shape / indexing / at[] / linalg / sorting functions.

Run with the JAX virtualenv (JAX 0.10.2, CPU, x64 off):
    /work/venv-jax/bin/python tools/gen_numpy_shape_cases.py
Writes core/src/test/resources/numpy_shape/cases.json, read by NumpyShapeCasesTest. Each case names a
function, its arguments (arrays as {dtype, shape, data}; NaN/inf as strings) and either the expected
result(s) or the Python exception type JAX raised. Expected values come from jax.numpy (which jaxvm
mirrors, e.g. clamped out-of-bounds gathers, dropped out-of-bounds updates, int32 defaults); inputs
are seeded.
"""
import json, os, re
import numpy as np
import jax, jax.numpy as jnp

rng = np.random.default_rng(1234)
CASES = []


def enc_array(a):
    a = np.asarray(a)
    dt = str(a.dtype)
    flat = a.ravel()
    if a.dtype.kind == 'f' or dt == 'bfloat16':
        data = []
        for v in flat.astype(np.float64):
            data.append('nan' if np.isnan(v) else ('inf' if v == np.inf else ('-inf' if v == -np.inf else float(v))))
    elif a.dtype.kind == 'b':
        data = [bool(v) for v in flat]
    else:
        data = [int(v) for v in flat]
    return {"dtype": dt, "shape": list(a.shape), "data": data}


def enc(a):
    if isinstance(a, np.ndarray):
        return {"array": enc_array(a)}
    if isinstance(a, (list, tuple)):
        return [enc(x) for x in a]
    if isinstance(a, (np.floating,)):
        return float(a)
    return a


def arr(shape, dtype, lo=-9, hi=10, special=False):
    if dtype == 'bool':
        return rng.integers(0, 2, size=shape).astype(bool)
    if dtype.startswith('uint'):
        v = rng.integers(0, hi + 10, size=shape)
    else:
        v = rng.integers(lo, hi, size=shape)
    if dtype in ('float32', 'float16', 'bfloat16'):
        v = v + rng.integers(0, 4, size=shape) * 0.25
        if special and v.size >= 3:
            f = v.ravel().astype(np.float64)
            f[0], f[-1] = np.nan, -np.inf
            v = f.reshape(shape)
    return np.asarray(jnp.asarray(v, dtype=dtype))


def add(name, fn, args, f, **opts):
    """Records f(*args) as the expected result of Java function `fn`, or the exception it raises."""
    case = {"name": name, "fn": fn, "args": [enc(a) for a in args]}
    case.update(opts)
    try:
        out = f()
        if isinstance(out, (list, tuple)):
            case["outputs"] = [enc_array(np.asarray(o)) for o in out]
        else:
            case["outputs"] = [enc_array(np.asarray(out))]
    except Exception as e:  # noqa: BLE001 - the type is the expectation
        case["error"] = type(e).__name__
    CASES.append(case)


def j(a):
    return jnp.asarray(a)


DTYPES = ['float32', 'int32', 'uint8', 'bool', 'bfloat16', 'int16']

# ---- shape functions -------------------------------------------------------------------------
for dt in DTYPES:
    x = arr((2, 3, 4), dt)
    add(f"ravel_{dt}", "ravel", [x], lambda: jnp.ravel(j(x)))
    add(f"swapaxes_{dt}", "swapaxes", [x, 0, -1], lambda: jnp.swapaxes(j(x), 0, -1))
    add(f"moveaxis_{dt}", "moveaxis", [x, -1, 0], lambda: jnp.moveaxis(j(x), -1, 0))
    add(f"transpose_{dt}", "transpose", [x, [1, 2, 0]], lambda: jnp.transpose(j(x), (1, 2, 0)))
    add(f"flip_all_{dt}", "flip", [x, []], lambda: jnp.flip(j(x)))
    add(f"flip_axes_{dt}", "flip", [x, [-1, 0]], lambda: jnp.flip(j(x), (-1, 0)))
    add(f"roll_{dt}", "roll", [x, [5], [-1]], lambda: jnp.roll(j(x), 5, axis=-1))
    add(f"roll_flat_{dt}", "roll", [x, [-7], None], lambda: jnp.roll(j(x), -7))
    add(f"tile_{dt}", "tile", [x, [2, 1, 1, 3]], lambda: jnp.tile(j(x), (2, 1, 1, 3)))
    add(f"repeat_{dt}", "repeat", [x, 3, 1], lambda: jnp.repeat(j(x), 3, axis=1))
    add(f"split_{dt}", "split", [x, 2, -1], lambda: jnp.split(j(x), 2, axis=-1))
    add(f"split_idx_{dt}", "split_indices", [x, [1, 1, 3], 2], lambda: jnp.split(j(x), [1, 1, 3], axis=2))
    for mode in ["constant", "edge", "reflect", "symmetric", "wrap"]:
        add(f"pad_{mode}_{dt}", "pad", [x, [[1, 2], [0, 3], [4, 1]], mode],
            lambda: jnp.pad(j(x), ((1, 2), (0, 3), (4, 1)), mode=mode))
y1 = arr((3,), 'float32')
for mode in ["reflect", "symmetric", "wrap", "edge"]:
    add(f"pad_{mode}_large", "pad", [y1, [[7, 8]], mode], lambda: jnp.pad(j(y1), ((7, 8),), mode=mode))
p1 = arr((1, 2), 'int32')
for mode in ["reflect", "symmetric", "wrap", "edge", "constant"]:
    add(f"pad_{mode}_size1", "pad", [p1, [[2, 3], [1, 0]], mode], lambda: jnp.pad(j(p1), ((2, 3), (1, 0)), mode=mode))
pv = arr((2, 3), 'float32')
add("pad_constant_value", "pad_value", [pv, [[1, 1], [2, 0]], 2.5], lambda: jnp.pad(j(pv), ((1, 1), (2, 0)), constant_values=2.5))
cvals = np.array([[1, 2], [3, 4]], np.float32)
add("pad_constant_pairs", "pad_value", [pv, [[1, 2], [2, 1]], cvals], lambda: jnp.pad(j(pv), ((1, 2), (2, 1)), constant_values=cvals))
add("pad_constant_one", "pad_value", [pv, [[1, 0], [0, 1]], np.array([7], np.int32)],
    lambda: jnp.pad(j(pv), ((1, 0), (0, 1)), constant_values=np.array([7], np.int32)))
add("pad_0d", "pad", [np.asarray(np.float32(3)), [[2, 2]], "constant"], lambda: jnp.pad(j(np.float32(3)), 2))
add("pad_empty_axis_edge", "pad", [np.zeros((0, 2), np.float32), [[1, 1], [0, 0]], "edge"],
    lambda: jnp.pad(jnp.zeros((0, 2)), ((1, 1), (0, 0)), mode="edge"))
add("pad_negative", "pad", [y1, [[-1, 2]], "constant"], lambda: jnp.pad(j(y1), ((-1, 2),)))

a34 = arr((3, 4), 'float32'); b32 = arr((3, 2), 'int32'); c14 = arr((1, 4), 'uint8')
add("concatenate_axis1_mixed", "concatenate", [[a34, b32], 1], lambda: jnp.concatenate([j(a34), j(b32)], axis=1))
add("concatenate_neg_axis", "concatenate", [[a34, c14, a34], -2], lambda: jnp.concatenate([j(a34), j(c14), j(a34)], axis=-2))
add("concatenate_none", "concatenate", [[a34, b32], None], lambda: jnp.concatenate([j(a34), j(b32)], axis=None))
add("concatenate_empty_piece", "concatenate", [[a34, np.zeros((0, 4), np.float32)], 0],
    lambda: jnp.concatenate([j(a34), jnp.zeros((0, 4))], axis=0))
add("concatenate_bad_shape", "concatenate", [[a34, b32], 0], lambda: jnp.concatenate([j(a34), j(b32)], axis=0))
add("concatenate_0d", "concatenate", [[np.asarray(np.float32(1)), np.asarray(np.float32(2))], 0],
    lambda: jnp.concatenate([jnp.float32(1), jnp.float32(2)]))
add("stack_neg", "stack", [[a34, a34, a34], -1], lambda: jnp.stack([j(a34)] * 3, axis=-1))
i34 = arr((3, 4), 'int32')
add("stack_mixed", "stack", [[a34, i34], 1], lambda: jnp.stack([j(a34), j(i34)], axis=1))
h1, h2 = arr((3,), 'int32'), arr((2,), 'int32')
add("hstack_1d", "hstack", [[h1, h2]], lambda: jnp.hstack([j(h1), j(h2)]))
add("hstack_2d", "hstack", [[a34, b32]], lambda: jnp.hstack([j(a34), j(b32)]))
add("vstack_1d", "vstack", [[h1, h1]], lambda: jnp.vstack([j(h1), j(h1)]))
add("vstack_2d", "vstack", [[a34, c14]], lambda: jnp.vstack([j(a34), j(c14)]))
add("vstack_0d", "vstack", [[np.asarray(np.int32(5)), np.asarray(np.int32(6))]], lambda: jnp.vstack([jnp.int32(5), jnp.int32(6)]))
add("split_uneven", "split", [a34, 3, 1], lambda: jnp.split(j(a34), 3, axis=1))
add("tile_fewer_reps", "tile", [a34, [2]], lambda: jnp.tile(j(a34), 2))
add("tile_zero", "tile", [a34, [0, 2]], lambda: jnp.tile(j(a34), (0, 2)))
add("tile_0d", "tile", [np.asarray(np.float32(7)), [3]], lambda: jnp.tile(jnp.float32(7), 3))
add("repeat_flat", "repeat", [i34, 2, None], lambda: jnp.repeat(j(i34), 2))
add("repeat_zero", "repeat", [i34, 0, 0], lambda: jnp.repeat(j(i34), 0, axis=0))
add("repeat_array", "repeat_array", [i34, [1, 0, 3, 2], -1], lambda: jnp.repeat(j(i34), np.array([1, 0, 3, 2]), axis=-1))
add("repeat_0d", "repeat", [np.asarray(np.int32(4)), 3, None], lambda: jnp.repeat(jnp.int32(4), 3))
add("roll_multi", "roll", [i34, [1, -2], [0, 1]], lambda: jnp.roll(j(i34), (1, -2), axis=(0, 1)))
add("roll_empty", "roll", [np.zeros((0, 3), np.float32), [2], [0]], lambda: jnp.roll(jnp.zeros((0, 3)), 2, axis=0))
add("flip_0d", "flip", [np.asarray(np.float32(2)), []], lambda: jnp.flip(jnp.float32(2)))
add("expand_dims_neg", "expand_dims", [a34, [-1, 0]], lambda: jnp.expand_dims(j(a34), (-1, 0)))
s131 = arr((1, 3, 1), 'int32')
add("squeeze_all", "squeeze", [s131, []], lambda: jnp.squeeze(j(s131)))
add("squeeze_neg", "squeeze", [s131, [-1]], lambda: jnp.squeeze(j(s131), -1))
add("squeeze_bad", "squeeze", [s131, [1]], lambda: jnp.squeeze(j(s131), 1))
bt = arr((3, 1), 'uint8')
add("broadcast_to", "broadcast_to", [bt, [2, 3, 4]], lambda: jnp.broadcast_to(j(bt), (2, 3, 4)))
add("broadcast_to_bad", "broadcast_to", [bt, [3, 4, 2]], lambda: jnp.broadcast_to(j(bt), (3, 4, 2)))
ba2 = arr((4,), 'float32')
add("broadcast_arrays", "broadcast_arrays", [bt, ba2], lambda: jnp.broadcast_arrays(j(bt), j(ba2)))
m4 = arr((2, 3, 4, 5), 'int32')
add("moveaxis_multi", "moveaxis_multi", [m4, [0, 1], [-1, 1]], lambda: jnp.moveaxis(j(m4), (0, 1), (-1, 1)))
add("reshape_neg", "reshape", [m4, [6, -1]], lambda: jnp.reshape(j(m4), (6, -1)))

# ---- indexing ----------------------------------------------------------------------------------
X = arr((4, 5, 6), 'float32')
XI = arr((4, 5, 6), 'int32')
V = arr((7,), 'int32')
INDEX = [
    "1", "-1", "1, 2", "1, -2, 3", ":, :, 2", "..., 2", "1:3", "::2", "::-1", "3:0:-2", "-2:", ":-1, ::-3",
    "1:, ::2, None", "None, ..., None", "..., -1, None", "10", "-10", ":, 7", "1:100", "5:2", "-100:2",
    "[0, 2]", "[3, 0, 3]", "[-1, 1], [0, -5]", "[0, 1], :, [2, 3]", ":, [0, 1], [2, 3]", "1, :, [0, 5]",
    "[0, 1], 1:4", "[[0, 1], [2, 3]]", "[[0], [1]], [1, 2]", "[0, 1], ::-2", "[0, 1], None, [1, 2]",
    "[True, False, True, False]", ":, [True, False, False, True, True]", "[4, 5]", "[-5]", "[]",
    "True", "False", "..., True", "1, True, 2", "0, 0, 0, 0", "..., ...", "[[True, False, True, False, False]]",
    "[0, 1], [0, 1], [0, 1], [0]",
]


def py_index(s):
    """The Python index for a Java index string: lists become NumPy arrays (JAX rejects lists)."""
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch == '[':
            if depth == 0:
                out.append(cur); cur = ""
            depth += 1
            cur += ch
        elif ch == ']':
            depth -= 1
            cur += ch
            if depth == 0:
                dt = "" if ("True" in cur or "False" in cur) else ", dtype=np.int32"
                out.append("np.array(" + cur + dt + ")"); cur = ""
        else:
            cur += ch
    out.append(cur)
    return "".join(out)


for base_name, base in [("f", X), ("i", XI)]:
    for k, s in enumerate(INDEX):
        expr = py_index(s)
        add(f"get_{base_name}_{k}", "get", [base, s], lambda: eval(f"j(base)[{expr}]", {"j": j, "base": base, "np": np}))
for k, s in enumerate(["0", "-1", "2:5", "::-1", "[6, 0, 6]", "[[1, 2]]", "None", "...", "[]"]):
    expr = py_index(s)
    add(f"get_v_{k}", "get", [V, s], lambda: eval(f"j(V)[{expr}]", {"j": j, "V": V, "np": np}))
Z = np.asarray(np.float32(3.5))
for k, s in enumerate(["...", "None", "None, None", "True", "False"]):
    expr = py_index(s)
    add(f"get_0d_{k}", "get", [Z, s], lambda: eval(f"j(Z)[{expr}]", {"j": j, "Z": Z, "np": np}))
E = np.zeros((0, 3), np.float32)
for k, s in enumerate([":, 1", "[]", "..., 0:2"]):
    expr = py_index(s)
    add(f"get_empty_{k}", "get", [E, s], lambda: eval(f"j(E)[{expr}]", {"j": j, "E": E, "np": np}))
# get with modes
iv = np.array([-10, -6, -5, -4, 0, 3, 4, 5, 6, 100], np.int32)
xv = np.arange(5, dtype=np.int32) + 1
xf = xv.astype(np.float32)
for mode in ["clip", "fill", "promise_in_bounds"]:
    add(f"at_get_{mode}_i32", "at_get", [xv, iv, mode, None], lambda: j(xv).at[iv].get(mode=mode))
    add(f"at_get_{mode}_f32", "at_get", [xf, iv, mode, None], lambda: j(xf).at[iv].get(mode=mode))
add("at_get_fill_value", "at_get", [xv, iv, "fill", 7], lambda: j(xv).at[iv].get(mode="fill", fill_value=7))
add("at_get_fill_u8", "at_get", [xv.astype(np.uint8), iv, "fill", None], lambda: j(xv.astype(np.uint8)).at[iv].get(mode="fill"))
add("at_get_fill_bool", "at_get", [xv > 2, iv, "fill", None], lambda: j(xv > 2).at[iv].get(mode="fill"))

# ---- at[] updates ------------------------------------------------------------------------------
U = arr((4, 5), 'float32')
UI = arr((4, 5), 'int32')
UPD = [
    ("1", np.float32(9)), ("-1", np.float32(9)), (":, 2", arr((4,), 'float32')), ("1:3, 1:4", arr((2, 3), 'float32')),
    ("[0, 0, 2]", arr((3, 5), 'float32')), ("[0, 0, 2], [1, 1, 4]", arr((3,), 'float32')), ("::-1, 0", arr((4,), 'float32')),
    ("[10, -10, 1]", arr((3, 5), 'float32')), ("1, 7", np.float32(5)), ("..., None, 1", arr((4, 1), 'float32')),
    ("[True, False, True, False]", np.float32(2)), ("[0, 1], ::2", arr((1, 3), 'float32')), ("[]", np.float32(1)),
]
for op in ["set", "add", "subtract", "multiply", "divide", "power", "min", "max"]:
    for k, (s, val) in enumerate(UPD):
        expr = py_index(s)
        if op == "set" and s.startswith("[0, 0"):
            continue  # which duplicate wins is unspecified for set
        base = U if op != "power" else np.abs(U) + 1
        add(f"at_{op}_{k}", "at", [base, s, op, np.asarray(val)],
            lambda: getattr(eval(f"j(base).at[{expr}]", {"j": j, "base": base, "np": np}), op)(j(val)))
for op in ["set", "add", "min", "max", "multiply"]:
    add(f"at_{op}_int_scalar", "at", [UI, "[1, 1, 3], 2", op, 7], lambda: getattr(j(UI).at[np.array([1, 1, 3]), 2], op)(7))
    add(f"at_{op}_int_float", "at", [UI, "0", op, 2.5], lambda: getattr(j(UI).at[0], op)(2.5))
u8v = arr((3,), 'uint8')
add("at_add_u8", "at", [u8v, "[0, 0, 2]", "add", 200], lambda: j(u8v).at[np.array([0, 0, 2])].add(200))
add("at_set_bool", "at", [xv > 2, "[1, 4]", "set", True], lambda: j(xv > 2).at[np.array([1, 4])].set(True))
add("segment_sum", "at", [np.zeros(4, np.float32), "[0, 0, 0, 1, 2, 2, 3, 3]", "add", np.array([5, 1, 7, 2, 3, 4, 1, 3], np.float32)],
    lambda: jnp.zeros(4).at[np.array([0, 0, 0, 1, 2, 2, 3, 3])].add(np.array([5, 1, 7, 2, 3, 4, 1, 3], np.float32)))
add("at_clip_mode", "at_mode", [xf, "20", "add", 10.0, "clip"], lambda: j(xf).at[20].add(10., mode="clip"))
add("at_bad_broadcast", "at", [U, "0", "set", arr((6,), 'float32')], lambda: j(U).at[0].set(j(np.zeros(6, np.float32))))
zz = arr((4, 4), 'float32')
add("zeros_at_set", "at", [np.zeros((6, 6), np.float32), "1:-1, 1:-1", "set", zz], lambda: jnp.zeros((6, 6)).at[1:-1, 1:-1].set(j(zz)))

# ---- linalg ------------------------------------------------------------------------------------
for dt in ['float32', 'int32', 'uint8', 'bool', 'int16', 'bfloat16']:
    a, b = arr((3, 4), dt, -3, 4), arr((4, 5), dt, -3, 4)
    add(f"dot_mm_{dt}", "dot", [a, b], lambda: jnp.dot(j(a), j(b)))
    add(f"matmul_{dt}", "matmul", [a, b], lambda: jnp.matmul(j(a), j(b)))
a3, b3 = arr((2, 3, 4), 'float32', -3, 4), arr((2, 4, 5), 'float32', -3, 4)
v4, w4 = arr((4,), 'int32', -3, 4), arr((4,), 'float32', -3, 4)
m34i = arr((3, 4), 'int32', -3, 4)
add("dot_mv_mixed", "dot", [m34i, w4], lambda: jnp.dot(j(m34i), j(w4)))
add("dot_vv", "dot", [v4, v4], lambda: jnp.dot(j(v4), j(v4)))
add("dot_scalar", "dot", [m34i, 2.5], lambda: jnp.dot(j(m34i), 2.5))
d3 = arr((5, 4, 2), 'float32', -3, 4)
add("dot_3d", "dot", [a3, d3], lambda: jnp.dot(j(a3), j(d3)))
add("dot_bad", "dot", [a3, a3], lambda: jnp.dot(j(a3), j(a3)))
add("matmul_batch", "matmul", [a3, b3], lambda: jnp.matmul(j(a3), j(b3)))
c134 = arr((1, 3, 4), 'float32', -3, 4)
add("matmul_bcast", "matmul", [c134, b3], lambda: jnp.matmul(j(c134), j(b3)))
add("matmul_vm", "matmul", [v4, b3], lambda: jnp.matmul(j(v4), j(b3)))
add("matmul_mv", "matmul", [a3, v4], lambda: jnp.matmul(j(a3), j(v4)))
add("matmul_vv", "matmul", [v4, w4], lambda: jnp.matmul(j(v4), j(w4)))
e4, f3 = arr((2, 1, 3, 4), 'int32', -3, 4), arr((3, 4, 2), 'int32', -3, 4)
add("matmul_4d", "matmul", [e4, f3], lambda: jnp.matmul(j(e4), j(f3)))
add("matmul_bad", "matmul", [a3, a3], lambda: jnp.matmul(j(a3), j(a3)))
add("matmul_0d", "matmul", [np.asarray(np.float32(1)), a3], lambda: jnp.matmul(jnp.float32(1), j(a3)))
add("matmul_empty", "matmul", [np.zeros((2, 0), np.float32), np.zeros((0, 3), np.float32)],
    lambda: jnp.matmul(jnp.zeros((2, 0)), jnp.zeros((0, 3))))
t45 = arr((4, 5), 'float32', -3, 4)
add("tensordot_1", "tensordot", [a3, t45, 1], lambda: jnp.tensordot(j(a3), j(t45), 1))
add("tensordot_0", "tensordot", [v4, w4, 0], lambda: jnp.tensordot(j(v4), j(w4), 0))
g425 = arr((4, 2, 5), 'float32', -3, 4)
add("tensordot_axes", "tensordot_axes", [a3, g425, [0, -1], [1, 0]], lambda: jnp.tensordot(j(a3), j(g425), axes=([0, -1], [1, 0])))
EINSUM = [
    ("ij,jk->ik", [(3, 4), (4, 5)]), ("ij,kj->ki", [(3, 4), (2, 4)]), ("bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),
    ("ij->ji", [(3, 4)]), ("ij->i", [(3, 4)]), ("ii->", [(3, 3)]), ("ii->i", [(3, 3)]), ("i,j->ij", [(3,), (4,)]),
    ("ij,jk->i", [(3, 4), (4, 5)]), ("ij,jk", [(3, 4), (4, 5)]), ("i,i->", [(4,), (4,)]), ("ijk->kij", [(2, 3, 4)]),
    ("iij,jk->ik", [(3, 3, 4), (4, 2)]), ("ij,ij->ij", [(3, 4), (3, 4)]), ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 5)]),
]
for k, (spec, shapes) in enumerate(EINSUM):
    for dt in ['float32', 'int32']:
        ops = [arr(s, dt, -3, 4) for s in shapes]
        add(f"einsum_{k}_{dt}", "einsum", [spec] + ops, lambda: jnp.einsum(spec, *[j(o) for o in ops]))
add("einsum_bad", "einsum", ["ij,jk->ik", a34, a34], lambda: jnp.einsum("ij,jk->ik", j(a34), j(a34)))
o3 = arr((3,), 'float32')
add("outer", "outer", [v4, o3], lambda: jnp.outer(j(v4), j(o3)))
add("outer_2d", "outer", [m34i, o3], lambda: jnp.outer(j(m34i), j(o3)))
n24 = arr((2, 4), 'float32')
add("inner", "inner", [a34, n24], lambda: jnp.inner(j(a34), j(n24)))
add("inner_scalar", "inner", [a34, np.asarray(np.float32(2))], lambda: jnp.inner(j(a34), jnp.float32(2)))
add("vdot", "vdot", [m34i, a34], lambda: jnp.vdot(j(m34i), j(a34)))
for dt in ['float32', 'int32', 'uint8', 'int8', 'bool']:
    t = arr((3, 4), dt)
    add(f"trace_{dt}", "trace", [t, 0, 0, 1], lambda: jnp.trace(j(t)))
t234 = arr((2, 3, 4), 'int32')
add("trace_offset", "trace", [t234, 1, 1, 2], lambda: jnp.trace(j(t234), 1, 1, 2))
add("trace_neg_offset", "trace", [t234, -1, -1, 0], lambda: jnp.trace(j(t234), -1, -1, 0))

# ---- sorting -----------------------------------------------------------------------------------
for dt in ['float32', 'int32', 'uint8', 'bool', 'bfloat16', 'int8']:
    s = arr((3, 5), dt, special=True)
    add(f"sort_{dt}", "sort", [s, -1, False], lambda: jnp.sort(j(s)))
    add(f"sort_axis0_{dt}", "sort", [s, 0, False], lambda: jnp.sort(j(s), axis=0))
    add(f"sort_none_{dt}", "sort", [s, None, False], lambda: jnp.sort(j(s), axis=None))
    add(f"sort_desc_{dt}", "sort", [s, 1, True], lambda: jnp.sort(j(s), axis=1, descending=True))
    add(f"argsort_{dt}", "argsort", [s, -1, True, False], lambda: jnp.argsort(j(s)))
    add(f"argsort_axis0_{dt}", "argsort", [s, 0, True, False], lambda: jnp.argsort(j(s), axis=0))
    add(f"argsort_desc_{dt}", "argsort", [s, 1, True, True], lambda: jnp.argsort(j(s), axis=1, descending=True))
    add(f"argsort_none_{dt}", "argsort", [s, None, True, False], lambda: jnp.argsort(j(s), axis=None))
    add(f"unique_{dt}", "unique", [s], lambda: jnp.unique(j(s)))
    add(f"nonzero_{dt}", "nonzero", [s], lambda: jnp.nonzero(j(s)))
zero_neg = np.array([0., -0., 1., np.nan, -np.inf, np.nan, 0.], np.float32)
add("sort_signed_zero_nan", "sort", [zero_neg, -1, False], lambda: jnp.sort(j(zero_neg)))
add("argsort_signed_zero_nan", "argsort", [zero_neg, -1, True, False], lambda: jnp.argsort(j(zero_neg)))
add("unique_nan", "unique", [zero_neg], lambda: jnp.unique(j(zero_neg)))
add("sort_empty", "sort", [np.zeros((2, 0), np.float32), -1, False], lambda: jnp.sort(jnp.zeros((2, 0))))
add("sort_0d_none", "sort", [np.asarray(np.float32(1)), None, False], lambda: jnp.sort(jnp.float32(1), axis=None))
add("nonzero_0d", "nonzero", [np.asarray(np.float32(1))], lambda: jnp.nonzero(jnp.float32(1)))
srt = np.array([-1.5, 0., 0., 2., 3.5, 3.5, 9.], np.float32)
q = np.array([[-3., 0., 1., 3.5], [9., 10., np.nan, -0.]], np.float32)
add("searchsorted_left", "searchsorted", [srt, q, "left"], lambda: jnp.searchsorted(j(srt), j(q)))
add("searchsorted_right", "searchsorted", [srt, q, "right"], lambda: jnp.searchsorted(j(srt), j(q), side="right"))
si = np.array([1, 3, 3, 7], np.int32)
add("searchsorted_int", "searchsorted", [si, np.array([0, 3, 8, 7], np.int32), "right"],
    lambda: jnp.searchsorted(j(si), jnp.array([0, 3, 8, 7]), side="right"))
add("searchsorted_scalar", "searchsorted", [si, np.asarray(np.int32(3)), "left"], lambda: jnp.searchsorted(j(si), jnp.int32(3)))


def main():
    path = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources", "numpy_shape", "cases.json")
    cases = [c for c in CASES if c is not None]
    with open(path, "w") as fh:
        json.dump(cases, fh, separators=(",", ":"))
    print("wrote", len(cases), "cases,", sum("error" in c for c in cases), "errors, to", os.path.normpath(path),
          os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
