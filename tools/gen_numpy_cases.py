#!/usr/bin/env python3
"""Generates the expected results of jaxvm's jnp elementwise/reduction/creation functions.

Run with real JAX (0.10.2) and NumPy:  /work/venv-jax/bin/python tools/gen_numpy_cases.py
Writes core/src/test/resources/numpy/{elementwise,reductions,creation,repr,promotion}.json.

Expected values, dtypes and weak types come from jax.numpy on CPU (what jaxvm emulates). Each float
result of a function NumPy also has is cross-checked against NumPy computed in float64 on the same
inputs; disagreements (JAX semantics that differ from NumPy's) are marked "numpy_differs" in the case
and summarised on stderr.
Arrays are encoded as {"dtype", "shape", "data", "weak"}; non-finite floats and -0.0 as strings.
"""
import json
import math
import os
import sys

import numpy as np
import jax
import jax.numpy as jnp
import ml_dtypes

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources", "numpy")
RNG = np.random.default_rng(20261125)
DTYPES = ["bool", "int8", "uint8", "int32", "float16", "float32"]


def enc_scalar(v, dtype):
    if dtype == "bool":
        return bool(v)
    if dtype.startswith("int") or dtype.startswith("uint"):
        return int(v)
    f = float(v)
    if math.isnan(f):
        return "nan"
    if math.isinf(f):
        return "inf" if f > 0 else "-inf"
    if f == 0 and math.copysign(1, f) < 0:
        return "-0.0"
    return f


def enc(a):
    """Encodes a JAX or NumPy array (or a Java-scalar stand-in) as JSON."""
    if isinstance(a, (bool, int, float)) and not isinstance(a, np.generic):
        kind = "bool" if isinstance(a, bool) else ("int" if isinstance(a, int) else "float")
        return {"scalar": kind, "value": enc_scalar(a, "bool" if kind == "bool" else
                                                    ("int32" if kind == "int" else "float64"))}
    weak = bool(getattr(getattr(a, "aval", None), "weak_type", False))
    arr = np.asarray(a)
    dtype = arr.dtype.name
    return {"dtype": dtype, "shape": list(arr.shape), "weak": weak,
            "data": [enc_scalar(v, dtype) for v in arr.reshape(-1).tolist()]}


def sample(dtype, shape, kind="any"):
    n = int(np.prod(shape)) if shape else 1
    if dtype == "bool":
        v = RNG.integers(0, 2, n).astype(bool)
    elif dtype == "uint8":
        v = RNG.integers(0, 12 if kind == "small" else 250, n).astype(np.uint8)
    elif dtype.startswith("int"):
        lo, hi = (-6, 7) if kind == "small" or dtype == "int8" else (-1000, 1000)
        v = RNG.integers(lo, hi, n).astype(dtype)
    else:
        if kind == "unit":
            v = RNG.uniform(-0.95, 0.95, n)
        elif kind == "positive":
            v = RNG.uniform(0.1, 5, n)
        elif kind == "ge1":
            v = RNG.uniform(1, 5, n)
        else:
            v = np.round(RNG.normal(0, 3, n), 2)
        v = v.astype(ml_dtypes.bfloat16 if dtype == "bfloat16" else dtype)
    return jnp.asarray(v.reshape(shape))


def run(fn, *args, **kw):
    try:
        return enc(fn(*args, **kw)), None
    except Exception as e:  # noqa: BLE001 - recorded as an expected error
        return None, type(e).__name__ + ": " + str(e).split("\n")[0]


NUMPY_CHECKED = [0]
NUMPY_DIFFERS = []


def numpy_agrees(name, args, kw, res):
    """Cross-checks a float JAX result against NumPy evaluated in float64 (None: not comparable)."""
    npfn = getattr(np, name, None)
    if npfn is None or res is None or not res["dtype"].startswith("float") or res["dtype"] == "bfloat16":
        return None
    # Values in float64 (JAX promotes ints and bools to float for these; NumPy would use float16 for int8).
    np_args = [np.asarray(a, dtype=np.float64) if hasattr(a, "dtype") else a for a in args]
    try:
        with np.errstate(all="ignore"):
            want = np.asarray(npfn(*np_args, **kw), dtype=np.float64)
    except Exception:  # noqa: BLE001 - NumPy lacks this signature
        return None
    got = np.array([float(v) if not isinstance(v, str) else float(v.replace("-0.0", "-0")) for v in res["data"]])
    if want.size != got.size:
        return False
    tol = {"float16": 2e-3, "float32": 2e-5, "float64": 1e-12}[res["dtype"]]
    NUMPY_CHECKED[0] += 1
    return bool(np.allclose(got, want.reshape(-1), rtol=tol, atol=tol, equal_nan=True))


