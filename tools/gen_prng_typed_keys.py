#!/usr/bin/env python3
"""Goldens for jaxvm's typed keys, gamma gradients and discrete samplers, from real JAX 0.10.2 (CPU).

Run:  /work/venv-jax/bin/python tools/gen_prng_typed_keys.py
Writes core/src/test/resources/prng/typed_keys.json:
  "jaxprs": str(jax.make_jaxpr(f)(args)) for the key primitives (random_seed, random_split,
            random_fold_in, random_bits, random_wrap, random_unwrap, random_clone), printed byte for byte;
  "repr":   repr of key arrays;
  "gamma_grad": d gamma(key, a) / d a (and loggamma, beta, dirichlet) as float32 bit patterns;
  "discrete": poisson / binomial / multinomial samples (partitionable mode, x64 off).
"""
import json
import numpy as np
import jax
import jax.numpy as jnp
from jax import random


def f32(x):
    x = np.asarray(x, dtype=np.float32)
    return {"shape": list(x.shape), "hex": [f"0x{int(v):08x}" for v in x.reshape(-1).view(np.uint32)]}


def ints(x):
    x = np.asarray(x)
    return {"shape": list(x.shape), "dtype": str(x.dtype), "values": [int(v) for v in x.reshape(-1)]}


k = random.key(0)
raw = random.PRNGKey(0)
jaxprs = {
    "key": str(jax.make_jaxpr(lambda s: random.key(s))(0)),
    "split": str(jax.make_jaxpr(lambda k: random.split(k))(k)),
    "split_2x3": str(jax.make_jaxpr(lambda k: random.split(k, (2, 3)))(k)),
    "fold_in": str(jax.make_jaxpr(lambda k: random.fold_in(k, 3))(k)),
    "key_data": str(jax.make_jaxpr(lambda k: random.key_data(k))(k)),
    "wrap_key_data": str(jax.make_jaxpr(lambda d: random.wrap_key_data(d))(raw)),
    "clone": str(jax.make_jaxpr(lambda k: random.clone(k))(k)),
    "bits": str(jax.make_jaxpr(lambda k: random.bits(k, (2,)))(k)),
    "bits_u8": str(jax.make_jaxpr(lambda k: random.bits(k, (4,), jnp.uint8))(k)),
    "vmap_bits": str(jax.make_jaxpr(jax.vmap(lambda k: random.bits(k, (2,))))(random.split(k, 4))),
    "vmap_split": str(jax.make_jaxpr(jax.vmap(lambda k: random.split(k, 3)))(random.split(k, 4))),
    "raw_split": str(jax.make_jaxpr(lambda d: random.split(d))(raw)),
    "raw_fold_in": str(jax.make_jaxpr(lambda d: random.fold_in(d, 7))(raw)),
    "split_index": str(jax.make_jaxpr(lambda k: random.split(k)[1])(k)),
    "split_2x3_index": str(jax.make_jaxpr(lambda k: random.split(k, (2, 3))[1, 2])(k)),
    "split_2x3_row": str(jax.make_jaxpr(lambda k: random.split(k, (2, 3))[1])(k)),
    "uniform": str(jax.make_jaxpr(lambda k: random.uniform(k, (3,)))(k)),
    "uniform_2x3_f16": str(jax.make_jaxpr(lambda k: random.uniform(k, (2, 3), jnp.float16, 0.5, 2.0))(k)),
    "normal": str(jax.make_jaxpr(lambda k: random.normal(k, (3,)))(k)),
    "normal_scalar": str(jax.make_jaxpr(lambda k: random.normal(k))(k)),
    "raw_uniform": str(jax.make_jaxpr(lambda d: random.uniform(d, (3,)))(raw)),
    "randint": str(jax.make_jaxpr(lambda k: random.randint(k, (3,), 0, 10))(k)),
    "randint_scalar_u32": str(jax.make_jaxpr(lambda k: random.randint(k, (), -5, 1000, jnp.uint32))(k)),
    "exponential": str(jax.make_jaxpr(lambda k: random.exponential(k, (3,)))(k)),
    "bernoulli": str(jax.make_jaxpr(lambda k: random.bernoulli(k, 0.3, (3,)))(k)),
    "gamma": str(jax.make_jaxpr(lambda k: random.gamma(k, 2.0, (3,)))(k)),
    "loggamma_array": str(jax.make_jaxpr(lambda k: random.loggamma(k, jnp.array([0.5, 3.0], jnp.float32)))(k)),
    "key_data_of_split": str(jax.make_jaxpr(lambda k: random.key_data(random.split(k, 5)))(k)),
}
reprs = {
    "key32": repr(random.key(32)),
    "split3": repr(random.split(random.key(0), 3)),
    "key_minus1": repr(random.key(-1)),
    "split_2x2": repr(random.split(random.key(0), (2, 2))),
}

