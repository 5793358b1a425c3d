package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Shape;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.lax.BroadcastInDim;
import dev.jaxvm.lax.ConvertElementType;
import dev.jaxvm.lax.Elementwise;
import dev.jaxvm.lax.Iota;
import dev.jaxvm.lax.LaxPrimitive;
import dev.jaxvm.lax.ReduceSum;
import dev.jaxvm.lax.Reshape;
import dev.jaxvm.lax.SelectN;
import dev.jaxvm.lax.Slice;
import dev.jaxvm.lax.Squeeze;
import dev.jaxvm.lax.Stack;
import dev.jaxvm.lax.Transpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every lowerable primitive of the catalog, compiled to bytecode and run in the reference backend,
 * against the primitives' reference evaluation: odd sizes, 0-d and empty arrays, broadcasts, sizes
 * around the SIMD width, every dtype the primitive accepts.
 */
class CatalogCompiledTest {
    private static final DType[] DTYPES = {DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.BOOL, DType.UINT8,
            DType.INT8, DType.UINT32, DType.INT16, DType.FLOAT16, DType.BFLOAT16};
    private static final int[][] SHAPES = {{}, {0}, {1}, {7}, {8}, {9}, {17}, {33}, {3, 5}, {2, 0, 3}, {3, 19}};

    /** Every record of the sealed catalog. */
    static List<Class<?>> catalog() {
        List<Class<?>> out = new ArrayList<>();
        collect(LaxPrimitive.class, out);
        return out;
    }

    private static void collect(Class<?> c, List<Class<?>> out) {
        if (c.isRecord()) out.add(c);
        Class<?>[] sub = c.getPermittedSubclasses();
        if (sub != null) for (Class<?> s : sub) collect(s, out);
    }

    @Test
    void testsRunWithTheVectorApi() {
        assertTrue(VectorEmitter.AVAILABLE, "the tests run with --add-modules jdk.incubator.vector (see the parent pom)");
    }

    /**
     * The primitives without a lowering, each because it has no value of its own to compute: the
     * collectives exist only under a named axis ({@code vmap} or {@code pmap} with an
     * {@code axis_name}), whose batching rules rewrite them before anything is evaluated (outside
     * one, their evaluation fails with JAX's "unbound axis name" error); {@code custom_lin} exists
     * only inside linearized programs, and transposition replaces it by the user's backward rule.
     */
    private static final java.util.Set<String> WITHOUT_LOWERING = java.util.Set.of("Psum", "Pmax", "Pmin", "AllGather",
            "AxisIndex", "CustomLin");

    /** Every primitive of the sealed catalog is compiled: a new primitive without a lowering fails here. */
    @Test
    void everyPrimitiveHasALowering() {
        java.util.Set<String> without = new java.util.TreeSet<>();
        for (Class<?> c : catalog()) {
            if (!Lowerable.class.isAssignableFrom(c)) without.add(c.getSimpleName());
        }
        assertEquals(new java.util.TreeSet<>(WITHOUT_LOWERING), without,
                "primitives without a lowering (give the new one a lowering, or justify it in WITHOUT_LOWERING)");
    }