def case(cases, name, fn, args, kw=None, tol=None):
    kw = kw or {}
    res, err = run(fn, *args, **kw)
    c = {"fn": name, "args": [enc(a) for a in args], "kwargs": kw}
    if err is not None:
        c["error"] = err
    else:
        c["expected"] = res
        agree = numpy_agrees(name, args, kw, res)
        if agree is False:
            c["numpy_differs"] = True
            NUMPY_DIFFERS.append(name + " " + " ".join(str(getattr(a, "dtype", type(a).__name__)) for a in args))
    cases.append(c)


UNARY = {  # jnp name -> input kind
    "negative": "any", "positive": "any", "abs": "any", "sign": "any", "square": "small", "sqrt": "positive",
    "cbrt": "any", "reciprocal": "positive", "exp": "small", "exp2": "small", "expm1": "small", "log": "positive",
    "log2": "positive", "log10": "positive", "log1p": "positive", "sin": "any", "cos": "any", "tan": "unit",
    "arcsin": "unit", "arccos": "unit", "arctan": "any", "sinh": "small", "cosh": "small", "tanh": "any",
    "arcsinh": "any", "arccosh": "ge1", "arctanh": "unit", "floor": "any", "ceil": "any", "trunc": "any",
    "rint": "any", "round": "any", "isnan": "any", "isinf": "any", "isfinite": "any", "logical_not": "any",
    "bitwise_not": "any", "signbit": "any", "deg2rad": "any", "rad2deg": "any",
}
BINARY = {
    "add": "any", "subtract": "any", "multiply": "small", "divide": "any", "true_divide": "any",
    "floor_divide": "any", "mod": "any", "remainder": "any", "fmod": "any", "power": "small", "maximum": "any",
    "minimum": "any", "arctan2": "any", "hypot": "any", "logaddexp": "any", "equal": "small",
    "not_equal": "small", "less": "any", "less_equal": "small", "greater": "any", "greater_equal": "small",
    "logical_and": "small", "logical_or": "small", "logical_xor": "small", "bitwise_and": "any",
    "bitwise_or": "any", "bitwise_xor": "any", "left_shift": "shift", "right_shift": "shift",
}


def elementwise():
    cases = []
    for name, kind in UNARY.items():
        fn = getattr(jnp, name)
        for dt in DTYPES:
            case(cases, name, fn, [sample(dt, (2, 3), kind)])
        case(cases, name, fn, [sample("float32", (), kind)])
        case(cases, name, fn, [sample("float32", (0,), kind)])
    special = jnp.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 2.5, -2.5, 0.5, 1.5], jnp.float32)
    for name in ["abs", "sign", "floor", "ceil", "trunc", "rint", "round", "isnan", "isinf", "isfinite", "signbit",
                 "negative", "sqrt", "exp", "log", "tanh", "square"]:
        case(cases, name, getattr(jnp, name), [special])
    for dec in (1, 2, -1):
        case(cases, "round", jnp.round, [sample("float32", (5,))], {"decimals": dec})
    for name, kind in BINARY.items():
        fn = getattr(jnp, name)
        for dt in DTYPES:
            k = kind
            if kind == "shift":
                if dt in ("bool",) or dt.startswith("float"):
                    continue
                a, b = sample(dt, (2, 3), "small"), jnp.abs(sample(dt, (2, 3), "small")) % 8
                case(cases, name, fn, [a, b.astype(dt)])
                continue
            a, b = sample(dt, (2, 3), k), sample(dt, (2, 3), k)
            if name == "power" and dt not in ("float16", "float32"):
                b = jnp.abs(b) % 4
                b = b.astype(dt)
            case(cases, name, fn, [a, b])
        # broadcasting, mixed dtypes and Java scalars (weak)
        if kind != "shift":
            case(cases, name, fn, [sample("float32", (2, 3), kind), sample("float32", (3,), kind)])
            case(cases, name, fn, [sample("int32", (4, 1), "small"), sample("float32", (1, 5), kind)])
            case(cases, name, fn, [sample("uint8", (3,), "small"), sample("int8", (3,), "small")])
            case(cases, name, fn, [sample("float16", (3,), kind), 2.0])
            case(cases, name, fn, [sample("int32", (3,), "small"), 3])
            case(cases, name, fn, [sample("float32", (), kind), sample("float32", (0,), kind)])
    for p in (0, 1, 2, 3, -1, -2):
        case(cases, "power", jnp.power, [sample("float32", (4,)), p])
    case(cases, "power", jnp.power, [sample("int32", (4,), "small"), 3])
    case(cases, "power", jnp.power, [sample("uint8", (4,), "small"), 2])
    z = jnp.array([7, -7, 0, 5], jnp.int32)
    for name in ["floor_divide", "mod", "fmod"]:
        case(cases, name, getattr(jnp, name), [z, jnp.array([2, 2, 3, 0], jnp.int32)])
        case(cases, name, getattr(jnp, name), [jnp.array([7.5, -7.5, 0., 5.], jnp.float32),
                                               jnp.array([2., 2., -3., 0.], jnp.float32)])
    cond = sample("bool", (2, 3))
    case(cases, "where", jnp.where, [cond, sample("float32", (2, 3)), sample("float32", (2, 3))])
    case(cases, "where", jnp.where, [sample("bool", (3,)), sample("int32", (2, 3)), 1.5])
    case(cases, "where", jnp.where, [sample("int32", (2, 1), "small"), sample("uint8", (1, 3)), sample("int8", (2, 3))])
    case(cases, "where", jnp.where, [True, sample("float16", (2,)), 0])
    case(cases, "where", jnp.where, [sample("bool", (2,)), sample("float32", (3,)), 0.0])
    for mn, mx in ((0, 1), (-1.5, None), (None, 2), (3.0, 2.0)):
        for dt in ("float32", "int32", "uint8"):
            case(cases, "clip", jnp.clip, [sample(dt, (2, 3))], {"min": mn, "max": mx})
    return cases


