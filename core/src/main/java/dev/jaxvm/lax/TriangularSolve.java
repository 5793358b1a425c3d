package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.compile.Lowerable;
import dev.jaxvm.compile.Lowering;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Storage;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code triangular_solve}: solves {@code op(a) x = b} ({@code leftSide}) or {@code x op(a) = b} for
 * each matrix of the batch, where {@code a} is {@code (..., m, m)} and triangular (only its
 * {@code lower} or upper triangle is read; its diagonal is taken as ones when {@code unitDiagonal})
 * and {@code op} transposes it when {@code transposeA}, as JAX's {@code lax.linalg.triangular_solve}.
 * Substitution in double precision, rounded to the operand dtype. Linear in {@code b} (its transpose
 * solves with {@code op} flipped); JAX's JVP rule in {@code a}.
 *
 * @param leftSide whether {@code a} multiplies {@code x} from the left ({@code b} is {@code (..., m, n)})
 * @param lower whether the lower triangle of {@code a} is used
 * @param transposeA whether the system uses {@code a}'s transpose
 * @param conjugateA whether to conjugate {@code a} (no effect for real dtypes)
 * @param unitDiagonal whether the diagonal of {@code a} is assumed to be ones
 */
public record TriangularSolve(boolean leftSide, boolean lower, boolean transposeA, boolean conjugateA, boolean unitDiagonal)
        implements LinalgPrimitive, Differentiable, Transposable, Batchable, Lowerable {
    @Override
    public String name() { return "triangular_solve"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        if (in.size() != 2) throw new IllegalArgumentException("triangular_solve takes two operands, got " + in.size());
        ArrayType a = in.get(0);
        ArrayType b = in.get(1);
        int[] ad = a.shape().dims();
        int[] bd = b.shape().dims();
        if (a.dtype() != b.dtype() || !a.dtype().isFloating()) {
            throw new IllegalArgumentException("triangular_solve: a and b must be floating point of one dtype, got "
                    + a.dtype() + " and " + b.dtype());
        }
        if (ad.length < 2 || ad[ad.length - 1] != ad[ad.length - 2]) {
            throw new IllegalArgumentException("triangular_solve requires a to be a batch of square matrices, got shape "
                    + a.shape());
        }
        if (bd.length != ad.length || !java.util.Arrays.equals(ad, 0, ad.length - 2, bd, 0, bd.length - 2)) {
            throw new IllegalArgumentException("triangular_solve requires both arguments to have the same number of"
                    + " dimensions and equal batch dimensions, got " + a.shape() + " and " + b.shape());
        }
        int m = ad[ad.length - 1];
        int common = bd[leftSide ? bd.length - 2 : bd.length - 1];
        if (common != m) {
            throw new IllegalArgumentException("triangular_solve: arguments to solve must have consistent shapes, got "
                    + a.shape() + " and " + b.shape() + " with left_side=" + (leftSide ? "True" : "False"));
        }
        return List.of(b.withWeakType(false));
    }

    @Override
    public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) { return evaluate(in, out, Ranges.SEQUENTIAL); }

    /** The reference substitution, the matrices of the batch split over the compiler's pool. */
    @Override
    public Lowering lower(List<ArrayType> in, List<ArrayType> out) { return new Lowering.Library(new RangesKernel(name(), this::evaluate)); }

    private List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out, Ranges ranges) {
        DenseArray a = in.get(0);
        DenseArray b = in.get(1);
        ArrayType t = out.getFirst();
        int[] bd = t.shape().dims();
        int m = a.type().shape().dims()[bd.length - 1];
        int rows = bd[bd.length - 2];
        int cols = bd[bd.length - 1];
        int mats = rows * cols == 0 || m == 0 ? 0 : t.size() / (rows * cols);
        Object data = Storage.allocate(t.dtype(), t.size());
        boolean f64 = t.dtype() == dev.jaxvm.DType.FLOAT64;
        // op(a) on the left, or x op(a) = b as op(a)^T x^T = b^T: one effective matrix, lower or upper
        boolean effLower = lower ^ transposeA ^ !leftSide;
        ranges.run(mats, (long) m * m * Math.max(rows, cols), (lo, hi) -> {
            double[] e = new double[m * m];
            double[] v = new double[m];
            for (int k = lo; k < hi; k++) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        boolean inTri = lower ? j <= i : j >= i;
                        double aij = i == j && unitDiagonal ? 1 : inTri ? a.getDouble(k * m * m + i * m + j) : 0;
                        boolean flip = transposeA ^ !leftSide;   // the effective matrix is op(a) or op(a)^T
                        e[flip ? j * m + i : i * m + j] = aij;
                    }
                }
                int nrhs = leftSide ? cols : rows;
                for (int c = 0; c < nrhs; c++) {
                    for (int i = 0; i < m; i++) v[i] = b.getDouble(k * rows * cols + (leftSide ? i * cols + c : c * cols + i));
                    substitute(e, v, m, effLower);
                    for (int i = 0; i < m; i++) {
                        Storage.setDouble(t.dtype(), data, k * rows * cols + (leftSide ? i * cols + c : c * cols + i),
                                f64 ? v[i] : (float) v[i]);
                    }
                }
            }
        });
        return List.of(DenseArray.wrap(t, data));
    }

    /** Solves {@code e v' = v} in place for triangular {@code e}. */
    private static void substitute(double[] e, double[] v, int m, boolean lowerTri) {
        for (int s = 0; s < m; s++) {
            int i = lowerTri ? s : m - 1 - s;
            double acc = v[i];
            if (lowerTri) for (int j = 0; j < i; j++) acc -= e[i * m + j] * v[j];
            else for (int j = i + 1; j < m; j++) acc -= e[i * m + j] * v[j];
            v[i] = acc / e[i * m + i];
        }
    }

    /** JAX's rule: {@code -op(a)^-1 op(da) x} (or {@code -x op(da) op(a)^-1}) plus the solve of {@code db}. */
    @Override
    public Jvp jvp(List<Array> primals, List<Array> tangents) {
        Array a = primals.get(0);
        Array ans = LaxLinalg.triangularSolve(a, primals.get(1), leftSide, lower, transposeA, conjugateA, unitDiagonal);
        Array t = tangents.get(1) == null ? null
                : LaxLinalg.triangularSolve(a, tangents.get(1), leftSide, lower, transposeA, conjugateA, unitDiagonal);
        if (tangents.get(0) != null) t = Tangents.add(t, jvpA(tangents.get(0), a, ans));
        return Jvp.of(ans, t);
    }

    private Array jvpA(Array ga, Array a, Array ans) {
        int[] s = ans.shape();
        int m = s[s.length - 2];
        int n = s[s.length - 1];
        int k = unitDiagonal ? 1 : 0;
        Array g = Lax.neg(lower ? LinalgAd.tril(ga, -k) : LinalgAd.triu(ga, k));
        if (transposeA) g = LinalgAd.mT(g);
        if (leftSide) {
            return m > n ? solve(a, LinalgAd.matmul(g, ans)) : LinalgAd.matmul(solve(a, g), ans);
        }
        return m < n ? solve(a, LinalgAd.matmul(ans, g)) : LinalgAd.matmul(ans, solve(a, g));
    }

    private Array solve(Array a, Array rhs) {
        return LaxLinalg.triangularSolve(a, rhs, leftSide, lower, transposeA, conjugateA, unitDiagonal);
    }

    /** Linear in {@code b}: the cotangent is solved with {@code op(a)} transposed. */
    @Override
    public List<Array> transpose(List<Array> cts, List<Operand> operands) {
        if (operands.get(0).isLinear()) throw new IllegalArgumentException("triangular_solve is not linear in a");
        List<Array> out = new ArrayList<>();
        out.add(null);
        out.add(LaxLinalg.triangularSolve(operands.get(0).value(), cts.getFirst(), leftSide, lower, !transposeA, conjugateA,
                unitDiagonal));
        return out;
    }

    /** It solves every matrix of the leading dimensions: the batch goes first. */
    @Override
    public Batched batch(List<Array> args, Ints dims) { return BatchRules.leadingBatch(this, args, dims); }
}
