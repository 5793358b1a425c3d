#!/usr/bin/env python3
"""Generates the expected values of jaxvm's convolution and window tests.

Run with real JAX 0.10.2 (for conv_general_dilated, reduce_window and select_and_scatter_add semantics
and printed Jaxprs), NumPy (jnp.convolve/correlate references) and SciPy (signal.convolve2d/correlate2d):

    /work/venv-jax/bin/python tools/gen_conv_cases.py

Writes core/src/test/resources/conv/{lax_cases,window_cases,jnp_cases,ladybird_crop}.json.
Inputs are small integers (exactly representable), so float results are exact in any summation order.
"""
import json
import os
import struct
import zlib

import numpy as np
import scipy.signal

import jax
import jax.numpy as jnp
from jax import lax
from jax._src.lax import windowed_reductions as wr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "core", "src", "test", "resources", "conv")
RNG = np.random.default_rng(20260501)


def arr(x):
    x = np.asarray(x)
    data = x.reshape(-1)
    if x.dtype == np.bool_:
        vals = [bool(v) for v in data]
    elif np.issubdtype(x.dtype, np.integer):
        vals = [int(v) for v in data]
    else:
        vals = [float(v) for v in data]
    return {"shape": list(x.shape), "dtype": str(x.dtype), "data": vals}


def ints(shape, lo=-4, hi=5, dtype=np.float32):
    return RNG.integers(lo, hi, size=shape).astype(dtype)