def reductions():
    cases = []
    fns = ["sum", "prod", "mean", "var", "std", "max", "min", "argmax", "argmin", "all", "any", "cumsum", "cumprod"]
    for name in fns:
        fn = getattr(jnp, name)
        for dt in DTYPES:
            kind = "small" if name in ("prod", "cumprod") else "any"
            x = sample(dt, (2, 3, 4), kind)
            if name in ("prod", "cumprod") and dt.startswith("float"):
                x = jnp.asarray(RNG.uniform(0.5, 1.5, (2, 3, 4)).astype(dt))
            case(cases, name, fn, [x])
            case(cases, name, fn, [x], {"axis": 1})
            case(cases, name, fn, [x], {"axis": -1})
            if name not in ("argmax", "argmin", "cumsum", "cumprod"):
                case(cases, name, fn, [x], {"axis": [0, 2]})
                case(cases, name, fn, [x], {"axis": [0, 2], "keepdims": True})
            if name in ("argmax", "argmin"):
                case(cases, name, fn, [x], {"axis": 1, "keepdims": True})
                case(cases, name, fn, [x], {"keepdims": True})
        case(cases, name, fn, [sample("float32", ())])
        case(cases, name, fn, [sample("float32", (5,))])
        if name not in ("argmax", "argmin", "max", "min"):
            case(cases, name, fn, [sample("float32", (0, 3))])
            case(cases, name, fn, [sample("float32", (0, 3))], ({"axis": 0} if name not in ("cumsum", "cumprod")
                                                                 else {"axis": 1}))
        else:
            case(cases, name, fn, [sample("float32", (0, 3))])
            case(cases, name, fn, [sample("float32", (2, 0))], {"axis": 0})
    for name in ("var", "std"):
        for ddof in (1, 2, 3):
            case(cases, name, getattr(jnp, name), [sample("float32", (3, 4))], {"ddof": ddof})
            case(cases, name, getattr(jnp, name), [sample("int32", (3, 4))], {"ddof": ddof, "axis": 0})
    nan = jnp.array([[1., np.nan, 3., np.nan], [2., 2., 1., 1.]], jnp.float32)
    for name in ("argmax", "argmin", "max", "min", "cumsum"):
        case(cases, name, getattr(jnp, name), [nan], {"axis": 1})
    case(cases, "sum", jnp.sum, [jnp.full((300,), 200, jnp.uint8)])
    case(cases, "sum", jnp.sum, [jnp.full((100,), 100, jnp.int8)])
    case(cases, "sum", jnp.sum, [jnp.full((3,), 2 ** 31 - 1, jnp.int32)])
    case(cases, "axis_error", lambda x: jnp.sum(x, axis=3), [sample("float32", (2, 3))])
    return cases


