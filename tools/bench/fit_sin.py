# Fits the odd degree-9 polynomial of compile/ScalarMath.sinCos (sin r = r + r^3 P(r^2) on [-pi/2, pi/2],
# near-minimax relative error by iteratively reweighted least squares) and checks its float32 evaluation.
import numpy as np
# P(z) with sin(r) ~ r + r^3 P(r^2), |r| <= pi/2; minimise max relative error by IRLS
r = np.linspace(1e-4, np.pi/2 + 1e-3, 20000)
z = r*r
target = (np.sin(r) - r) / r**3
A = np.vstack([z**k for k in range(4)]).T   # c3 + c5 z + c7 z^2 + c9 z^3
w = np.ones_like(r)
for it in range(60):
    W = w * r**3 / np.sin(r)   # relative error weight on sin
    c, *_ = np.linalg.lstsq(A * W[:, None], target * W, rcond=None)
    err = (r + r**3 * (A @ c) - np.sin(r)) / np.sin(r)
    w = w * (np.abs(err) / np.abs(err).max()) ** 0.5 + 1e-12
print("max rel err (double)", np.abs(err).max())
cf = [np.float32(x) for x in c]
print([float(x).hex() for x in cf], [repr(float(x)) for x in cf])
# float32 evaluation with fma emulated in double then rounded
def f32(x): return np.float32(x)
def fma(a, b, c): return np.float32(np.float64(a)*np.float64(b)+np.float64(c))
worst = 0
rs = np.float32(np.linspace(-np.pi/2, np.pi/2, 400001)).astype(np.float32)
for rv in rs[::7]:
    zz = f32(rv*rv)
    p = fma(fma(fma(cf[3], zz, cf[2]), zz, cf[1]), zz, cf[0])
    s = fma(f32(p*zz), rv, rv)
    ref = np.float32(np.sin(np.float64(rv)))
    if ref != 0:
        u = abs(int(np.float32(s).view(np.int32)) - int(ref.view(np.int32)))
        worst = max(worst, u)
print("worst ulp on [-pi/2, pi/2]", worst)