def conv_cases():
    cases = []

    def add(name, lhs, rhs, strides, padding, lhs_dilation=None, rhs_dilation=None, dn=None, fgc=1, bgc=1,
            preferred=None, jaxpr=False):
        f = lambda a, b: lax.conv_general_dilated(a, b, strides, padding, lhs_dilation, rhs_dilation, dn, fgc, bgc,
                                                  preferred_element_type=preferred)
        out = np.asarray(f(lhs, rhs))
        c = {"name": name, "lhs": arr(lhs), "rhs": arr(rhs), "window_strides": list(strides),
             "padding": padding if isinstance(padding, str) else [list(p) for p in padding],
             "lhs_dilation": None if lhs_dilation is None else list(lhs_dilation),
             "rhs_dilation": None if rhs_dilation is None else list(rhs_dilation),
             "dimension_numbers": None if dn is None else list(dn), "feature_group_count": fgc,
             "batch_group_count": bgc, "preferred_element_type": None if preferred is None else np.dtype(preferred).name,
             "expected": arr(out)}
        if jaxpr:
            c["jaxpr"] = str(jax.make_jaxpr(f)(lhs, rhs))
        if np.issubdtype(np.asarray(lhs).dtype, np.floating) and out.size > 0:
            _, vjp = jax.vjp(f, lhs, rhs)
            g = ints(out.shape)
            dl, dr = vjp(g)
            c["vjp"] = {"g": arr(g), "lhs": arr(np.asarray(dl)), "rhs": arr(np.asarray(dr))}
        cases.append(c)

    add("2d_nchw_valid_strided", ints((2, 3, 7, 6)), ints((4, 3, 3, 2)), (2, 1), "VALID", jaxpr=True)
    add("2d_nhwc_same_depthwise_rhs_dilated", ints((1, 6, 7, 3)), ints((3, 3, 1, 3)), (1, 1), "SAME",
        rhs_dilation=(2, 2), dn=("NHWC", "HWIO", "NHWC"), fgc=3, jaxpr=True)
    add("1d_lhs_dilated_explicit_pad", ints((2, 2, 5)), ints((3, 2, 3)), (1,), [(1, 2)], lhs_dilation=(2,), jaxpr=True)
    add("1d_negative_pad_strided", ints((1, 1, 9)), ints((1, 1, 2)), (3,), [(-1, 2)])
    add("3d_same_lower_strided", ints((1, 2, 4, 5, 3)), ints((2, 2, 2, 3, 2)), (1, 2, 1), "SAME_LOWER", jaxpr=True)
    add("3d_ndhwc_dilated_both", ints((1, 5, 4, 4, 2)), ints((2, 2, 2, 2, 3)), (1, 1, 2), [(1, 0), (0, 1), (2, 2)],
        lhs_dilation=(1, 2, 1), rhs_dilation=(2, 1, 1), dn=("NDHWC", "DHWIO", "NDHWC"))
    add("2d_grouped", ints((2, 4, 5, 5)), ints((6, 2, 2, 2)), (1, 1), "SAME", fgc=2)
    add("2d_batch_grouped", ints((4, 2, 5, 4)), ints((6, 2, 2, 3)), (1, 1), "VALID", bgc=2)
    add("2d_odd_layouts", ints((5, 2, 2, 4)), ints((2, 3, 4, 2)), (1, 2), "SAME", dn=("HNCW", "OHWI", "CNHW"))
    add("2d_same_strided_even_kernel", ints((1, 1, 8, 7)), ints((1, 1, 4, 2)), (3, 2), "SAME")
    sharpen = np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], np.int32)
    img = RNG.integers(0, 256, size=(1, 6, 7, 4)).astype(np.int32)
    add("sharpen_int32_depthwise", img, np.tile(sharpen[:, :, None, None], (1, 1, 1, 4)), (1, 1), [(1, 1), (1, 1)],
        dn=("NHWC", "HWIO", "NHWC"), fgc=4)
    add("uint8_preferred_int32", RNG.integers(0, 256, size=(1, 2, 5, 5)).astype(np.uint8),
        RNG.integers(0, 256, size=(2, 2, 3, 3)).astype(np.uint8), (1, 1), "SAME", preferred=np.int32, jaxpr=True)
    add("uint8_preferred_float32", RNG.integers(0, 256, size=(1, 1, 5, 5)).astype(np.uint8),
        RNG.integers(0, 3, size=(1, 1, 2, 2)).astype(np.uint8), (1, 1), "VALID", preferred=np.float32)
    add("int8_wraps", RNG.integers(-128, 128, size=(1, 2, 4, 4)).astype(np.int8),
        RNG.integers(-128, 128, size=(1, 2, 2, 2)).astype(np.int8), (1, 1), "VALID")
    add("bool_or_of_ands", RNG.integers(0, 2, size=(1, 2, 4, 4)).astype(bool),
        (RNG.integers(0, 4, size=(2, 2, 2, 2)) == 0), (1, 1), "VALID")
    x = RNG.standard_normal((1, 3, 6, 5)).astype(np.float32)
    w = RNG.standard_normal((2, 3, 3, 3)).astype(np.float32)
    add("float32_random", x, w, (1, 1), "SAME")
    add("empty_output", ints((1, 1, 3, 3)), ints((1, 1, 5, 2)), (1, 1), "VALID")

    transposes = []
    for name, lhs, rhs, strides, padding, tk, rd in [
        ("transpose_same_s2", ints((1, 4, 5, 2)), ints((3, 3, 2, 3)), (2, 2), "SAME", False, None),
        ("transpose_valid_kernel", ints((1, 3, 4, 2)), ints((2, 3, 3, 2)), (2, 1), "VALID", True, None),
        ("transpose_explicit_dilated", ints((2, 5, 3)), ints((3, 3, 2)), (3,), [(1, 2)], False, (2,)),
    ]:
        out = np.asarray(lax.conv_transpose(lhs, rhs, strides, padding, rhs_dilation=rd, transpose_kernel=tk))
        transposes.append({"name": name, "lhs": arr(lhs), "rhs": arr(rhs), "strides": list(strides),
                           "padding": padding if isinstance(padding, str) else [list(p) for p in padding],
                           "transpose_kernel": tk, "rhs_dilation": None if rd is None else list(rd),
                           "expected": arr(out)})

    errors = []
    def err(name, fn):
        try:
            fn()
        except Exception as e:  # noqa: BLE001
            errors.append({"name": name, "message": str(e)})
            return
        raise AssertionError(name + " did not fail")
    o = jnp.ones
    err("rank_mismatch", lambda: lax.conv_general_dilated(o((1, 1, 3, 3)), o((1, 1, 2)), (1, 1), "VALID"))
    err("dtype_mismatch", lambda: lax.conv_general_dilated(o((1, 1, 3, 3), "uint8"), o((1, 1, 2, 2), "int32"),
                                                         (1, 1), "VALID"))
    err("preferred_float_to_int", lambda: lax.conv_general_dilated(o((1, 1, 3, 3)), o((1, 1, 2, 2)), (1, 1), "VALID",
                                                                 preferred_element_type=jnp.int32))
    err("feature_group_divide", lambda: lax.conv_general_dilated(o((1, 3, 3, 3)), o((2, 1, 2, 2)), (1, 1), "VALID",
                                                               feature_group_count=2))
    err("feature_group_in", lambda: lax.conv_general_dilated(o((1, 4, 3, 3)), o((2, 1, 2, 2)), (1, 1), "VALID",
                                                           feature_group_count=2))
    err("feature_group_out", lambda: lax.conv_general_dilated(o((1, 4, 3, 3)), o((3, 2, 2, 2)), (1, 1), "VALID",
                                                            feature_group_count=2))
    err("batch_group_divide", lambda: lax.conv_general_dilated(o((3, 1, 3, 3)), o((2, 1, 2, 2)), (1, 1), "VALID",
                                                             batch_group_count=2))
    err("strides_rank", lambda: lax.conv_general_dilated(o((1, 1, 3, 3)), o((1, 1, 2, 2)), (1,), "VALID"))
    err("pads_rank", lambda: lax.conv_general_dilated(o((1, 1, 3, 3)), o((1, 1, 2, 2)), (1, 1), [(0, 0)]))
    err("bad_padding_string", lambda: lax.conv_general_dilated(o((1, 1, 3, 3)), o((1, 1, 2, 2)), (1, 1), "FOO"))
    err("string_pad_lhs_dilation", lambda: lax.conv_general_dilated(o((1, 1, 3, 3)), o((1, 1, 2, 2)), (1, 1), "SAME",
                                                                   lhs_dilation=(2, 2)))
    err("dn_missing_char", lambda: lax.conv_general_dilated(o((1, 3, 3, 1)), o((2, 2, 1, 1)), (1, 1), "VALID",
                                                          dimension_numbers=("NHWX", "HWIO", "NHWC")))
    err("dn_spatial_mismatch", lambda: lax.conv_general_dilated(o((1, 3, 3, 1)), o((2, 2, 1, 1)), (1, 1), "VALID",
                                                              dimension_numbers=("NHWC", "HDIO", "NHWC")))
    err("dn_length", lambda: lax.conv_general_dilated(o((1, 3, 3, 1)), o((2, 2, 1, 1)), (1, 1), "VALID",
                                                    dimension_numbers=("NHC", "HWIO", "NHWC")))
    return {"cases": cases, "transposes": transposes, "errors": errors}