def creation():
    cases = []
    def add(name, fn, kw):
        res, err = run(fn)
        c = {"fn": name, "args": [], "kwargs": kw}
        if err is not None:
            c["error"] = err
        else:
            c["expected"] = res
        cases.append(c)
    for shape in ([2, 3], [], [0], [4]):
        add("zeros", lambda: jnp.zeros(shape), {"shape": shape})
        add("ones", lambda: jnp.ones(shape, jnp.uint8), {"shape": shape, "dtype": "uint8"})
        add("full", lambda: jnp.full(shape, 7), {"shape": shape, "fill": 7})
        add("full", lambda: jnp.full(shape, 2.5, jnp.float16), {"shape": shape, "fill": 2.5, "dtype": "float16"})
        add("full", lambda: jnp.full(shape, True), {"shape": shape, "fill": True})
    for args in ((5,), (2, 10, 3), (5, 0, -1), (3, 10), (0, 5), (5, 2), (-3,)):
        add("arange", lambda: jnp.arange(*args), {"args": list(args)})
    for args in ((2.5,), (0., 1., 0.25), (1., 2.5), (1., 2., 0.3), (-1., 1., 0.5)):
        add("arange", lambda: jnp.arange(*args), {"args": list(args)})
    add("arange", lambda: jnp.arange(1, 5, 1, dtype=jnp.uint8), {"args": [1, 5, 1], "dtype": "uint8"})
    add("arange", lambda: jnp.arange(0, 3, 1, dtype=jnp.float32), {"args": [0, 3, 1], "dtype": "float32"})
    for start, stop, num, endpoint, dt in ((0, 1, 5, True, None), (0., 1., 5, False, None), (0, 10, 5, True, "int32"),
                                           (2, -3, 7, True, None), (0., 1., 1, True, None), (0., 1., 0, True, None),
                                           (1, 2, 4, True, "float16")):
        add("linspace", lambda: jnp.linspace(start, stop, num, endpoint=endpoint, dtype=dt),
            {"start": start, "stop": stop, "num": num, "endpoint": endpoint, "dtype": dt})
    for n, m, k, dt in ((3, 3, 0, None), (2, 3, 1, "int32"), (2, 3, -1, "bool"), (4, 2, -2, None), (0, 0, 0, None),
                        (3, 3, 5, None)):
        add("eye", lambda: jnp.eye(n, m, k=k, dtype=dt), {"n": n, "m": m, "k": k, "dtype": dt})
        add("tri", lambda: jnp.tri(n, m, k=k, dtype=dt), {"n": n, "m": m, "k": k, "dtype": dt})
    add("identity", lambda: jnp.identity(3, jnp.int32), {"n": 3, "dtype": "int32"})
    for v, k in (([1., 2., 3.], 0), ([1., 2., 3.], 1), ([1, 2], -2), ([True, False], 0)):
        arr = jnp.array(v)
        res, err = run(jnp.diag, arr, k=k)
        cases.append({"fn": "diag", "args": [enc(arr)], "kwargs": {"k": k}, "expected": res})
    m = jnp.arange(12.).reshape(3, 4)
    for k in (0, 1, -1, 3, -3, 5):
        cases.append({"fn": "diag", "args": [enc(m)], "kwargs": {"k": k}, "expected": run(jnp.diag, m, k=k)[0]})
    for ij in (False, True):
        x, y, z = jnp.arange(2.), jnp.arange(3), jnp.arange(4.)
        out = jnp.meshgrid(x, y, z, indexing="ij" if ij else "xy")
        cases.append({"fn": "meshgrid", "args": [enc(x), enc(y), enc(z)], "kwargs": {"ij": ij},
                      "expected_list": [enc(o) for o in out]})
    for like, dt in ((sample("float32", (2, 3)), None), (sample("int8", (3,)), None), (jnp.array(1.5), None),
                     (sample("float32", (2,)), "int32")):
        for name, fn in (("zeros_like", jnp.zeros_like), ("ones_like", jnp.ones_like)):
            cases.append({"fn": name, "args": [enc(like)], "kwargs": {"dtype": dt},
                          "expected": run(fn, like, dtype=dt)[0]})
        cases.append({"fn": "full_like", "args": [enc(like)], "kwargs": {"fill": 3, "dtype": dt},
                      "expected": run(jnp.full_like, like, 3, dtype=dt)[0]})
    return cases


def reprs():
    vals = [
        jnp.array([1., 2.5, -3.]), jnp.arange(22.) * 1.5, jnp.arange(13.) * 1.5, jnp.array([1e-5, 1.5]),
        jnp.array([1e10, -2.5, np.nan, -np.inf]), jnp.array([np.nan]), jnp.array(np.inf), jnp.array(-np.inf),
        jnp.array([1.5, 2, 3], jnp.float16), jnp.array([1.5, 2, 3000], jnp.float16),
        jnp.array([1.5, 2, 300], jnp.bfloat16), jnp.array([0.1, 123456., 1e10, -0.0, np.nan], jnp.bfloat16),
        jnp.array([True, True]), jnp.array([True, False]), jnp.array(True), jnp.array(False), jnp.array(-0.0),
        jnp.array([0.1, -0.0]), jnp.zeros((2, 0)), jnp.zeros((0,), jnp.int32), jnp.array(1.0), jnp.array(3),
        jnp.array(2.5, jnp.float32), jnp.arange(12).reshape(3, 4), jnp.arange(24.).reshape(2, 3, 4),
        jnp.arange(2000), jnp.arange(2000.).reshape(40, 50), jnp.arange(3000, dtype=jnp.int8),
        jnp.array([1 / 3, 2 / 3, 1e-4], jnp.float32), jnp.array([100000., 1.], jnp.float32),
        jnp.array([1e6, 1.], jnp.float32), jnp.array([0.1, 0.2, 0.3]), jnp.array([1e-4, 1.]),
        jnp.array([123456789.]), jnp.linspace(0, 1, 7), jnp.array([-1, 200, 3], jnp.int32),
        jnp.array([255, 0], jnp.uint8), jnp.array([[1.5, np.nan], [np.inf, 2.]]), jnp.array([1e-20, 1e20]),
        jnp.array([0., 0.]), jnp.array([[True], [False]]), jnp.arange(40.).reshape(2, 20) / 7,
        jnp.array([0.1, 1 / 3], jnp.float16), jnp.ones((2, 3, 2), jnp.int8), jnp.arange(1100.).reshape(1100, 1),
        jnp.array([3.14159265, -2.71828182]), jnp.full((30,), 1 / 3),
    ]
    out = [{"array": enc(v), "repr": repr(v)} for v in vals]
    with jax.experimental_enable_x64() if hasattr(jax, "experimental_enable_x64") else _x64():
        for v in ([1 / 3, 2.5], [1e-300, 1e300], [0.1, 0.2]):
            a = jnp.array(v, jnp.float64)
            out.append({"array": enc(a), "repr": repr(a)})
    return out