    @Test
    void movementAndContractionPrimitives() {
        Random r = new Random(9);
        for (DType t : new DType[] {DType.FLOAT32, DType.INT32, DType.UINT8, DType.FLOAT64}) {
            ArrayType x = ArrayType.of(t, 2, 3, 4);
            check(new dev.jaxvm.lax.Concatenate(1), List.of(x, ArrayType.of(t, 2, 0, 4), ArrayType.of(t, 2, 5, 4), x), r);
            check(new dev.jaxvm.lax.Concatenate(0), List.of(ArrayType.of(t, 7), ArrayType.of(t, 9)), r);
            check(new dev.jaxvm.lax.Rev(Ints.of(0, 2)), List.of(x), r);
            check(new dev.jaxvm.lax.Tile(Ints.of(2, 1, 3)), List.of(x), r);
            check(new dev.jaxvm.lax.Pad(List.of(dim(1, 2, 0), dim(-1, 0, 1), dim(0, -1, 2))), List.of(x, ArrayType.of(t)), r);
            check(new dev.jaxvm.lax.Pad(List.of(dim(3, 2, 1))), List.of(ArrayType.of(t, 9), ArrayType.of(t)), r);
            for (int rep = 0; rep < 4; rep++) {
                ArrayType i32 = ArrayType.of(DType.INT32), u8 = ArrayType.of(DType.UINT8);
                check(new dev.jaxvm.lax.DynamicSlice(Ints.of(1, 2, 3)), List.of(x, i32, u8, i32), r);
                check(new dev.jaxvm.lax.DynamicSlice(Ints.of(5)), List.of(ArrayType.of(t, 60), i32), r);
            }
        }
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT32}) {
            for (int[] mnk : new int[][] {{3, 5, 7}, {8, 16, 9}, {1, 33, 2}}) {
                dev.jaxvm.lax.DotGeneral dot = new dev.jaxvm.lax.DotGeneral(dev.jaxvm.lax.DotDimensionNumbers.of(new int[] {1},
                        new int[] {0}, new int[] {}, new int[] {}), null, null);
                check(dot, List.of(ArrayType.of(t, mnk[0], mnk[2]), ArrayType.of(t, mnk[2], mnk[1])), r);
            }
            dev.jaxvm.lax.DotGeneral batched = new dev.jaxvm.lax.DotGeneral(dev.jaxvm.lax.DotDimensionNumbers.of(new int[] {1},
                    new int[] {2}, new int[] {0}, new int[] {0}), null, null);
            check(batched, List.of(ArrayType.of(t, 3, 4, 5), ArrayType.of(t, 3, 6, 4)), r);
        }
    }

    private static dev.jaxvm.lax.Pad.Dim dim(int low, int high, int interior) {
        return dev.jaxvm.lax.Pad.Dim.of(low, high, interior);
    }

    @Test
    void elementwiseOnEveryDtypeAndShape() throws Exception {
        Random r = new Random(7);
        int checked = 0;
        for (Class<?> c : catalog()) {
            if (!Elementwise.class.isAssignableFrom(c) || c.getRecordComponents().length > 0) continue;
            Elementwise p = (Elementwise) c.getDeclaredConstructor().newInstance();
            for (DType t : DTYPES) {
                for (int[] s : SHAPES) {
                    List<ArrayType> in = new ArrayList<>();
                    for (int k = 0; k < p.scalarOp().arity(); k++) in.add(new ArrayType(Shape.of(s), t, false));
                    checked += check(p, in, r) ? 1 : 0;
                }
                if (p.scalarOp().arity() == 2) {
                    checked += check(p, List.of(ArrayType.of(t, 3, 5), ArrayType.of(t, 1, 5)), r) ? 1 : 0;
                    checked += check(p, List.of(ArrayType.of(t, 3, 1), ArrayType.of(t, 3, 5)), r) ? 1 : 0;
                    checked += check(p, List.of(ArrayType.of(t), ArrayType.of(t, 9)), r) ? 1 : 0;
                }
            }
        }
        assertTrue(checked > 1000, "checked " + checked);
    }

    @Test
    void shapeAndReductionPrimitives() {
        Random r = new Random(8);
        for (DType t : new DType[] {DType.FLOAT32, DType.INT32, DType.BOOL, DType.UINT8, DType.FLOAT64}) {
            ArrayType x = ArrayType.of(t, 2, 3, 4);
            check(new Transpose(Ints.of(2, 0, 1)), List.of(x), r);
            check(new Transpose(Ints.of(1, 0)), List.of(ArrayType.of(t, 9, 17)), r);
            check(new Reshape(Ints.of(6, 4), null), List.of(x), r);
            check(new Reshape(Ints.of(4, 6), null), List.of(x), r);
            check(new Squeeze(Ints.of(1)), List.of(ArrayType.of(t, 3, 1, 2)), r);
            check(new BroadcastInDim(Shape.of(2, 3, 4), Ints.of(0, 2)), List.of(ArrayType.of(t, 2, 4)), r);
            check(new BroadcastInDim(Shape.of(5, 3), Ints.of()), List.of(ArrayType.of(t)), r);
            check(new BroadcastInDim(Shape.of(5, 3), Ints.of(1)), List.of(ArrayType.of(t, 1)), r);
            check(new Slice(Ints.of(0, 1, 1), Ints.of(2, 3, 4), Ints.of(1, 1, 2)), List.of(x), r);
            check(new Slice(Ints.of(1, 0, 0), Ints.of(2, 3, 4), null), List.of(x), r);
            check(new Stack(0), List.of(x, x, x), r);
            check(new Stack(3), List.of(x, x), r);
            check(new Stack(1), List.of(ArrayType.of(t, 5)), r);
            check(new SelectN(), List.of(ArrayType.of(DType.BOOL, 2, 3, 4), x, x), r);
            check(new SelectN(), List.of(ArrayType.of(DType.BOOL), x, x), r);
            check(new SelectN(), List.of(ArrayType.of(DType.INT32, 2, 3, 4), x, x, x), r);
            check(new Iota(1, t, Shape.of(3, 4)), List.of(), r);
            for (DType to : DTYPES) check(new ConvertElementType(to, false), List.of(x), r);
            for (int[] axes : new int[][] {{}, {0}, {1}, {2}, {0, 2}, {0, 1, 2}}) {
                check(new ReduceSum(Ints.of(axes)), List.of(x), r);
                check(new dev.jaxvm.lax.ReduceMax(Ints.of(axes)), List.of(x), r);
                check(new dev.jaxvm.lax.ReduceMin(Ints.of(axes)), List.of(x), r);
                check(new dev.jaxvm.lax.ReduceProd(Ints.of(axes)), List.of(ArrayType.of(t, 2, 3, 2)), r);
                check(new dev.jaxvm.lax.ReduceAnd(Ints.of(axes)), List.of(x), r);
                check(new dev.jaxvm.lax.ReduceOr(Ints.of(axes)), List.of(x), r);
                check(new dev.jaxvm.lax.ReduceXor(Ints.of(axes)), List.of(x), r);
            }
            check(new dev.jaxvm.lax.ReduceMax(Ints.of(0)), List.of(ArrayType.of(t, 100003)), r);
            check(new dev.jaxvm.lax.Clamp(), List.of(ArrayType.of(t), x, ArrayType.of(t)), r);
            check(new dev.jaxvm.lax.Clamp(), List.of(x, x, x), r);
            for (int y : new int[] {0, 1, 2, 3, 7, -1, -3}) check(new dev.jaxvm.lax.IntegerPow(y), List.of(x), r);
            // pow with an integer exponent (a float base): each operand read in its own dtype
            check(new dev.jaxvm.lax.Pow(), List.of(x, x.withDType(DType.INT32)), r);
            check(new dev.jaxvm.lax.Pow(), List.of(x, ArrayType.of(DType.INT32)), r);
            check(new ReduceSum(Ints.of(0)), List.of(ArrayType.of(t, 100003)), r);
            check(new ReduceSum(Ints.of(0)), List.of(ArrayType.of(t, 0)), r);
            check(new ReduceSum(Ints.of(1)), List.of(ArrayType.of(t, 3, 0)), r);
        }
    }

    /** Checks {@code p} on random operands of types {@code in}; false if the type rule or evaluation rejects them. */
    static boolean check(Primitive p, List<ArrayType> in, Random r) {
        List<ArrayType> out;
        try {
            out = p.abstractEval(in);
        } catch (IllegalArgumentException e) {
            return false;
        }
        List<DenseArray> args = new ArrayList<>();
        for (ArrayType t : in) args.add(Oracle.random(t, r));
        return check(p, args, out);
    }

    /** Checks {@code p} on the given operands (of a type {@code p} accepts, with results of types {@code out}). */
    static boolean check(Primitive p, List<DenseArray> args, List<ArrayType> out) {
        List<ArrayType> in = args.stream().map(DenseArray::type).toList();
        List<DenseArray> want;
        try {
            want = p.evaluate(args, out);
        } catch (UnsupportedOperationException e) {
            return false;
        }
        ClosedJaxpr j = Compiler.oneEquation(p, in, out);
        String what = p.name() + " " + p.params() + " on " + in;
        boolean reduction = (p instanceof ReduceSum || p instanceof dev.jaxvm.lax.ReduceProd || p instanceof dev.jaxvm.lax.DotGeneral)
                && in.getFirst().dtype().isFloating();
        // jaxvm's float32 exp/sin/cos/tanh/logistic (ScalarMath, VectorMath; SVML with -Djaxvm.fast_transcendentals=true)
        // are within an ulp or two of Math's; everything else is bit-exact
        boolean transcendental = p instanceof Elementwise w && Scalars.expensive(w.scalarOp()) && (VectorEmitter.FAST_TRANSCENDENTALS
                || in.getFirst().dtype() == DType.FLOAT32 && java.util.Set.of("exp", "sin", "cos", "tanh", "logistic").contains(p.name()));
        double atol = 0;
        if (reduction) {
            DType t = in.getFirst().dtype();
            double eps = t == DType.FLOAT64 ? 0x1p-52 : t == DType.FLOAT32 ? 0x1p-23 : 0x1p-7;
            for (int i = 0; i < args.getFirst().size(); i++) atol += eps * Math.abs(args.getFirst().getDouble(i));
            if (p instanceof dev.jaxvm.lax.DotGeneral) atol *= 4; // sums of products of values in [-3, 3]
        }
        for (Compiler.Backend b : Compiler.Backend.values()) {
            Executable e = Compiler.build(j, b);
            for (int threads : new int[] {1, 2}) {
                List<DenseArray> got = e.call(args, threads);
                for (int i = 0; i < out.size(); i++) {
                    int ulps = reduction ? 4 : transcendental && b != Compiler.Backend.REFERENCE ? 2 : 0;
                    Oracle.assertClose(want.get(i), got.get(i), ulps, atol, what + " [" + b + ", " + threads
                            + " threads]\n" + e.asText());
                }
            }
        }
        return true;
    }
}
