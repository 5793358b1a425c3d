#!/usr/bin/env python3
"""Jaxprs of JAX 0.10.2's samplers on a typed key, and gamma-family goldens with small alpha.

Run:  /work/venv-jax/bin/python tools/gen_prng_sampler_jaxprs.py
Writes core/src/test/resources/prng/sampler_jaxprs.json:
  "jaxprs": str(jax.make_jaxpr(f)(key(0))) for each sampler, printed byte for byte;
  "small_alpha": gamma / loggamma / beta / dirichlet samples with alpha in {0.1, 0.5, 0.9}
                 (float32 bit patterns; eager with array alpha, and jitted with constant alpha).
"""
import json
import numpy as np
import jax
import jax.numpy as jnp
from jax import random


def f32(x):
    x = np.asarray(x, dtype=np.float32)
    return {"shape": list(x.shape), "hex": [f"0x{int(v):08x}" for v in x.reshape(-1).view(np.uint32)]}


k = random.key(0)
S = (3,)
cases = {
    "gumbel": lambda k: random.gumbel(k, S),
    "truncated_normal": lambda k: random.truncated_normal(k, -1.0, 2.0, S),
    "laplace": lambda k: random.laplace(k, S),
    "logistic": lambda k: random.logistic(k, S),
    "cauchy": lambda k: random.cauchy(k, S),
    "exponential": lambda k: random.exponential(k, S),
    "uniform_bounds": lambda k: random.uniform(k, S, minval=-1.5, maxval=2.0),
    "beta": lambda k: random.beta(k, 2.0, 3.0, S),
    "dirichlet": lambda k: random.dirichlet(k, jnp.array([0.5, 1.0, 2.0], jnp.float32)),
    "categorical": lambda k: random.categorical(k, jnp.array([0.1, 0.5, -1.0], jnp.float32)),
    "choice": lambda k: random.choice(k, 5, S),
    "choice_noreplace": lambda k: random.choice(k, 5, S, replace=False),
    "permutation": lambda k: random.permutation(k, 5),
    "bernoulli": lambda k: random.bernoulli(k, 0.3, S),
    "t": lambda k: random.t(k, 3.0, S),
    "chisquare": lambda k: random.chisquare(k, 3.0, S),
    "rademacher": lambda k: random.rademacher(k, S),
    "poisson": lambda k: random.poisson(k, 3.5, S),
    "ball": lambda k: random.ball(k, 3),
    "orthogonal": lambda k: random.orthogonal(k, 3),
    "multivariate_normal": lambda k: random.multivariate_normal(k, jnp.zeros(2, jnp.float32), jnp.eye(2, dtype=jnp.float32)),
    "weibull_min": lambda k: random.weibull_min(k, 1.5, 2.0, S),
    "pareto": lambda k: random.pareto(k, 3.0, S),
    "maxwell": lambda k: random.maxwell(k, S),
    "binomial": lambda k: random.binomial(k, 10.0, 0.3, S),
    "rayleigh": lambda k: random.rayleigh(k, 2.0, S),
    "lognormal": lambda k: random.lognormal(k, 0.5, S),
}
jaxprs = {}
for name, f in cases.items():
    try:
        jaxprs[name] = str(jax.make_jaxpr(f)(k))
    except Exception as e:  # noqa: BLE001
        print("skip", name, e)
shuffle_x = jnp.arange(6, dtype=jnp.float32)
jaxprs["permutation_array"] = str(jax.make_jaxpr(lambda k: random.permutation(k, shuffle_x))(k))

small = {}
alphas = jnp.array([0.1, 0.5, 0.9], jnp.float32)
for seed in [0, 7, 42]:
    kk = random.key(seed)
    small[f"gamma_{seed}"] = f32(random.gamma(kk, alphas, (4, 3)))
    small[f"loggamma_{seed}"] = f32(random.loggamma(kk, alphas, (4, 3)))
    small[f"beta_{seed}"] = f32(random.beta(kk, alphas, alphas[::-1], (4, 3)))
    small[f"dirichlet_{seed}"] = f32(random.dirichlet(kk, alphas, (4,)))
    for a in [0.1, 0.5, 0.9]:
        small[f"gamma_const_{a}_{seed}"] = f32(jax.jit(lambda kk: random.gamma(kk, a, (8,)))(kk))

# enough draws that the boost's pow differs from a correctly rounded pow somewhere (about 1 in 1700)
# (1/alpha = 2 and 3 are squared and cubed by XLA, 4 calls powf)
for a in [0.1, 0.5, 0.9, 1 / 3, 0.25]:
    small[f"gamma_const_{a}_big"] = f32(jax.jit(lambda kk: random.gamma(kk, a, (4096,)))(random.key(5)))

out = {"jax_version": jax.__version__, "jaxprs": jaxprs, "small_alpha": small}
with open("core/src/test/resources/prng/sampler_jaxprs.json", "w") as fh:
    json.dump(out, fh, indent=1)
print("ok")
