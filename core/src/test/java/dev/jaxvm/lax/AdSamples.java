package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.CustomVjpFwd;
import dev.jaxvm.DType;
import dev.jaxvm.JvpResult;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import dev.jaxvm.transform.Hoisted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Seeded random applications of each catalog primitive, in float64, for the autodiff contract test.
 * Elementwise primitives are sampled generically (with size-1 and rank-0 broadcasting); primitives
 * with parameters have an entry in {@link #SPECIAL}.
 */
final class AdSamples {
    private AdSamples() {}

    /**
     * One application of a primitive.
     *
     * @param primitive the primitive
     * @param args its operands
     * @param linear the operands the primitive is linear in (for the transpose test); empty if none
     */
    record Sample(Primitive primitive, List<Array> args, List<Integer> linear) {
        @Override
        public String toString() {
            return primitive + " on " + args.stream().map(a -> a.type().toString()).toList() + " linear in " + linear;
        }
    }

    static DenseArray uniform(Random r, ArrayType t, double lo, double hi) {
        Object d = Storage.allocate(t.dtype(), t.size());
        for (int i = 0; i < t.size(); i++) {
            if (t.dtype().isFloating()) Storage.setDouble(t.dtype(), d, i, lo + (hi - lo) * r.nextDouble());
            else if (t.dtype() == DType.BOOL) Storage.setBoolean(t.dtype(), d, i, r.nextBoolean());
            else Storage.setLong(t.dtype(), d, i, (long) (lo + (hi - lo) * r.nextDouble()));
        }
        return DenseArray.wrap(t, d);
    }

    static DenseArray f64(Random r, int... shape) { return uniform(r, ArrayType.of(DType.FLOAT64, shape), -1, 1); }

    static DenseArray pos(Random r, int... shape) { return uniform(r, ArrayType.of(DType.FLOAT64, shape), 0.5, 2); }

    static DenseArray bools(Random r, int... shape) { return uniform(r, ArrayType.of(DType.BOOL, shape), 0, 1); }

    /** Row indices {@code [[4], [0], [2], [0]]} of shape (n, 1), with a repeat to exercise accumulation. */
    static DenseArray indices(int n) {
        int[] v = {4, 0, 2, 0, 1, 3};
        return DenseArray.of(ArrayType.of(DType.INT32, n, 1), java.util.Arrays.copyOf(v, n));
    }

    private static final Map<Class<?>, double[]> DOMAINS = Map.of(
            Acosh.class, new double[] {1.2, 3}, Log.class, new double[] {0.2, 2}, Sqrt.class, new double[] {0.2, 2},
            Rsqrt.class, new double[] {0.2, 2}, Pow.class, new double[] {0.2, 2}, Cbrt.class, new double[] {0.2, 2},
            Div.class, new double[] {0.2, 2}, Rem.class, new double[] {0.3, 2},
            Lgamma.class, new double[] {0.5, 3}, Digamma.class, new double[] {0.5, 3});

    /** Samples for an elementwise primitive: equal shapes, size-1 broadcasting and a rank-0 operand. */
    static List<Sample> elementwise(Elementwise p, Random r) {
        int arity = p.scalarOp().arity();
        boolean floats = p.accepts(DType.FLOAT64);
        DType dt = floats ? DType.FLOAT64 : DType.INT32;
        double[] dom = DOMAINS.getOrDefault(p.getClass(), floats ? new double[] {-0.9, 0.9} : new double[] {0, 8});
        List<int[][]> shapes = arity == 1 ? List.of(new int[][] {{2, 3}}, new int[][] {{}})
                : List.of(new int[][] {{2, 3}, {2, 3}}, new int[][] {{1, 3}, {2, 3}}, new int[][] {{}, {2, 3}},
                        new int[][] {{2, 1}, {}});
        List<Sample> out = new ArrayList<>();
        for (int[][] ss : shapes) {
            List<Array> args = new ArrayList<>();
            for (int[] s : ss) args.add(uniform(r, ArrayType.of(dt, s), dom[0], dom[1]));
            out.add(new Sample(p, args, !floats ? List.of() : p instanceof Div ? List.of(0) : allIndices(arity)));
        }
        return out;
    }

    private static List<Integer> allIndices(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(i);
        return l;
    }

    /** Samples of the primitives with parameters, by class. */
    static final Map<Class<?>, BiFunction<Random, Void, List<Sample>>> SPECIAL = Map.ofEntries(
            Map.entry(ConvertElementType.class, (r, v) -> List.of(
                    new Sample(new ConvertElementType(DType.FLOAT64, false), List.of(f64(r, 2, 3).withWeakType(true)), List.of(0)),
                    new Sample(new ConvertElementType(DType.INT32, false), List.of(f64(r, 3)), List.of()),
                    new Sample(new ConvertElementType(DType.FLOAT64, false), List.of(uniform(r, ArrayType.of(DType.INT32, 3), 0, 9)),
                            List.of()))),
            Map.entry(BroadcastInDim.class, (r, v) -> List.of(
                    new Sample(new BroadcastInDim(Shape.of(2, 3, 4), Ints.of(0, 2)), List.of(f64(r, 2, 1)), List.of(0)),
                    new Sample(new BroadcastInDim(Shape.of(3, 2), Ints.of()), List.of(f64(r)), List.of(0)),
                    new Sample(new BroadcastInDim(Shape.of(4, 3), Ints.of(1)), List.of(f64(r, 3)), List.of(0)))),
            Map.entry(Reshape.class, (r, v) -> List.of(
                    new Sample(new Reshape(Ints.of(3, 2), null), List.of(f64(r, 2, 3)), List.of(0)))),
            Map.entry(Squeeze.class, (r, v) -> List.of(
                    new Sample(new Squeeze(Ints.of(0, 2)), List.of(f64(r, 1, 3, 1)), List.of(0)))),
            Map.entry(Transpose.class, (r, v) -> List.of(
                    new Sample(new Transpose(Ints.of(2, 0, 1)), List.of(f64(r, 2, 3, 4)), List.of(0)))),
            Map.entry(Slice.class, (r, v) -> List.of(
                    new Sample(new Slice(Ints.of(1, 0), Ints.of(3, 5), null), List.of(f64(r, 4, 5)), List.of(0)),
                    new Sample(new Slice(Ints.of(0, 1), Ints.of(4, 5), Ints.of(2, 3)), List.of(f64(r, 4, 5)), List.of(0)))),
            Map.entry(Stack.class, (r, v) -> List.of(
                    new Sample(new Stack(1), List.of(f64(r, 2, 3), f64(r, 2, 3), f64(r, 2, 3)), List.of(0, 1, 2)))),
            Map.entry(Unstack.class, (r, v) -> List.of(
                    new Sample(new Unstack(1), List.of(f64(r, 2, 3)), List.of(0)))),
            Map.entry(SelectN.class, (r, v) -> List.of(
                    new Sample(new SelectN(), List.of(uniform(r, ArrayType.of(DType.BOOL, 2, 3), 0, 1), f64(r, 2, 3), f64(r, 2, 3)),
                            List.of(1, 2)),
                    new Sample(new SelectN(), List.of(uniform(r, ArrayType.of(DType.INT32, 3), 0, 3), f64(r, 3), f64(r, 3),
                            f64(r, 3)), List.of(1, 2, 3)))),
            Map.entry(Iota.class, (r, v) -> List.of(new Sample(new Iota(0, DType.INT32, Shape.of(4)), List.of(), List.of()))),
            Map.entry(CustomJvpCall.class, (r, v) -> {
                Hoisted h = Hoisted.trace(xs -> List.of(Lax.sin(xs.get(0))), List.of(ArrayType.of(DType.FLOAT64, 3)));
                return List.of(new Sample(new CustomJvpCall("f", h.jaxpr(), (p, t) -> new JvpResult(Lax.sin(p[0]),
                        Lax.mul(t[0], Lax.cos(p[0]))), 0), List.of(f64(r, 3)), List.of()));
            }),
            Map.entry(CustomVjpCall.class, (r, v) -> {
                Hoisted h = Hoisted.trace(xs -> List.of(Lax.sin(xs.get(0))), List.of(ArrayType.of(DType.FLOAT64, 3)));
                return List.of(new Sample(new CustomVjpCall("f", h.jaxpr(), xs -> new CustomVjpFwd.Out(Lax.sin(xs[0]),
                        List.of(Lax.cos(xs[0]))), (res, ct) -> List.of(Lax.mul(res.get(0), ct)), 0), List.of(f64(r, 3)), List.of()));
            }),
            Map.entry(CustomLin.class, (r, v) -> List.of(new Sample(new CustomLin("f", (res, ct) -> List.of(Lax.mul(res.get(0), ct)), 1,
                    ArrayType.of(DType.FLOAT64, 3), List.of(ArrayType.of(DType.FLOAT64, 3))), List.of(f64(r, 3), f64(r, 3)),
                    List.of()))),
            Map.entry(Remat.class, (r, v) -> {
                Hoisted h = Hoisted.trace(xs -> List.of(Lax.sin(Lax.mul(xs.get(0), Lax.sin(xs.get(1))))),
                        List.of(ArrayType.of(DType.FLOAT64, 3), ArrayType.of(DType.FLOAT64, 3)));
                return List.of(new Sample(new Remat(h.jaxpr(), false), List.of(f64(r, 3), f64(r, 3)), List.of()));
            }),
            Map.entry(Cond.class, (r, v) -> List.of(
                    new Sample(ControlFlowSamples.cond(DType.FLOAT64), List.of(DenseArray.scalarLong(DType.INT32, false, 0),
                            f64(r, 2, 3), f64(r, 2, 3)), List.of()),
                    new Sample(ControlFlowSamples.cond(DType.FLOAT64), List.of(DenseArray.scalarLong(DType.INT32, false, 1),
                            f64(r, 2, 3), f64(r, 2, 3)), List.of()))),
            Map.entry(While.class, (r, v) -> List.of(new Sample(ControlFlowSamples.whileLoop(DType.FLOAT64),
                    List.of(f64(r), f64(r, 3), f64(r, 3)), List.of()))),
            Map.entry(Scan.class, (r, v) -> List.of(
                    new Sample(ControlFlowSamples.scan(DType.FLOAT64, false), List.of(f64(r, 3), f64(r, 3), f64(r, 4, 3)), List.of()),
                    new Sample(ControlFlowSamples.scan(DType.FLOAT64, true), List.of(f64(r, 3), f64(r, 3), f64(r, 4, 3)), List.of()))),
            Map.entry(Jit.class, (r, v) -> {
                Hoisted h = Hoisted.trace(xs -> List.of(Lax.mul(Lax.sin(xs.get(0)), xs.get(1)), Lax.cos(xs.get(1))),
                        List.of(ArrayType.of(DType.FLOAT64, 3), ArrayType.of(DType.FLOAT64, 3)));
                return List.of(new Sample(new Jit("f", h.jaxpr()), List.of(f64(r, 3), f64(r, 3)), List.of()));
            }),
            Map.entry(AddAny.class, (r, v) -> List.of(new Sample(new AddAny(), List.of(f64(r, 2, 3), f64(r, 2, 3)), List.of(0, 1)))),
            Map.entry(StopGradient.class, (r, v) -> List.of(new Sample(new StopGradient(), List.of(f64(r, 2, 3)), List.of()))),
            Map.entry(Concatenate.class, (r, v) -> List.of(new Sample(new Concatenate(1), List.of(f64(r, 2, 3), f64(r, 2, 1)), List.of(0, 1)))),
            Map.entry(Split.class, (r, v) -> List.of(new Sample(new Split(0, PyInt.list(new int[] {2, 3}, false)), List.of(f64(r, 5, 3)),
                    List.of(0)))),
            Map.entry(Pad.class, (r, v) -> List.of(
                    new Sample(Pad.of(new int[][] {{1, 2, 1}, {0, 1, 0}}), List.of(f64(r, 3, 2), f64(r)), List.of(0, 1)),
                    new Sample(Pad.of(new int[][] {{-1, 1, 0}, {2, -1, 1}}), List.of(f64(r, 3, 2), f64(r)), List.of(0, 1)))),
            Map.entry(Rev.class, (r, v) -> List.of(new Sample(new Rev(Ints.of(0, 1)), List.of(f64(r, 3, 4)), List.of(0)))),
            Map.entry(Tile.class, (r, v) -> List.of(new Sample(new Tile(Ints.of(2, 1)), List.of(f64(r, 2, 3)), List.of(0)))),
            Map.entry(DynamicSlice.class, (r, v) -> List.of(new Sample(new DynamicSlice(Ints.of(2, 2)), List.of(f64(r, 5, 4),
                    DenseArray.scalarLong(DType.INT32, false, 1), DenseArray.scalarLong(DType.INT32, false, 2)), List.of(0)))),
            Map.entry(DynamicUpdateSlice.class, (r, v) -> List.of(new Sample(new DynamicUpdateSlice(), List.of(f64(r, 5, 4),
                    f64(r, 2, 2), DenseArray.scalarLong(DType.INT32, false, 3), DenseArray.scalarLong(DType.INT32, false, 1)),
                    List.of(0, 1)))),
            Map.entry(Gather.class, (r, v) -> List.of(new Sample(new Gather(new GatherDimensionNumbers(Ints.of(1), Ints.of(0),
                    Ints.of(0)), null, false, GatherScatterMode.PROMISE_IN_BOUNDS, Ints.of(1, 3), false),
                    List.of(f64(r, 5, 3), indices(4)), List.of(0)))),
            Map.entry(ScatterAdd.class, (r, v) -> List.of(new Sample(new ScatterAdd(new ScatterDimensionNumbers(Ints.of(1), Ints.of(0),
                    Ints.of(0)), false, GatherScatterMode.FILL_OR_DROP, false, DType.FLOAT64),
                    List.of(f64(r, 5, 3), indices(4), f64(r, 4, 3)), List.of(0, 2)))),
            Map.entry(DotGeneral.class, (r, v) -> List.of(
                    new Sample(new DotGeneral(DotDimensionNumbers.of(new int[] {2}, new int[] {1}, new int[] {0}, new int[] {0}),
                            null, null), List.of(f64(r, 2, 3, 4), f64(r, 2, 4, 5)), List.of(0, 1)),
                    new Sample(new DotGeneral(DotDimensionNumbers.of(new int[] {0}, new int[] {0}, new int[] {}, new int[] {}),
                            null, null), List.of(f64(r, 4, 3), f64(r, 4, 2)), List.of(0, 1)),
                    new Sample(new DotGeneral(DotDimensionNumbers.of(new int[] {1}, new int[] {0}, new int[] {}, new int[] {}),
                            null, null), List.of(f64(r, 3, 4), f64(r, 4, 2)), List.of(0, 1)))),
            Map.entry(Sort.class, (r, v) -> List.of(new Sample(new Sort(1, true, 1), List.of(f64(r, 2, 5)), List.of()))),
            Map.entry(TopK.class, (r, v) -> List.of(new Sample(new TopK(1, 2), List.of(f64(r, 2, 5)), List.of()))),
            Map.entry(Scatter.class, (r, v) -> List.of(new Sample(new Scatter(new ScatterDimensionNumbers(Ints.of(1), Ints.of(0),
                    Ints.of(0)), false, GatherScatterMode.FILL_OR_DROP, true, DType.FLOAT64),
                    List.of(f64(r, 5, 3), indices(3), f64(r, 3, 3)), List.of(0, 2)))),
            Map.entry(ScatterSub.class, (r, v) -> List.of(new Sample(new ScatterSub(new ScatterDimensionNumbers(Ints.of(1), Ints.of(0),
                    Ints.of(0)), false, GatherScatterMode.FILL_OR_DROP, false, DType.FLOAT64),
                    List.of(f64(r, 5, 3), indices(4), f64(r, 4, 3)), List.of(0, 2)))),
            Map.entry(ScatterMul.class, (r, v) -> List.of(new Sample(new ScatterMul(new ScatterDimensionNumbers(Ints.of(1), Ints.of(0),
                    Ints.of(0)), false, GatherScatterMode.FILL_OR_DROP, true, DType.FLOAT64),
                    List.of(f64(r, 5, 3), indices(3), f64(r, 3, 3)), List.of(0)))),
            Map.entry(ScatterMin.class, (r, v) -> List.of(new Sample(new ScatterMin(new ScatterDimensionNumbers(Ints.of(1), Ints.of(0),
                    Ints.of(0)), false, GatherScatterMode.FILL_OR_DROP, true, DType.FLOAT64),
                    List.of(f64(r, 5, 3), indices(3), f64(r, 3, 3)), List.of()))),
            Map.entry(ScatterMax.class, (r, v) -> List.of(new Sample(new ScatterMax(new ScatterDimensionNumbers(Ints.of(1), Ints.of(0),
                    Ints.of(0)), false, GatherScatterMode.FILL_OR_DROP, true, DType.FLOAT64),
                    List.of(f64(r, 5, 3), indices(3), f64(r, 3, 3)), List.of()))),
            Map.entry(IntegerPow.class, (r, v) -> List.of(
                    new Sample(new IntegerPow(0), List.of(pos(r, 2, 3)), List.of()),
                    new Sample(new IntegerPow(1), List.of(pos(r, 2, 3)), List.of()),
                    new Sample(new IntegerPow(2), List.of(pos(r, 2, 3)), List.of()),
                    new Sample(new IntegerPow(3), List.of(pos(r, 3)), List.of()),
                    new Sample(new IntegerPow(-2), List.of(pos(r, 3)), List.of()))),
            Map.entry(Round.class, (r, v) -> List.of(new Sample(new Round(1), List.of(f64(r, 4)), List.of()))),
            Map.entry(ReducePrecision.class, (r, v) -> List.of(
                    new Sample(new ReducePrecision(11, 52), List.of(f64(r, 4)), List.of(0)))),
            Map.entry(BitcastConvertType.class, (r, v) -> List.of(
                    new Sample(new BitcastConvertType(DType.INT64), List.of(f64(r, 4)), List.of()))),
            Map.entry(Clamp.class, (r, v) -> List.of(
                    new Sample(new Clamp(), List.of(DenseArray.scalar(DType.FLOAT64, false, -0.5), f64(r, 6),
                            DenseArray.scalar(DType.FLOAT64, false, 0.5)), List.of()),
                    new Sample(new Clamp(), List.of(f64(r, 6), f64(r, 6), uniform(r, ArrayType.of(DType.FLOAT64, 6), 1, 2)),
                            List.of()))),
            Map.entry(ReduceMax.class, (r, v) -> List.of(new Sample(new ReduceMax(Ints.of(1)), List.of(f64(r, 3, 4)), List.of()))),
            Map.entry(ReduceMin.class, (r, v) -> List.of(new Sample(new ReduceMin(Ints.of(0, 1)), List.of(f64(r, 3, 4)), List.of()))),
            Map.entry(ReduceProd.class, (r, v) -> List.of(new Sample(new ReduceProd(Ints.of(0)), List.of(f64(r, 3, 4)), List.of()),
                    new Sample(new ReduceProd(Ints.of(0, 2)), List.of(f64(r, 2, 3, 2)), List.of()))),
            Map.entry(ReduceAnd.class, (r, v) -> List.of(new Sample(new ReduceAnd(Ints.of(1)), List.of(bools(r, 3, 4)), List.of()))),
            Map.entry(ReduceOr.class, (r, v) -> List.of(new Sample(new ReduceOr(Ints.of(1)), List.of(bools(r, 3, 4)), List.of()))),
            Map.entry(ReduceXor.class, (r, v) -> List.of(new Sample(new ReduceXor(Ints.of(1)), List.of(bools(r, 3, 4)), List.of()))),
            Map.entry(Argmax.class, (r, v) -> List.of(new Sample(new Argmax(Ints.of(1), DType.INT32), List.of(f64(r, 3, 4)), List.of()))),
            Map.entry(Argmin.class, (r, v) -> List.of(new Sample(new Argmin(Ints.of(0), DType.INT32), List.of(f64(r, 3, 4)), List.of()))),
            Map.entry(Cumsum.class, (r, v) -> List.of(new Sample(new Cumsum(1, false), List.of(f64(r, 3, 4)), List.of(0)),
                    new Sample(new Cumsum(0, true), List.of(f64(r, 3, 4)), List.of(0)))),
            Map.entry(Cumprod.class, (r, v) -> List.of(new Sample(new Cumprod(1, false), List.of(f64(r, 3, 4)), List.of()),
                    new Sample(new Cumprod(0, true), List.of(f64(r, 3, 4)), List.of()))),
            Map.entry(Cummax.class, (r, v) -> List.of(new Sample(new Cummax(1, false), List.of(f64(r, 3, 4)), List.of()))),
            Map.entry(Cummin.class, (r, v) -> List.of(new Sample(new Cummin(0, true), List.of(f64(r, 3, 4)), List.of()))),
            Map.entry(Cumlogsumexp.class, (r, v) -> List.of(new Sample(new Cumlogsumexp(1, false), List.of(f64(r, 3, 4)), List.of()))),
            Map.entry(ReduceSum.class, (r, v) -> List.of(
                    new Sample(new ReduceSum(Ints.of(0, 2)), List.of(f64(r, 2, 3, 4)), List.of(0)),
                    new Sample(new ReduceSum(Ints.of(1)), List.of(f64(r, 2, 3)), List.of(0)))),
            // == section: linalg samples ==
            Map.entry(TriangularSolve.class, (r, v) -> LinalgSamples.triangularSolve(r)),
            Map.entry(Cholesky.class, (r, v) -> LinalgSamples.cholesky(r)),
            Map.entry(Qr.class, (r, v) -> LinalgSamples.qr(r)),
            Map.entry(Polygamma.class, (r, v) -> LinalgSamples.polygamma(r)),
            Map.entry(Igamma.class, (r, v) -> LinalgSamples.positivePair(new Igamma(), r)),
            Map.entry(Igammac.class, (r, v) -> LinalgSamples.positivePair(new Igammac(), r)),
            // == section: conv samples ==
            Map.entry(ConvGeneralDilated.class, (r, v) -> ConvSamples.conv(r)),
            Map.entry(ReduceWindowSum.class, (r, v) -> ConvSamples.reduceWindowSum(r)),
            Map.entry(ReduceWindowMax.class, (r, v) -> ConvSamples.reduceWindowMax(r)),
            Map.entry(ReduceWindowMin.class, (r, v) -> ConvSamples.reduceWindowMin(r)),
            Map.entry(SelectAndScatterAdd.class, (r, v) -> ConvSamples.selectAndScatterAdd(r)),
            Map.entry(SelectAndGatherAdd.class, (r, v) -> ConvSamples.selectAndGatherAdd(r)));
}
