package dev.jaxvm.lax;

import dev.jaxvm.EnableX64;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jaxvm.Array;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Trace;
import dev.jaxvm.transform.JvpInterpreter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * One contract for every primitive of the sealed catalog: its JVP agrees with central differences in
 * float64, and, when it is transposable, its transpose passes the dot-product test
 * {@code <ct, J t> = <J^T ct, t>}.
 */
@ExtendWith(EnableX64.class)
class AutodiffContractTest {
    /**
     * Primitives without a JVP rule, by record name: {@code Nextafter} has none in JAX either; the
     * others are listed with what their rule needs.
     */
    private static final Set<String> NO_JVP = Set.of(
            "Nextafter",   // JAX registers no JVP for nextafter_p either (it is piecewise constant, with jumps)
            "Zeta",        // JAX registers no JVP for zeta_p either
            "IgammaGradA", // nor for igamma_grad_a_p
            "Threefry2x32",   // integer hash: JAX defines no JVP either (its operands have float0 tangents)
            // PRNG key primitives: keys and bits have float0 tangents; JAX defines no JVP either
            "RandomSeed", "RandomBits", "RandomSplit", "RandomFoldIn", "RandomWrap", "RandomUnwrap", "RandomClone",
            "RandomGammaGrad");   // JAX's random_gamma_grad has no derivative either

    /** Operands given a zero tangent: JAX defines no derivative of polygamma in its order {@code m}. */
    private static final java.util.Map<String, Integer> NONDIFFERENTIABLE_OPERAND = java.util.Map.of("polygamma", 0);

    /**
     * Primitives whose JVP rule, as JAX's, assumes a symmetric tangent: {@code cholesky} reads only
     * the lower triangle ({@code lax.linalg.cholesky} symmetrizes its input before binding it).
     */
    private static final Set<String> SYMMETRIC_TANGENTS = Set.of("cholesky");

    /**
     * Primitives whose JVP is not the derivative central differences see: random_gamma's is JAX's
     * implicit reparameterisation (d sample / d a through the CDF), not the pathwise derivative of the
     * rejection sampler; it is checked against JAX's gradients in random.DiscreteAndGradTest.
     */
    private static final Set<String> JVP_CHECKED_ELSEWHERE = Set.of("RandomGamma");

    /** Primitives differentiable in reverse mode only (their linear part cannot be evaluated), as in JAX. */
    private static final Set<String> REVERSE_ONLY = Set.of("custom_vjp_call", "custom_lin");

    /**
     * Looser central-difference tolerances where the reference evaluation is less accurate than
     * float64: the reference {@code erf_inv} uses a single-precision approximation (errors ~1e-6),
     * so its finite differences are noisy (lead: JAX uses a float64 approximation for float64).
     */
    private static final java.util.Map<String, Double> FD_TOLERANCE = java.util.Map.of();

    /** Primitives whose derivative is zero by definition, not by calculus. */
    private static final Set<String> ZERO_BY_DEFINITION = Set.of("stop_gradient");

    /** Every concrete record of the catalog. */
    static List<Class<?>> catalog() {
        List<Class<?>> out = new ArrayList<>();
        collect(LaxPrimitive.class, out);
        out.sort((a, b) -> a.getSimpleName().compareTo(b.getSimpleName()));
        return out;
    }

    private static void collect(Class<?> c, List<Class<?>> out) {
        if (c == CollectivePrimitive.class) return; // need a named vmap axis: checked by transform.VmapAutodiffTest
        if (c.isRecord()) out.add(c);
        Class<?>[] subs = c.getPermittedSubclasses();
        if (subs != null) for (Class<?> s : subs) collect(s, out);
    }