def window_cases():
    cases = []

    def add(name, kind, x, wd, ws, padding, bd=None, wdl=None, jaxpr=False):
        init = {"sum": 0, "max": -np.inf, "min": np.inf}[kind]
        if np.issubdtype(x.dtype, np.integer):
            info = np.iinfo(x.dtype)
            init = {"sum": 0, "max": info.min, "min": info.max}[kind]
        init = np.array(init, x.dtype)
        comp = {"sum": lax.add, "max": lax.max, "min": lax.min}[kind]
        f = lambda a: lax.reduce_window(a, init, comp, wd, ws, padding, bd, wdl)
        out = np.asarray(f(x))
        c = {"name": name, "kind": kind, "operand": arr(x), "window_dimensions": list(wd), "window_strides": list(ws),
             "padding": padding if isinstance(padding, str) else [list(p) for p in padding],
             "base_dilation": None if bd is None else list(bd), "window_dilation": None if wdl is None else list(wdl),
             "expected": arr(out)}
        if jaxpr:
            c["jaxpr"] = str(jax.make_jaxpr(f)(x))
        cases.append(c)

    add("sum_2x2_pool", "sum", ints((4, 6)), (2, 2), (2, 2), "VALID", jaxpr=True)
    add("max_same_strided", "max", ints((1, 5, 7, 2)), (1, 3, 3, 1), (1, 2, 2, 1), "SAME", jaxpr=True)
    add("min_padded_dilated", "min", ints((5, 6)), (2, 3), (1, 2), [(1, 2), (0, 1)], (2, 1), (1, 2))
    add("sum_int32_base_dilated", "sum", ints((3, 4), dtype=np.int32), (2, 2), (1, 1), [(1, 1), (0, 0)], (2, 2), None)
    add("max_int8_padded", "max", ints((4, 4), dtype=np.int8), (3, 3), (1, 1), "SAME")
    add("max_uint8_1d", "max", RNG.integers(0, 256, size=(9,)).astype(np.uint8), (4,), (2,), [(2, 1)])
    add("sum_3d", "sum", ints((3, 4, 5)), (2, 2, 2), (1, 2, 2), "SAME_LOWER")

    scatters = []
    for name, source_shape, x, wd, ws, padding in [
        ("max_pool_grad_2x2", None, ints((4, 6)), (2, 2), (2, 2), [(0, 0), (0, 0)]),
        ("max_pool_grad_overlap_padded", None, ints((1, 5, 5, 2), -2, 3), (1, 3, 3, 1), (1, 2, 2, 1),
         [(0, 0), (1, 1), (1, 1), (0, 0)]),
    ]:
        pooled = lax.reduce_window(x, -np.inf, lax.max, wd, ws, padding)
        src = ints(pooled.shape, 1, 9)
        out = np.asarray(wr._select_and_scatter_add(src, x, lax.ge_p, wd, ws, padding))
        scatters.append({"name": name, "source": arr(src), "operand": arr(x), "window_dimensions": list(wd),
                         "window_strides": list(ws), "padding": [list(p) for p in padding], "expected": arr(out)})
    gathers = []
    for name, x, wd, ws, padding, bd, wdl in [
        ("gather_max_padded", ints((5, 6), -2, 3), (2, 3), (1, 2), [(1, 0), (1, 1)], (1, 1), (1, 1)),
        ("gather_max_dilated", ints((1, 6, 5, 2), -2, 3), (1, 2, 2, 1), (1, 2, 1, 1), [(0, 0), (0, 1), (1, 1), (0, 0)],
         (1, 1, 2, 1), (1, 2, 1, 1)),
    ]:
        t = ints(x.shape, 1, 9)
        out = np.asarray(wr._select_and_gather_add(t, x, lax.ge_p, wd, ws, padding, bd, wdl))
        gathers.append({"name": name, "tangents": arr(t), "operand": arr(x), "window_dimensions": list(wd),
                        "window_strides": list(ws), "padding": [list(p) for p in padding], "base_dilation": list(bd),
                        "window_dilation": list(wdl), "expected": arr(out)})
    # the gradient of max pooling, via jax.grad (uses select_and_scatter_add in its transpose)
    x = ints((1, 4, 4, 1), -3, 4) + RNG.standard_normal((1, 4, 4, 1)).astype(np.float32) * 0.01
    g = jax.grad(lambda a: (lax.reduce_window(a, -np.inf, lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "VALID") *
                            jnp.arange(4.0).reshape(1, 2, 2, 1)).sum())(x)
    return {"cases": cases, "scatters": scatters, "gathers": gathers,
            "max_pool_grad": {"operand": arr(x), "expected": arr(np.asarray(g))}}