alphas = jnp.array([0.3, 0.9, 1.0, 2.5, 7.0, 30.0], jnp.float32)
grads = {}
for seed in [0, 42]:
    kk = random.key(seed)
    grads[f"gamma_{seed}"] = f32(jax.grad(lambda a: jnp.sum(random.gamma(kk, a)))(alphas))
    grads[f"gamma_sample_{seed}"] = f32(random.gamma(kk, alphas))
    grads[f"loggamma_{seed}"] = f32(jax.grad(lambda a: jnp.sum(random.loggamma(kk, a)))(alphas))
    grads[f"beta_a_{seed}"] = f32(jax.grad(lambda a: jnp.sum(random.beta(kk, a, alphas[::-1])))(alphas))
    grads[f"dirichlet_{seed}"] = f32(jax.grad(lambda a: random.dirichlet(kk, a)[0])(alphas))

discrete = {}
for seed in [0, 42]:
    kk = random.key(seed)
    discrete[f"poisson_small_{seed}"] = ints(random.poisson(kk, 3.5, (10,)))
    discrete[f"poisson_mixed_{seed}"] = ints(random.poisson(kk, jnp.array([0.0, 0.5, 4.0, 9.9, 10.0, 25.0, 300.0])))
    discrete[f"binomial_small_{seed}"] = f32(random.binomial(kk, 10.0, 0.3, (10,)))
    discrete[f"binomial_mixed_{seed}"] = f32(random.binomial(kk, jnp.array([0., 5., 20., 100., 1000., 50.]),
                                                             jnp.array([0.5, 0.9, 0.2, 0.3, 0.7, 0.0])))
    discrete[f"multinomial_{seed}"] = f32(random.multinomial(kk, 20.0, jnp.array([0.2, 0.3, 0.5])))
    discrete[f"multinomial_batch_{seed}"] = f32(random.multinomial(kk, jnp.array([5.0, 50.0]),
                                                                   jnp.array([[0.1, 0.6, 0.3], [0.25, 0.25, 0.5]])))

# Independent float64 reference for random_gamma_grad: d x / d a = -(dP(a, x)/da) / p(a, x), with the
# regularized incomplete gamma P from SciPy, its a-derivative by central differences, p the Gamma pdf.
import scipy.special as sp
pairs = [(0.3, 0.01), (0.3, 0.7), (0.9, 0.2), (1.0, 1.0), (2.5, 0.5), (2.5, 4.0), (7.0, 6.0), (7.0, 12.0), (30.0, 25.0), (30.0, 40.0)]
ref = []
for a, x in pairs:
    h = 1e-6 * a
    dp_da = (sp.gammainc(a + h, x) - sp.gammainc(a - h, x)) / (2 * h)
    pdf = np.exp((a - 1) * np.log(x) - x - sp.gammaln(a))
    ref.append([a, x, float(-dp_da / pdf)])
grads["f64_reference"] = ref

out = {"jax_version": jax.__version__, "jaxprs": jaxprs, "repr": reprs, "gamma_grad": grads, "discrete": discrete}
with open("core/src/test/resources/prng/typed_keys.json", "w") as fh:
    json.dump(out, fh, indent=1)
print("ok")