class _x64:
    def __enter__(self):
        jax.config.update("jax_enable_x64", True)

    def __exit__(self, *a):
        jax.config.update("jax_enable_x64", False)


def promotion():
    names = ["bool", "uint8", "uint32", "int8", "int32", "int64", "bfloat16", "float16", "float32", "float64",
             "weak_int", "weak_float"]
    tables = {}
    for x64 in (False, True):
        jax.config.update("jax_enable_x64", x64)
        def val(n):
            if n == "weak_int":
                return 1
            if n == "weak_float":
                return 1.0
            return jnp.asarray(np.ones((), dtype=ml_dtypes.bfloat16 if n == "bfloat16" else n))
        rows = {}
        for a in names:
            row = {}
            for b in names:
                r = jnp.add(val(a), val(b))
                row[b] = r.dtype.name + ("*" if r.aval.weak_type else "")
            rows[a] = row
        tables["x64" if x64 else "x32"] = rows
    jax.config.update("jax_enable_x64", False)
    return {"names": names, "tables": tables}


def x64_cases():
    cases = []
    jax.config.update("jax_enable_x64", True)
    try:
        x = jnp.asarray(np.round(RNG.normal(0, 3, (2, 3)), 3))
        i = jnp.asarray(RNG.integers(-50, 50, (2, 3)))
        for name in ("sin", "exp", "sqrt", "floor", "abs", "log1p"):
            case(cases, name, getattr(jnp, name), [jnp.abs(x) if name in ("sqrt", "log1p") else x])
        for name in ("sum", "mean", "var", "argmax", "cumsum", "max"):
            case(cases, name, getattr(jnp, name), [i])
            case(cases, name, getattr(jnp, name), [x], {"axis": 0})
        for name in ("add", "divide", "floor_divide", "mod", "power", "maximum"):
            case(cases, name, getattr(jnp, name), [i, jnp.asarray(RNG.integers(1, 5, (2, 3)))])
            case(cases, name, getattr(jnp, name), [x, 2.5])
        case(cases, "sum", jnp.sum, [jnp.full((3,), 200, jnp.uint8)])
        case(cases, "divide", jnp.divide, [jnp.array([1, 2], jnp.int32), 3])
    finally:
        jax.config.update("jax_enable_x64", False)
    return cases


def npy_files():
    """Small .npy/.npz files written by NumPy and jnp.save, with their contents, for the I/O tests."""
    d = os.path.join(OUT, "npy")
    os.makedirs(d, exist_ok=True)
    arrays = {
        "bool": np.array([[True, False, True], [False, False, True]]),
        "int8": np.array([-128, -1, 0, 127], np.int8), "uint8": np.array([0, 1, 255], np.uint8),
        "int16": np.array([-32768, 5, 32767], np.int16), "uint16": np.array([0, 65535], np.uint16),
        "int32": np.arange(-3, 9, dtype=np.int32).reshape(2, 2, 3), "uint32": np.array([0, 4294967295], np.uint32),
        "int64": np.array([-5, 7], np.int64), "uint64": np.array([3, 9], np.uint64),
        "float16": np.array([1.5, -0.0, np.inf, 65504], np.float16),
        "float32": np.array([[1.25, np.nan], [-np.inf, 3.4e38]], np.float32),
        "float64": np.array([0.1, -2.5e-300, 1e300], np.float64), "scalar": np.array(2.5, np.float32),
        "empty": np.zeros((0, 3), np.float32),
    }
    index = []
    for name, a in arrays.items():
        np.save(os.path.join(d, name + ".npy"), a)
        index.append({"file": name + ".npy", "expected": enc(a), "numpy_wrote": True})
        if a.dtype.itemsize > 1 and a.dtype.kind != "b":
            np.save(os.path.join(d, name + "_be.npy"), a.astype(a.dtype.newbyteorder(">")))
            index.append({"file": name + "_be.npy", "expected": enc(a), "numpy_wrote": False})
    bf = jnp.array([1.5, -2.0, 0.1, np.inf], jnp.bfloat16)
    jnp.save(os.path.join(d, "bfloat16.npy"), bf)
    index.append({"file": "bfloat16.npy", "expected": enc(bf), "numpy_wrote": True})
    np.save(os.path.join(d, "fortran.npy"), np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3)))
    raw = open(os.path.join(d, "float32.npy"), "rb").read()
    open(os.path.join(d, "truncated.npy"), "wb").write(raw[:-5])
    open(os.path.join(d, "badmagic.npy"), "wb").write(b"\x93NUMPX" + raw[6:])
    np.savez(os.path.join(d, "pair.npz"), a=arrays["int32"], b=arrays["float16"])
    np.savez_compressed(os.path.join(d, "pair_compressed.npz"), first=arrays["bool"], second=arrays["float32"])
    index.append({"file": "pair.npz", "entries": {"a": enc(arrays["int32"]), "b": enc(arrays["float16"])}})
    index.append({"file": "pair_compressed.npz",
                  "entries": {"first": enc(arrays["bool"]), "second": enc(arrays["float32"])}})
    return index