def grad_cases():
    """jax.grad of a small CNN-like loss: conv (NHWC, strided, grouped), max pool, avg pool, weighted sum."""
    x = ints((2, 6, 7, 4)) * 0.5
    w = ints((3, 3, 2, 6)) * 0.25
    c = ints((2, 2, 2, 6)) * 1.0

    def loss(x, w):
        y = lax.conv_general_dilated(x, w, (1, 1), "SAME", dimension_numbers=("NHWC", "HWIO", "NHWC"),
                                     feature_group_count=2)
        m = lax.reduce_window(y, -np.inf, lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "SAME")
        a = lax.reduce_window(m, 0.0, lax.add, (1, 2, 2, 1), (1, 2, 2, 1), "VALID") / 4
        return (a * c[:, :a.shape[1], :a.shape[2], :]).sum()

    gx, gw = jax.grad(loss, argnums=(0, 1))(x, w)
    return {"x": arr(x), "w": arr(w), "c": arr(c), "loss": float(loss(x, w)), "dx": arr(np.asarray(gx)),
            "dw": arr(np.asarray(gw)), "jaxpr_grad_w": str(jax.make_jaxpr(jax.grad(loss, argnums=1))(x, w))}


def jnp_cases():
    out = {"convolve": [], "correlate": [], "convolve2d": [], "correlate2d": []}
    for la, lv in [(7, 3), (3, 7), (6, 4), (5, 5), (1, 4)]:
        a = ints((la,), -5, 6, np.int32)
        v = ints((lv,), -5, 6, np.int32)
        for mode in ["full", "same", "valid"]:
            out["convolve"].append({"a": arr(a), "v": arr(v), "mode": mode,
                                    "expected": arr(np.convolve(a, v, mode).astype(np.float32))})
            out["correlate"].append({"a": arr(a), "v": arr(v), "mode": mode,
                                     "expected": arr(np.correlate(a, v, mode).astype(np.float32))})
    for sa, sb in [((5, 6), (3, 2)), ((2, 3), (4, 5)), ((4, 4), (4, 4)), ((6, 5), (2, 2)), ((3, 3), (3, 4))]:
        a = ints(sa, -5, 6, np.int32)
        b = ints(sb, -5, 6, np.int32)
        for mode in ["full", "same", "valid"]:
            for fn in ["convolve2d", "correlate2d"]:
                ref = getattr(scipy.signal, fn)
                try:
                    exp = arr(ref(a, b, mode).astype(np.float32))
                    jx = np.asarray(getattr(jax.scipy.signal, fn)(a, b, mode))
                    assert np.array_equal(jx, np.asarray(exp["data"], np.float32).reshape(exp["shape"])), (fn, sa, sb, mode)
                except ValueError as e:
                    exp = {"error": str(e)}
                out[fn].append({"a": arr(a), "b": arr(b), "mode": mode, "expected": exp})
    return out


