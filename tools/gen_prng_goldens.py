#!/usr/bin/env python3
"""Golden vectors for jaxvm's dev.jaxvm.random beyond shared/reference/prng/golden.json.

Run with real JAX 0.10.2 (CPU):  /work/venv-jax/bin/python tools/gen_prng_goldens.py
Writes core/src/test/resources/prng/samplers.json: for each mode (partitionable, legacy), x64
setting and seed, one entry per call: integer/bool results as "values", floating results as IEEE
bit patterns ("hex"), plus "ulps", the tolerance the Java test allows (0 = bit-exact; > 0 only where
XLA:CPU's own tan/exp/pow differ from Java's correctly rounded functions, or LAPACK's float32
factorisations from jaxvm's), and "atol", an absolute tolerance accepted as well (LAPACK QR).
"""
import json
import sys

import numpy as np
import jax
import jax.numpy as jnp
from jax import random

SEEDS = [0, 42, 123456789]


def entry(x, ulps=0, atol=0.0):
    x = np.asarray(x)
    e = {"shape": list(x.shape), "dtype": str(x.dtype)}
    if x.dtype == np.float32:
        e["hex"] = [f"0x{int(v):08x}" for v in x.reshape(-1).view(np.uint32)]
    elif x.dtype == np.float64:
        e["hex"] = [f"0x{int(v):016x}" for v in x.reshape(-1).view(np.uint64)]
    elif x.dtype == np.float16:
        e["hex"] = [f"0x{int(v):04x}" for v in x.reshape(-1).view(np.uint16)]
    else:
        e["values"] = [int(v) if x.dtype != np.bool_ else bool(v) for v in x.reshape(-1)]
    if ulps:
        e["ulps"] = ulps
    if atol:
        e["atol"] = atol
    return e