def jaxprs():
    """make_jaxpr of jnp functions (with jnp's own jit equations), compared with jaxvm's text byte for byte."""
    cases = []

    def add(fn, kwargs, args, f):
        specs = [a if isinstance(a, (int, float)) else jax.ShapeDtypeStruct(a[1], a[0]) for a in args]
        dyn = [i for i, a in enumerate(args) if not isinstance(a, (int, float))]
        def g(*xs):
            full = list(args)
            for i, x in zip(dyn, xs):
                full[i] = x
            return f(*full)
        try:
            text = str(jax.make_jaxpr(g)(*[specs[i] for i in dyn]))
        except Exception:  # noqa: BLE001 - JAX rejects it; covered by the value tests
            return
        if "custom_jvp_call" in text:  # jaxvm has no custom_jvp_call yet: logaddexp's body is inlined
            return
        enc_args = [{"scalar": "int" if isinstance(a, int) else "float", "value": a} if isinstance(a, (int, float))
                    else {"dtype": a[0], "shape": list(a[1])} for a in args]
        cases.append({"fn": fn, "kwargs": kwargs, "args": enc_args, "jaxpr": text})

    kinds = [("float32", (2, 3)), ("int32", (2, 3)), ("bool", (2, 3)), ("uint8", (2, 3)), ("float16", (2, 3))]
    for name in UNARY:
        for k in kinds:
            add(name, {}, [k], getattr(jnp, name))
    for name in BINARY:
        fn = getattr(jnp, name)
        for k in kinds:
            add(name, {}, [k, k], fn)
        add(name, {}, [("int32", (3,)), ("float32", (2, 3))], fn)
        add(name, {}, [("float32", (2, 3)), 2.0], fn)
        add(name, {}, [("uint8", (3,)), 2], fn)
    add("power", {}, [("float32", (3,)), 3], jnp.power)
    add("power", {}, [("int32", (3,)), -1], jnp.power)
    add("round", {"decimals": 2}, [("float32", (3,))], lambda x: jnp.round(x, 2))
    add("where", {}, [("bool", (3,)), ("float32", (2, 3)), 1.0], jnp.where)
    add("where", {}, [("int32", (2, 3)), ("uint8", (2, 3)), ("int8", (2, 3))], jnp.where)
    add("clip", {"min": 0, "max": 1}, [("float32", (2, 3))], lambda x: jnp.clip(x, 0, 1))
    add("clip", {"min": 0.5, "max": None}, [("int32", (2, 3))], lambda x: jnp.clip(x, 0.5, None))
    for name in ["sum", "prod", "mean", "var", "std", "max", "min", "argmax", "argmin", "all", "any", "cumsum",
                 "cumprod"]:
        fn = getattr(jnp, name)
        for k in kinds:
            add(name, {}, [k], fn)
            add(name, {"axis": 1}, [k], lambda x: fn(x, axis=1))
            if name not in ("cumsum", "cumprod"):
                add(name, {"axis": 0, "keepdims": True}, [k], lambda x: fn(x, axis=0, keepdims=True))
    add("var", {"ddof": 1, "axis": 0}, [("float32", (2, 3))], lambda x: jnp.var(x, axis=0, ddof=1))
    for shape in ([2, 3], [4]):
        add("zeros", {"shape": shape}, [], lambda: jnp.zeros(shape))
        add("ones", {"shape": shape, "dtype": "uint8"}, [], lambda: jnp.ones(shape, jnp.uint8))
        add("full", {"shape": shape, "fill": 7}, [], lambda: jnp.full(shape, 7))
        add("full", {"shape": shape, "fill": 2.5, "dtype": "float16"}, [], lambda: jnp.full(shape, 2.5, jnp.float16))
    for args in ((5,), (2, 10, 3), (5, 0, -1), (3, 10), (0, 5), (0, 5, 1), (2.5,), (0., 1., 0.25), (1., 2.5)):
        add("arange", {"args": list(args)}, [], lambda: jnp.arange(*args))
    add("arange", {"args": [1, 5, 1], "dtype": "uint8"}, [], lambda: jnp.arange(1, 5, 1, dtype=jnp.uint8))
    for n, m, k, dt in ((3, 3, 0, None), (2, 3, 1, "int32"), (2, 3, -1, "bool"), (4, 2, -2, None)):
        add("eye", {"n": n, "m": m, "k": k, "dtype": dt}, [], lambda: jnp.eye(n, m, k=k, dtype=dt))
        add("tri", {"n": n, "m": m, "k": k, "dtype": dt}, [], lambda: jnp.tri(n, m, k=k, dtype=dt))
    for name, fn in (("zeros_like", jnp.zeros_like), ("ones_like", jnp.ones_like)):
        add(name, {"dtype": None}, [("float32", (2, 3))], fn)
        add(name, {"dtype": "int32"}, [("float32", (2, 3))], lambda x: fn(x, dtype=jnp.int32))
    add("full_like", {"fill": 3, "dtype": None}, [("int8", (3,))], lambda x: jnp.full_like(x, 3))
    for start, stop, num, endpoint, dt in ((0, 1, 5, True, None), (0., 1., 5, False, None), (0, 10, 5, True, "int32"),
                                           (0., 1., 1, True, None), (0., 1., 0, True, None)):
        add("linspace", {"start": start, "stop": stop, "num": num, "endpoint": endpoint, "dtype": dt}, [],
            lambda: jnp.linspace(start, stop, num, endpoint=endpoint, dtype=dt))
    for k in (0, 1, -2):
        add("diag", {"k": k}, [("float32", (3,))], lambda v: jnp.diag(v, k=k))
        add("diag", {"k": k}, [("int32", (2, 3))], lambda v: jnp.diag(v, k=k))
    return cases