    static List<AdSamples.Sample> samples(Class<?> c, Random r) {
        var special = AdSamples.SPECIAL.get(c);
        if (special != null) return special.apply(r, null);
        try {
            Object p = c.getDeclaredConstructor().newInstance();
            if (p instanceof Elementwise e) return AdSamples.elementwise(e, r);
        } catch (ReflectiveOperationException e) {
            // falls through: a primitive with parameters needs an entry in AdSamples.SPECIAL
        }
        return null;
    }

    @Test
    void everyPrimitiveHasACheckedJvpRule() {
        Random r = new Random(42);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Class<?> c : catalog()) {
            boolean differentiable = Differentiable.class.isAssignableFrom(c) || c == Remat.class || c == Jit.class
                    || c == Cond.class || c == While.class || c == Scan.class   // the JVP interpreter's own rules
                    || c == CustomVjpCall.class || c == CustomLin.class;
            if (JVP_CHECKED_ELSEWHERE.contains(c.getSimpleName())) continue;
            if (!differentiable) {
                if (!NO_JVP.contains(c.getSimpleName())) failures.add(c.getSimpleName() + ": no jvp rule (implement Differentiable)");
                continue;
            }
            List<AdSamples.Sample> ss = samples(c, r);
            if (ss == null) {
                failures.add(c.getSimpleName() + ": no sample in AdSamples (add one)");
                continue;
            }
            for (AdSamples.Sample s : ss) {
                String name = s.primitive().name();
                if (REVERSE_ONLY.contains(name)) {
                    checked++;
                    break;    // checked by the reverse-mode tests (GradTest)
                }
                try {
                    checkJvp(s, r);
                    checked++;
                } catch (AssertionError | RuntimeException e) {
                    failures.add(name + ": " + e.getMessage() + " [" + s + "]");
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(checked > 60, "checked " + checked);
    }

    @Test
    void everyTransposeRulePassesTheDotProductTest() {
        Random r = new Random(7);
        List<String> failures = new ArrayList<>();
        Set<String> tested = new TreeSet<>();
        for (Class<?> c : catalog()) {
            List<AdSamples.Sample> ss = samples(c, r);
            if (ss == null) continue;
            for (AdSamples.Sample s : ss) {
                if (!(s.primitive() instanceof Transposable t) || s.linear().isEmpty()) continue;
                List<List<Integer>> sets = s.primitive() instanceof Bilinear
                        ? s.linear().stream().map(List::of).toList() : List.of(s.linear());
                for (List<Integer> lin : sets) {
                    try {
                        checkTranspose(t, s, lin, r);
                        tested.add(s.primitive().name());
                    } catch (AssertionError | RuntimeException e) {
                        failures.add(s.primitive().name() + ": " + e + " [" + s + "]");
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        for (String must : List.of("add", "sub", "mul", "neg", "div", "reduce_sum", "broadcast_in_dim", "reshape",
                "transpose", "squeeze", "select_n", "convert_element_type", "stack", "unstack", "add_any", "slice",
                "scatter", "scatter-add", "triangular_solve", "dot_general", "gather")) {
            assertTrue(tested.contains(must), must + " was not transpose-tested; tested: " + tested);
        }
    }

    private static List<Array> apply(Primitive p, List<Array> args) { return Trace.bind(p, args); }

    private static void checkJvp(AdSamples.Sample s, Random r) {
        List<Array> primals = s.args();
        List<Array> tangents = new ArrayList<>();
        for (Array a : primals) tangents.add(Tangents.isDifferentiable(a.type()) ? AdSamples.f64(r, a.shape()) : null);
        Integer nondiff = NONDIFFERENTIABLE_OPERAND.get(s.primitive().name());
        if (nondiff != null) tangents.set(nondiff, null);
        if (SYMMETRIC_TANGENTS.contains(s.primitive().name())) {
            tangents.replaceAll(t -> t == null ? null : Lax.mul(Lax.add(t, LinalgAd.mT(t)), DenseArray.scalar(t.dtype(), false, 0.5)));
        }
        JvpInterpreter.Result res = JvpInterpreter.jvp(xs -> apply(s.primitive(), xs), primals, tangents);
        List<Array> direct = apply(s.primitive(), primals);
        double eps = 1e-5;
        List<Array> plus = apply(s.primitive(), shift(primals, tangents, eps));
        List<Array> minus = apply(s.primitive(), shift(primals, tangents, -eps));
        for (int k = 0; k < direct.size(); k++) {
            assertClose(direct.get(k).toDoubleArray(), res.primalsOut().get(k).toDoubleArray(), 0, "primal output " + k);
            if (!Tangents.isDifferentiable(direct.get(k).type())) {
                assertEquals(null, res.tangentsOut().get(k), "integer output " + k + " must have a zero tangent");
                continue;
            }
            double[] p = plus.get(k).toDoubleArray(), m = minus.get(k).toDoubleArray();
            double[] fd = new double[p.length];
            boolean zero = ZERO_BY_DEFINITION.contains(s.primitive().name());
            for (int i = 0; i < p.length; i++) fd[i] = zero ? 0 : (p[i] - m[i]) / (2 * eps);
            Array t = res.tangentsOut().get(k);
            double[] got = t == null ? new double[fd.length] : t.toDoubleArray();
            assertClose(fd, got, FD_TOLERANCE.getOrDefault(s.primitive().name(), 1e-5), "tangent of output " + k);
        }
    }

    private static List<Array> shift(List<Array> xs, List<Array> ts, double eps) {
        List<Array> out = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            out.add(ts.get(i) == null ? xs.get(i) : Lax.add(xs.get(i), Lax.mul(ts.get(i), DenseArray.scalar(
                    xs.get(i).dtype(), false, eps))));
        }
        return out;
    }

    private static void checkTranspose(Transposable p, AdSamples.Sample s, List<Integer> lin, Random r) {
        List<Array> args = new ArrayList<>(s.args());
        List<Transposable.Operand> ops = new ArrayList<>();
        List<Array> ts = new ArrayList<>(Collections.nCopies(args.size(), null));
        for (int i = 0; i < args.size(); i++) {
            if (lin.contains(i)) {
                Array t = AdSamples.f64(r, args.get(i).shape());
                ts.set(i, t);
                args.set(i, t);
                ops.add(new Transposable.Undefined(s.args().get(i).type()));
            } else {
                ops.add(new Transposable.Known(args.get(i)));
            }
        }
        List<Array> jt = apply(p, args);   // linear in the chosen operands: f(t) = J t
        List<Array> cts = new ArrayList<>();
        double lhs = 0;
        for (Array y : jt) {
            Array ct = AdSamples.f64(r, y.shape());
            cts.add(ct);
            lhs += dot(ct, y);
        }
        List<Array> back = p.transpose(cts, ops);
        assertEquals(args.size(), back.size(), "one cotangent per operand");
        double rhs = 0;
        for (int i : lin) {
            Array b = back.get(i);
            if (b == null) continue;
            assertEquals(s.args().get(i).type().shape(), b.type().shape(), "cotangent shape of operand " + i);
            rhs += dot(b, ts.get(i));
        }
        assertEquals(lhs, rhs, 1e-9 * (1 + Math.abs(lhs)), "<ct, J t> vs <J^T ct, t>");
    }

    private static double dot(Array a, Array b) {
        double[] x = a.toDoubleArray(), y = b.toDoubleArray();
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }

    static void assertClose(double[] want, double[] got, double tol, String what) {
        if (want.length != got.length) fail(what + ": length " + got.length + " != " + want.length);
        for (int i = 0; i < want.length; i++) {
            double w = want[i], g = got[i];
            if (Double.isNaN(w) && Double.isNaN(g)) continue;
            if (Math.abs(w - g) > tol * (1 + Math.abs(w))) {
                fail(what + ": element " + i + " expected " + w + " got " + g + "; expected " + Arrays.toString(want)
                        + " got " + Arrays.toString(got));
            }
        }
    }
}