def read_png_rows(path, rows):
    """A tiny stdlib PNG decoder (8-bit, non-interlaced): the first `rows` rows as uint8[rows, W, C]."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, []
    while pos < len(data):
        n, = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0
            ch = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + n
    raw = zlib.decompressobj().decompress(b"".join(idat), (w * ch + 1) * rows)
    stride = w * ch
    out = np.zeros((rows, stride), np.int32)
    prev = np.zeros(stride, np.int32)
    for r in range(rows):
        ftype = raw[r * (stride + 1)]
        line = np.frombuffer(raw, np.uint8, stride, r * (stride + 1) + 1).astype(np.int32)
        if ftype == 0:
            cur = line
        elif ftype == 2:
            cur = (line + prev) & 255
        else:
            cur = line.copy()
            for i in range(stride):
                a = cur[i - ch] if i >= ch else 0
                b = prev[i]
                c = prev[i - ch] if i >= ch else 0
                if ftype == 1:
                    pred = a
                elif ftype == 3:
                    pred = (a + b) // 2
                else:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                cur[i] = (cur[i] + pred) & 255
        out[r] = cur
        prev = cur
    return out.reshape(rows, w, ch).astype(np.uint8), (h, w, ch)


def ladybird_crop():
    path = os.path.join(ROOT, "..", "shared", "data", "ladybird-1498x2078.png")
    if not os.path.exists(path):
        path = "/work/shared/data/ladybird-1498x2078.png"
    r0, r1, c0, c1 = 700, 724, 1000, 1030
    rows, shape = read_png_rows(path, r1)
    crop = rows[r0:r1, c0:c1, :]
    pixels = {f"{r},{c}": [int(v) for v in rows[r, c]] for r, c in [(0, 0), (0, 2077), (100, 200), (723, 1029)]}
    sharpen = np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], np.int32)
    blur = np.ones((7, 7), np.float32) / np.float32(49)
    x = crop.astype(np.int64)
    sharp = np.stack([scipy.signal.correlate2d(x[:, :, k], sharpen.astype(np.int64), "same") for k in range(4)], -1)
    xf = crop.astype(np.float64)
    blurred = np.stack([scipy.signal.correlate2d(xf[:, :, k], blur.astype(np.float64), "same") for k in range(4)], -1)
    return {"shape": list(shape), "pixels": pixels, "crop_origin": [r0, c0], "crop": arr(crop),
            "sharpen_int32": arr(sharp.astype(np.int32)), "blur7_float64": arr(blurred)}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, fn in [("lax_cases", conv_cases), ("window_cases", window_cases), ("jnp_cases", jnp_cases),
                     ("ladybird_crop", ladybird_crop), ("grad_cases", grad_cases)]:
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(fn(), f, separators=(",", ":"))
        print("wrote", name, os.path.getsize(os.path.join(OUT, name + ".json")), "bytes")


if __name__ == "__main__":
    main()
