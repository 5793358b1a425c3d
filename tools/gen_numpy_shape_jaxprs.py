#!/usr/bin/env python3
"""Generates the Jaxprs JAX 0.10.2 prints for the jnp shape/indexing/linalg/sorting lowerings.

Run with the JAX virtualenv: /work/venv-jax/bin/python tools/gen_numpy_shape_jaxprs.py
Writes core/src/test/resources/numpy_shape/jaxprs.json: {name: text}, exactly as make_jaxpr prints
(jnp functions that JAX wraps in jax.jit, e.g. flip, roll, pad, sort, show as jit equations; jaxvm
does the same in numpy/NamedCall.java). The Java test (NumpyShapeJaxprTest) holds the same programs.
"""
import json, os
import jax, jax.numpy as jnp, numpy as np
from jax import lax

f32, i32, u8 = jnp.float32, jnp.int32, jnp.uint8
S = jax.ShapeDtypeStruct

CASES = {
    # shape
    "ravel": (lambda a: jnp.ravel(a), [S((2, 3, 4), f32)]),
    "swapaxes": (lambda a: jnp.swapaxes(a, 0, 2), [S((2, 3, 4), f32)]),
    "moveaxis": (lambda a: jnp.moveaxis(a, 0, -1), [S((2, 3, 4), f32)]),
    "broadcast_arrays": (lambda a, b: jnp.broadcast_arrays(a, b), [S((3, 4), f32), S((4,), f32)]),
    "concatenate": (lambda a, b: jnp.concatenate([a, b], axis=1), [S((3, 4), f32), S((3, 2), i32)]),
    "concatenate_none": (lambda a, b: jnp.concatenate([a, b], axis=None), [S((3, 4), f32), S((3, 4), f32)]),
    "hstack": (lambda a, b: jnp.hstack([a, b]), [S((3, 4), f32), S((3, 4), f32)]),
    "hstack_0d": (lambda a, b: jnp.hstack([a, b]), [S((), f32), S((), f32)]),
    "vstack_0d": (lambda a, b: jnp.vstack([a, b]), [S((), f32), S((), f32)]),
    "vstack_1d": (lambda a, b: jnp.vstack([a, b]), [S((4,), f32), S((4,), f32)]),
    "split": (lambda a: jnp.split(a, 2, axis=1), [S((3, 4), f32)]),
    "split_indices": (lambda a: jnp.split(a, [1, 3], axis=1), [S((3, 4), f32)]),
    "tile": (lambda a: jnp.tile(a, (2, 1, 3)), [S((3, 4), f32)]),
    "repeat": (lambda a: jnp.repeat(a, 2, axis=0), [S((3, 4), f32)]),
    "repeat_none": (lambda a: jnp.repeat(a, 3), [S((2, 2), i32)]),
    "flip": (lambda a: jnp.flip(a, (1, 0)), [S((3, 4), f32)]),
    "roll": (lambda a: jnp.roll(a, 1, axis=1), [S((3, 4), f32)]),
    "roll_none": (lambda a: jnp.roll(a, -2), [S((3, 4), f32)]),
    "pad_constant": (lambda a: jnp.pad(a, ((1, 2), (0, 3))), [S((3, 4), f32)]),
    "pad_constant_value": (lambda a: jnp.pad(a, ((1, 1),), constant_values=7), [S((3, 4), i32)]),
    "pad_edge": (lambda a: jnp.pad(a, ((1, 2), (2, 1)), mode="edge"), [S((3, 4), f32)]),
    "pad_reflect": (lambda a: jnp.pad(a, ((1, 2), (2, 1)), mode="reflect"), [S((3, 4), f32)]),
    "pad_symmetric": (lambda a: jnp.pad(a, ((4, 0),), mode="symmetric"), [S((3,), f32)]),
    "pad_wrap": (lambda a: jnp.pad(a, ((1, 2), (5, 1)), mode="wrap"), [S((3, 4), f32)]),
    "expand_dims": (lambda a: jnp.expand_dims(a, (0, 2)), [S((3, 4), f32)]),
    # indexing
    "get_int": (lambda a: a[1], [S((3, 4), f32)]),
    "get_kernel": (lambda a: a[:, :, 2], [S((3, 3, 4), u8)]),
    "get_neg_step": (lambda a: a[3:0:-2], [S((5,), f32)]),
    "get_mixed": (lambda a: a[1:, ::2, None], [S((2, 3, 4), f32)]),
    "get_ellipsis": (lambda a: a[..., -1, None], [S((2, 3, 4), f32)]),
    "get_oob_int": (lambda a: a[10], [S((3, 4), f32)]),
    "get_traced_int": (lambda a, i: a[i], [S((3, 4), f32), S((), i32)]),
    "get_traced_int_col": (lambda a, i: a[:, i], [S((3, 4), f32), S((), i32)]),
    "get_traced_int_slice": (lambda a, i: a[i, 1:3], [S((3, 4), f32), S((), i32)]),
    "get_traced_int_rev": (lambda a, i: a[i, ::-1], [S((3, 4), f32), S((), i32)]),
    "get_traced_int_newaxis": (lambda a, i: a[None, i], [S((3, 4), f32), 1]),
    "get_traced_int_step": (lambda a, i: a[i, ::2], [S((3, 4), f32), 1]),
    "at_traced_int_slice": (lambda a, i, v: a.at[i, 1:3].set(v), [S((3, 4), f32), S((), i32), S((2,), f32)]),
    "get_array": (lambda a, i: a[i], [S((3, 4), f32), S((2,), i32)]),
    "get_arrays": (lambda a, i, j: a[i, j], [S((3, 4), f32), S((2,), i32), S((2,), i32)]),
    "get_arrays_separated": (lambda a, i, j: a[i, :, j], [S((2, 3, 4), f32), S((2,), i32), S((2,), i32)]),
    "get_arrays_adjacent": (lambda a, i, j: a[:, i, j], [S((2, 3, 4), f32), S((2,), i32), S((2,), i32)]),
    "get_array_slice": (lambda a, i: a[i, 1:3], [S((3, 4), f32), S((2,), i32)]),
    "get_array_step": (lambda a, i: a[i, ::-2], [S((3, 5), f32), S((2,), i32)]),
    "get_array_2d": (lambda a, i: a[i], [S((5,), f32), S((2, 2), i32)]),
    "get_fill": (lambda a, i: a.at[i].get(mode="fill"), [S((4,), f32), S((2,), i32)]),
    "get_fill_int": (lambda a, i: a.at[i].get(mode="fill"), [S((4,), i32), S((2,), i32)]),
    "get_clip": (lambda a, i: a.at[i].get(mode="clip"), [S((4,), f32), S((2,), i32)]),
    "at_set_int": (lambda a: a.at[1].set(2.0), [S((3, 4), f32)]),
    "at_set_slices": (lambda a, b: a.at[1:-1, 1:-1].set(b), [S((6, 6), f32), S((4, 4), f32)]),
    "at_add_array": (lambda a, i, b: a.at[i].add(b), [S((5,), f32), S((3,), i32), S((3,), f32)]),
    "at_multiply": (lambda a: a.at[2].multiply(3.0), [S((5,), f32)]),
    "at_subtract": (lambda a: a.at[2].subtract(3.0), [S((5,), f32)]),
    "at_divide": (lambda a: a.at[2].divide(3.0), [S((5,), f32)]),
    "at_min": (lambda a: a.at[2].min(3.0), [S((5,), f32)]),
    "at_max": (lambda a, i: a.at[i].max(3), [S((5,), i32), S((2,), i32)]),
    "at_set_float_into_int": (lambda a: a.at[2].set(3.5), [S((5,), i32)]),
    "at_traced_index": (lambda a, i: a.at[i].set(1.0), [S((5,), f32), S((), i32)]),
    "at_neg_step": (lambda a, b: a.at[::-1].set(b), [S((5,), f32), S((5,), f32)]),
    "at_get": (lambda a: a.at[2].get(), [S((5,), f32)]),
    # linalg
    "dot_mm": (jnp.dot, [S((3, 4), f32), S((4, 5), f32)]),
    "dot_mv": (jnp.dot, [S((3, 4), f32), S((4,), f32)]),
    "dot_mixed": (jnp.dot, [S((3, 4), i32), S((4, 5), f32)]),
    "dot_scalar": (lambda a: jnp.dot(a, 2.0), [S((3, 4), f32)]),
    "dot_3d": (jnp.dot, [S((2, 3, 4), f32), S((5, 4, 6), f32)]),
    "matmul": (jnp.matmul, [S((3, 4), f32), S((4, 5), f32)]),
    "matmul_batch": (jnp.matmul, [S((2, 3, 4), f32), S((2, 4, 5), f32)]),
    "matmul_bcast": (jnp.matmul, [S((1, 3, 4), f32), S((2, 4, 5), f32)]),
    "matmul_vm": (jnp.matmul, [S((4,), f32), S((2, 4, 5), f32)]),
    "matmul_mv": (jnp.matmul, [S((2, 3, 4), f32), S((4,), f32)]),
    "tensordot": (lambda a, b: jnp.tensordot(a, b, axes=([0, 2], [1, 0])), [S((2, 3, 4), f32), S((4, 2, 5), f32)]),
    "einsum_mm": (lambda a, b: jnp.einsum("ij,jk->ik", a, b), [S((3, 4), f32), S((4, 5), f32)]),
    "einsum_ki": (lambda a, b: jnp.einsum("ij,kj->ki", a, b), [S((3, 4), f32), S((2, 4), f32)]),
    "einsum_bmm": (lambda a, b: jnp.einsum("bij,bjk->bik", a, b), [S((2, 3, 4), f32), S((2, 4, 5), f32)]),
    "einsum_transpose": (lambda a: jnp.einsum("ij->ji", a), [S((3, 4), f32)]),
    "einsum_sum": (lambda a: jnp.einsum("ij->i", a), [S((3, 4), f32)]),
    "einsum_trace": (lambda a: jnp.einsum("ii->", a), [S((3, 3), f32)]),
    "einsum_diag": (lambda a: jnp.einsum("ii->i", a), [S((3, 3), f32)]),
    "einsum_outer": (lambda a, b: jnp.einsum("i,j->ij", a, b), [S((3,), f32), S((4,), f32)]),
    "einsum_unique": (lambda a, b: jnp.einsum("ij,jk->i", a, b), [S((3, 4), f32), S((4, 5), f32)]),
    "outer": (jnp.outer, [S((3,), f32), S((4,), i32)]),
    "inner": (jnp.inner, [S((3, 4), f32), S((2, 4), f32)]),
    "vdot": (jnp.vdot, [S((3, 4), f32), S((3, 4), f32)]),
    "trace": (jnp.trace, [S((3, 4), f32)]),
    "trace_offset": (lambda a: jnp.trace(a, 1), [S((3, 4), i32)]),
    "get_weak_int_1d": (lambda a, i: a[i], [S((5,), f32), 1]),
    # lax
    "lax_dynamic_slice": (lambda a, i: lax.dynamic_slice(a, (i,), (2,)), [S((5,), f32), S((), i32)]),
    "lax_dynamic_slice_weak_2d": (lambda a, i: lax.dynamic_slice(a, (i, 2), (2, 2)), [S((5, 5), f32), 1]),
    "lax_dynamic_update_slice": (lambda a, b, i: lax.dynamic_update_slice(a, b, (i, 0)),
                                 [S((3, 4), f32), S((1, 4), f32), S((), i32)]),
    "lax_pad": (lambda a, v: lax.pad(a, v, [(-1, 2, 1), (0, 0, 0)]), [S((4, 2), f32), S((), f32)]),
    "lax_sort_multi": (lambda a, b: lax.sort((a, b), dimension=0, num_keys=1), [S((3, 4), f32), S((3, 4), i32)]),
    "lax_top_k": (lambda a: lax.top_k(a, 2), [S((3, 4), f32)]),
    "lax_concatenate_rev": (lambda a, b: lax.rev(lax.concatenate([a, b], 1), (0, 1)), [S((2, 3), f32), S((2, 1), f32)]),
    "lax_dot_general_highest": (lambda a, b: lax.dot_general(a, b, (([1], [0]), ([], [])), precision=lax.Precision.HIGHEST,
                                                             preferred_element_type=f32), [S((2, 3), jnp.bfloat16), S((3, 4), jnp.bfloat16)]),
    "lax_gather_clip": (lambda a, i: lax.gather(a, i, lax.GatherDimensionNumbers((1,), (0,), (0,)), (1, 3),
                                                mode=lax.GatherScatterMode.CLIP), [S((4, 3), f32), S((2, 1), i32)]),
    "lax_scatter_add": (lambda a, i, u: lax.scatter_add(a, i, u, lax.ScatterDimensionNumbers((1,), (0,), (0,))),
                        [S((4, 3), f32), S((2, 1), i32), S((2, 3), f32)]),
    # sorting
    "sort": (jnp.sort, [S((3, 4), f32)]),
    "sort_axis0_desc": (lambda a: jnp.sort(a, axis=0, descending=True), [S((3, 4), f32)]),
    "sort_none": (lambda a: jnp.sort(a, axis=None), [S((3, 4), i32)]),
    "argsort": (jnp.argsort, [S((3, 4), f32)]),
    "argsort_desc": (lambda a: jnp.argsort(a, axis=0, descending=True), [S((3, 4), f32)]),
    "searchsorted_sort": (lambda a, v: jnp.searchsorted(a, v, method="sort"), [S((4,), f32), S((3,), f32)]),
    "searchsorted_sort_right": (lambda a, v: jnp.searchsorted(a, v, side="right", method="sort"),
                                [S((4,), f32), S((2, 3), f32)]),
}


def main():
    out = {}
    for name, (f, specs) in CASES.items():
        out[name] = str(jax.make_jaxpr(f)(*specs))
    path = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources", "numpy_shape", "jaxprs.json")
    with open(path, "w") as fh:
        json.dump(out, fh, indent=1, sort_keys=True)
    print("wrote", len(out), "jaxprs to", os.path.normpath(path))


if __name__ == "__main__":
    main()
