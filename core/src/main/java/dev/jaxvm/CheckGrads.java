package dev.jaxvm;

import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Storage;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.Tangents;
import dev.jaxvm.transform.JvpInterpreter;
import dev.jaxvm.transform.Linearize;
import dev.jaxvm.transform.Transpose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The numerical gradient checker behind {@code Jax.checkGrads} (JAX's {@code jax.test_util.check_grads}):
 * forward mode against central differences, reverse mode by {@code <u, J v> = <J^T u, v>} with the
 * numerical {@code J v}, recursively for higher orders.
 */
final class CheckGrads {
    private static final double EPS = 1e-4;

    private final Random random = new Random(0);
    private final List<String> modes;

    private CheckGrads(List<String> modes) {
        for (String m : modes) {
            if (!m.equals("fwd") && !m.equals("rev")) throw new IllegalArgumentException("unknown mode '" + m + "': use fwd, rev");
        }
        this.modes = modes;
    }

    static void check(Function<Array[], List<Array>> f, Array[] args, int order, List<String> modes) {
        new CheckGrads(modes).checkGrads(f, args, order, "");
    }

    private void checkGrads(Function<Array[], List<Array>> f, Array[] args, int order, String msg) {
        if (modes.contains("fwd")) {
            String m = msg.isEmpty() ? "JVP" : "JVP of " + msg;
            checkJvp(f, args, m);
            if (order > 1) {
                checkGrads(xs -> JvpInterpreter.jvp(ys -> f.apply(ys.toArray(Array[]::new)),
                        Arrays.asList(xs), Arrays.asList(xs)).tangentsOut(), args, order - 1, m);
            }
        }
        if (modes.contains("rev")) {
            String m = msg.isEmpty() ? "VJP" : "VJP of " + msg;
            checkVjp(f, args, m);
            if (order > 1) checkGrads(xs -> vjpOfOutputs(f, xs), args, order - 1, m);
        }
    }

    /** The pullback of f at xs applied to f's own outputs (JAX's {@code f_vjp}). */
    private static List<Array> vjpOfOutputs(Function<Array[], List<Array>> f, Array[] xs) {
        Linearize.Result r = Linearize.linearize(ys -> f.apply(ys.toArray(Array[]::new)), Arrays.asList(xs));
        List<Array> back = Transpose.backwardPass(r.linear(), r.primalsOut());
        List<Array> out = new ArrayList<>();
        for (int i = 0; i < back.size(); i++) {
            out.add(back.get(i) != null ? back.get(i) : Tangents.zeros(Tangents.tangentType(xs[i].type())));
        }
        return out;
    }

    private void checkJvp(Function<Array[], List<Array>> f, Array[] args, String msg) {
        Array[] v = randLike(args);
        JvpInterpreter.Result r = JvpInterpreter.jvp(ys -> f.apply(ys.toArray(Array[]::new)), Arrays.asList(args),
                Arrays.asList(v));
        List<Array> expected = numericalJvp(f, args, v);
        for (int k = 0; k < expected.size(); k++) {
            Array t = r.tangentsOut().get(k);
            double[] got = t == null ? new double[expected.get(k).size()] : t.toDoubleArray();
            assertClose(expected.get(k).toDoubleArray(), got, tolerance(expected.get(k)), msg + " tangent output " + k);
        }
    }

    private void checkVjp(Function<Array[], List<Array>> f, Array[] args, String msg) {
        Linearize.Result r = Linearize.linearize(ys -> f.apply(ys.toArray(Array[]::new)), Arrays.asList(args));
        Array[] v = randLike(args);
        List<Array> tangentOut = numericalJvp(f, args, v);
        Array[] u = randLike(r.primalsOut().toArray(Array[]::new));
        List<Array> ctOut = Transpose.backwardPass(r.linear(), Arrays.asList(u));
        double ip = 0, ipExpected = 0;
        for (int k = 0; k < u.length; k++) ipExpected += dot(tangentOut.get(k), u[k]);
        for (int i = 0; i < v.length; i++) if (ctOut.get(i) != null) ip += dot(ctOut.get(i), v[i]);
        double tol = tolerance(args.length > 0 ? args[0] : u[0]);
        if (!(Math.abs(ip - ipExpected) <= tol + tol * Math.abs(ipExpected))) {
            throw new AssertionError(msg + ": <J^T u, v> = " + ip + " but <u, J v> = " + ipExpected + " (tolerance " + tol + ")");
        }
    }

    private static List<Array> numericalJvp(Function<Array[], List<Array>> f, Array[] x, Array[] v) {
        Array[] plus = new Array[x.length], minus = new Array[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!Tangents.isDifferentiable(x[i].type())) {
                plus[i] = minus[i] = x[i];
                continue;
            }
            Array d = Lax.mul(v[i], DenseArray.scalar(x[i].dtype(), false, EPS));
            plus[i] = Lax.add(x[i], d);
            minus[i] = Lax.sub(x[i], d);
        }
        List<Array> fp = f.apply(plus), fm = f.apply(minus);
        List<Array> out = new ArrayList<>();
        for (int k = 0; k < fp.size(); k++) {
            if (!Tangents.isDifferentiable(fp.get(k).type())) {
                out.add(DenseArray.zeros(fp.get(k).type().withDType(DType.FLOAT64)));
                continue;
            }
            out.add(Lax.mul(Lax.sub(fp.get(k), fm.get(k)), DenseArray.scalar(fp.get(k).dtype(), false, 0.5 / EPS)));
        }
        return out;
    }

    private Array[] randLike(Array[] xs) {
        Array[] out = new Array[xs.length];
        for (int i = 0; i < xs.length; i++) {
            Array x = xs[i];
            if (!Tangents.isDifferentiable(x.type())) {
                out[i] = DenseArray.zeros(Tangents.tangentType(x.type()));
                continue;
            }
            Object data = Storage.allocate(x.dtype(), x.size());
            for (int k = 0; k < x.size(); k++) Storage.setDouble(x.dtype(), data, k, random.nextGaussian());
            out[i] = DenseArray.wrap(x.type().withWeakType(false), data);
        }
        return out;
    }

    private static double tolerance(Array like) {
        return switch (like.dtype()) {
            case FLOAT64 -> 1e-5;
            case FLOAT16 -> 1e-2;
            case BFLOAT16 -> 1e-1;
            case FLOAT32, BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FLOAT0 -> 2e-3;
        };
    }

    private static double dot(Array a, Array b) {
        double[] x = a.toDoubleArray(), y = b.toDoubleArray();
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }

    /** NumPy's {@code allclose(got, want)} with JAX's size-scaled tolerances ({@code tol * size}). */
    private static void assertClose(double[] want, double[] got, double tol, String what) {
        double t = tol * want.length;
        for (int i = 0; i < want.length; i++) {
            if (!(Math.abs(want[i] - got[i]) <= t + t * Math.abs(want[i]))) {
                throw new AssertionError(what + ": element " + i + " numerical " + want[i] + " vs autodiff " + got[i]
                        + " (tolerance " + tol + "); numerical " + Arrays.toString(want) + " autodiff " + Arrays.toString(got));
            }
        }
    }
}