def lax_cases():
    """The lax primitives added for jnp (values and JAX's error messages), called directly."""
    from jax import lax
    cases = []

    def add(prim, params, args, fn):
        res, err = run(fn, *args)
        c = {"prim": prim, "params": params, "args": [enc(a) for a in args]}
        if err is not None:
            c["error"] = err.split(": ", 1)[1]
        else:
            c["expected"] = res
        cases.append(c)

    f32 = jnp.asarray(RNG.uniform(-3, 3, (2, 5)).astype(np.float32))
    pos = jnp.asarray(RNG.uniform(0.05, 9, (2, 5)).astype(np.float32))
    unit = jnp.asarray(RNG.uniform(-0.999, 0.999, (2, 5)).astype(np.float32))
    f16 = f32.astype(jnp.float16)
    bf16 = f32.astype(jnp.bfloat16)
    i32 = jnp.asarray(RNG.integers(-9, 9, (2, 5)).astype(np.int32))
    u8 = jnp.asarray(RNG.integers(0, 255, (2, 5)).astype(np.uint8))
    b = jnp.asarray(RNG.integers(0, 2, (2, 5)).astype(bool))
    special = jnp.array([0., -0., 1., -1., np.inf, -np.inf, np.nan, 0.5, -2.5, 1e-8], jnp.float32)
    for name in ("erf", "erfc", "erf_inv", "lgamma", "digamma"):
        fn = getattr(lax, name)
        x = unit if name == "erf_inv" else (pos if name in ("lgamma", "digamma") else f32)
        for v in (x, x.astype(jnp.float16), x.astype(jnp.bfloat16), special, i32):
            add(name, {}, [v], fn)
    add("lgamma", {}, [jnp.array([-2.5, -0.5, 0.5, 30., 100.], jnp.float32)], lax.lgamma)
    add("digamma", {}, [jnp.array([-2.5, -0.5, 0.5, 30., 100.], jnp.float32)], lax.digamma)
    for m in (0, 1):
        rm = lax.RoundingMethod(m)
        for v in (jnp.array([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, -2.6, np.nan, np.inf], jnp.float32), f16, i32):
            add("round", {"rounding_method": m}, [v], lambda a: lax.round(a, rm))
    for y in (-2, -1, 0, 1, 2, 3, 7):
        for v in (f32, f16, i32, u8, b):
            add("integer_pow", {"y": y}, [v], lambda a: lax.integer_pow(a, y))
    for eb, mb in ((5, 10), (8, 7), (4, 3), (11, 52), (8, 23), (2, 0)):
        for v in (f32 * 1000, special, f16, i32):
            add("reduce_precision", {"exponent_bits": eb, "mantissa_bits": mb}, [v],
                lambda a: lax.reduce_precision(a, eb, mb))
    for v, t in ((f32, "int32"), (f32, "uint8"), (f32, "float16"), (f16, "int16"), (i32, "float32"),
                 (jnp.asarray(RNG.integers(0, 255, (3, 2)).astype(np.uint8)), "float16"),
                 (jnp.asarray(RNG.integers(0, 255, (2, 3)).astype(np.uint8)), "float32"), (b, "uint8"),
                 (jnp.array(1.5, jnp.float32), "uint16"), (jnp.array(3, jnp.uint8), "float32")):
        add("bitcast_convert_type", {"new_dtype": t}, [v], lambda a: lax.bitcast_convert_type(a, t))
    for lo, x, hi in ((jnp.float32(-1), f32, jnp.float32(1)), (f32 - 1, f32 * 2, f32 + 1), (jnp.int32(0), i32, jnp.int32(5)),
                      (jnp.int32(0), f32, jnp.float32(1)), (jnp.zeros(5), f32, jnp.float32(1)),
                      (jnp.float32(0), f32, jnp.zeros(3)), (jnp.float32(2), f32, jnp.float32(1)),
                      (jnp.bool_(False), b, jnp.bool_(True)),
                      (jnp.float32(0), jnp.array([np.nan, 3., -3.], jnp.float32), jnp.float32(1))):
        add("clamp", {}, [lo, x, hi], lax.clamp)
    x3 = jnp.asarray(RNG.uniform(-3, 3, (2, 3, 4)).astype(np.float32))
    for name in ("reduce_max", "reduce_min", "reduce_prod", "reduce_sum", "reduce_and", "reduce_or", "reduce_xor"):
        fn = getattr(lax, name)
        for v in (x3, x3.astype(jnp.float16), jnp.asarray(RNG.integers(-5, 5, (2, 3, 4)).astype(np.int32)),
                  jnp.asarray(RNG.integers(0, 200, (2, 3, 4)).astype(np.uint8)),
                  jnp.asarray(RNG.integers(0, 2, (2, 3, 4)).astype(bool))):
            for axes in ((1,), (0, 2), (), (0, 1, 2)):
                add(name, {"axes": list(axes)}, [v], lambda a: fn(a, axes))
        add(name, {"axes": [3]}, [x3], lambda a: fn(a, (3,)))
        add(name, {"axes": [1, 1]}, [x3], lambda a: fn(a, (1, 1)))
        add(name, {"axes": [0]}, [jnp.zeros((0, 3))], lambda a: fn(a, (0,)))
    nan = jnp.array([[1., np.nan, 3., np.nan], [2., 2., 1., 1.], [-np.inf, 0., -np.inf, 5.]], jnp.float32)
    for name in ("argmax", "argmin"):
        fn = getattr(lax, name)
        for v in (nan, x3, jnp.asarray(RNG.integers(0, 3, (3, 4)).astype(np.uint8)), b):
            for axis in (0, 1):
                for it in ("int32", "uint8"):
                    add(name, {"axes": [axis], "index_dtype": it}, [v], lambda a: fn(a, axis, it))
        add(name, {"axes": [2], "index_dtype": "int32"}, [nan], lambda a: fn(a, 2, "int32"))
        add(name, {"axes": [0], "index_dtype": "float32"}, [nan], lambda a: fn(a, 0, "float32"))
        add(name, {"axes": [0], "index_dtype": "int32"}, [jnp.zeros((0, 3))], lambda a: fn(a, 0, "int32"))
    for name in ("cumsum", "cumprod", "cummax", "cummin", "cumlogsumexp"):
        fn = getattr(lax, name)
        for v in (x3, x3.astype(jnp.float16), jnp.asarray(RNG.integers(-3, 4, (2, 3, 4)).astype(np.int32)),
                  jnp.asarray(RNG.integers(0, 9, (2, 3, 4)).astype(np.uint8)), b, nan):
            for axis in (0, 1):
                for rev in (False, True):
                    if axis < v.ndim:
                        add(name, {"axis": axis, "reverse": rev}, [v], lambda a: fn(a, axis, rev))
        add(name, {"axis": 3, "reverse": False}, [x3], lambda a: fn(a, 3))
        add(name, {"axis": -1, "reverse": False}, [x3], lambda a: fn(a, -1))
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    parts = {"elementwise": elementwise(), "reductions": reductions(), "creation": creation(), "repr": reprs(),
             "promotion": promotion(), "x64": x64_cases(), "npy_index": npy_files(), "jaxprs": jaxprs(), "lax": lax_cases()}
    for name, data in parts.items():
        path = os.path.join(OUT, name + ".json")
        with open(path, "w") as f:
            json.dump(data, f, separators=(",", ":"))
        print(name, len(data) if isinstance(data, list) else "", os.path.getsize(path), "bytes", file=sys.stderr)
    print("float results cross-checked against NumPy (float64):", NUMPY_CHECKED[0], "; differing:",
          len(NUMPY_DIFFERS), sorted(set(NUMPY_DIFFERS)), file=sys.stderr)


if __name__ == "__main__":
    main()