def cases32(k):
    """Calls with x64 off. Names are parsed by the Java test (see RandomSamplersTest)."""
    c = {}
    c["split_2x3"] = random.key_data(random.split(k, (2, 3)))
    c["fold_in_4000000000"] = random.key_data(random.fold_in(k, 4000000000))
    c["bits_u8_7"] = random.bits(k, (7,), jnp.uint8)
    c["bits_u16_5"] = random.bits(k, (5,), jnp.uint16)
    c["bits_u32_2x3"] = random.bits(k, (2, 3))
    c["bits_u32_scalar"] = random.bits(k)
    c["uniform_f32_5_min-2_max3"] = random.uniform(k, (5,), minval=-2.0, maxval=3.0)
    c["uniform_f32_5_min0.1_max0.7"] = random.uniform(k, (5,), minval=0.1, maxval=0.7)
    c["uniform_f16_5"] = random.uniform(k, (5,), jnp.float16)
    c["uniform_bf16_5"] = random.uniform(k, (5,), jnp.bfloat16).astype(jnp.float32)
    c["normal_f32_2x3"] = random.normal(k, (2, 3))
    c["normal_f32_1000"] = random.normal(k, (1000,))
    c["randint_8_-5_5"] = random.randint(k, (8,), -5, 5)
    c["randint_8_0_100000"] = random.randint(k, (8,), 0, 100000)
    c["randint_8_full"] = random.randint(k, (8,), -2 ** 31, 2 ** 31 - 1)
    c["randint_8_empty_5_3"] = random.randint(k, (8,), 5, 3)
    c["randint_8_int8_-128_128"] = random.randint(k, (8,), -128, 128, jnp.int8)
    c["randint_8_uint8_0_256"] = random.randint(k, (8,), 0, 256, jnp.uint8)
    c["randint_8_uint32_0_4000000000"] = random.randint(k, (8,), 0, np.uint32(4000000000), jnp.uint32)
    c["bernoulli_p0.7_8"] = random.bernoulli(k, 0.7, (8,))
    c["bernoulli_high_p0.3_8"] = random.bernoulli(k, 0.3, (8,), mode="high")
    c["gumbel_high_f32_6"] = random.gumbel(k, (6,), mode="high")
    c["exponential_f32_6"] = random.exponential(k, (6,))
    c["gumbel_f32_6"] = random.gumbel(k, (6,))
    c["laplace_f32_6"] = random.laplace(k, (6,))
    c["logistic_f32_6"] = random.logistic(k, (6,))
    c["truncated_normal_-0.5_0.5_f32_6"] = random.truncated_normal(k, -0.5, 0.5, (6,))
    c["rademacher_8"] = random.rademacher(k, (8,))
    c["maxwell_f32_4"] = (random.maxwell(k, (4,)), 2)  # XLA fuses the squares into its reduction
    c["rayleigh_2_f32_4"] = random.rayleigh(k, 2.0, (4,))
    c["cauchy_f32_4"] = (random.cauchy(k, (4,)), 4)
    c["pareto_3_f32_4"] = (random.pareto(k, 3.0, (4,)), 4)
    c["weibull_min_2_1.5_f32_4"] = (random.weibull_min(k, 2.0, 1.5, (4,)), 4)
    c["lognormal_0.5_f32_4"] = (random.lognormal(k, 0.5, (4,)), 4)
    c["double_sided_maxwell_1_2_f32_4"] = (random.double_sided_maxwell(k, 1.0, 2.0, (4,)), 4)
    c["permutation_10"] = random.permutation(k, 10)
    c["permutation_2000"] = random.permutation(k, 2000)
    c["permutation_2d_4x3"] = random.permutation(k, jnp.arange(12).reshape(4, 3))
    c["permutation_2d_4x3_axis1_independent"] = random.permutation(k, jnp.arange(12).reshape(4, 3), 1, True)
    c["choice_10_5_replace"] = random.choice(k, 10, (5,))
    c["choice_10_5_noreplace"] = random.choice(k, 10, (5,), replace=False)
    c["choice_4_6_p"] = random.choice(k, 4, (6,), p=jnp.array([0.1, 0.2, 0.3, 0.4]))
    c["choice_4_3_p_noreplace"] = random.choice(k, 4, (3,), replace=False, p=jnp.array([0.1, 0.2, 0.3, 0.4]))
    c["categorical_4_6"] = random.categorical(k, jnp.log(jnp.array([0.1, 0.2, 0.3, 0.4])), shape=(6,))
    c["categorical_2x4"] = random.categorical(k, jnp.log(jnp.array([[0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]])))
    c["geometric_0.3_6"] = random.geometric(k, 0.3, (6,))
    c["triangular_0_1_3_f32_4"] = random.triangular(k, 0.0, 1.0, 3.0, (4,))
    c["wald_1.5_f32_4"] = (random.wald(k, 1.5, (4,)), 8)
    c["categorical_4_3_noreplace"] = random.categorical(
        k, jnp.log(jnp.array([0.1, 0.2, 0.3, 0.4])), shape=(3,), replace=False)
    c["categorical_2x4_2x2_noreplace"] = random.categorical(
        k, jnp.log(jnp.array([[0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]])), shape=(2, 2), replace=False)
    cov = jnp.array([[2.0, 0.6, 0.2], [0.6, 1.0, -0.3], [0.2, -0.3, 0.5]])
    c["multivariate_normal_3_f32_4x3"] = (random.multivariate_normal(k, jnp.array([1.0, -2.0, 0.5]), cov, (4,)), 8)
    c["orthogonal_3_f32"] = (random.orthogonal(k, 3), 64, 1e-6)  # LAPACK float32 QR vs double Householder
    c["orthogonal_2x4_f32"] = (random.orthogonal(k, 2, m=4), 64, 1e-6)
    # gamma family, jitted with constant parameters: XLA then folds 1/3/sqrt(d) exactly (SPEC 7.10)
    j = lambda f: jax.jit(f)(k)
    c["gamma_1_f32_4"] = j(lambda k: random.gamma(k, 1.0, (4,)))
    c["gamma_2.5_f32_4"] = j(lambda k: random.gamma(k, 2.5, (4,)))
    c["gamma_7.25_f32_4"] = j(lambda k: random.gamma(k, 7.25, (4,)))
    c["gamma_0.8_f32_4"] = (j(lambda k: random.gamma(k, 0.8, (4,))), 4)
    c["loggamma_0.3_f32_4"] = j(lambda k: random.loggamma(k, 0.3, (4,)))
    c["loggamma_2.5_f32_4"] = j(lambda k: random.loggamma(k, 2.5, (4,)))
    c["beta_2_3_f32_4"] = (j(lambda k: random.beta(k, 2.0, 3.0, (4,))), 8)
    c["dirichlet_1_2_3_f32_2x3"] = (j(lambda k: random.dirichlet(k, jnp.array([1.0, 2.0, 3.0]), (2,))), 8)
    c["chisquare_3_f32_4"] = (j(lambda k: random.chisquare(k, 3.0, (4,))), 8)
    c["t_5_f32_4"] = (j(lambda k: random.t(k, 5.0, (4,))), 8)
    c["f_3_5_f32_4"] = (j(lambda k: random.f(k, 3.0, 5.0, (4,))), 16)
    c["generalized_normal_2_f32_4"] = (j(lambda k: random.generalized_normal(k, 2.0, (4,))), 8)
    c["ball_3_f32_3"] = (j(lambda k: random.ball(k, 3)), 16)
    return c


def cases64(k):
    c = {}
    c["key_data"] = random.key_data(k)
    c["bits_u64_4"] = random.bits(k, (4,))
    c["uniform_f64_4"] = random.uniform(k, (4,))
    c["normal_f64_4"] = random.normal(k, (4,))
    c["randint_i64_6_-1000_1000"] = random.randint(k, (6,), -1000, 1000)
    c["exponential_f64_4"] = random.exponential(k, (4,))
    c["gamma_2.5_f64_4"] = jax.jit(lambda k: random.gamma(k, 2.5, (4,)))(k)
    c["gamma_0.8_f64_4"] = (jax.jit(lambda k: random.gamma(k, 0.8, (4,)))(k), 4)
    c["loggamma_0.3_f64_4"] = jax.jit(lambda k: random.loggamma(k, 0.3, (4,)))(k)
    return c


def main(out):
    res = {"generator": "tools/gen_prng_goldens.py with JAX " + jax.__version__ + " (CPU)", "modes": {}}
    for part in (True, False):
        jax.config.update("jax_threefry_partitionable", part)
        mode = {}
        for x64 in (False, True):
            jax.config.update("jax_enable_x64", x64)
            for s in SEEDS:
                k = random.key(s)
                cs = cases64(k) if x64 else cases32(k)
                mode.setdefault("x64" if x64 else "x32", {})[str(s)] = {
                    n: entry(*(v if isinstance(v, tuple) else (v,))) for n, v in cs.items()}
        res["modes"]["partitionable" if part else "legacy"] = mode
    jax.config.update("jax_enable_x64", False)
    with open(out, "w") as f:
        json.dump(res, f, indent=0, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "core/src/test/resources/prng/samplers.json")
