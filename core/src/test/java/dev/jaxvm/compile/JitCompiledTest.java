package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.JitFn1;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.numpy.Jnp;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code jit} through the compiler: nested jits inline into one program, lower().compile(), the compile log. */
class JitCompiledTest {
    @Test
    void nestedJitsFuseIntoOneKernel() {
        JitFn1 inner = Jax.jit(x -> x.mul(3.0));
        JitFn1 outer = Jax.jit(x -> inner.apply(x).add(inner.apply(x.add(1.0))));
        Array x = Jnp.array(new float[] {1, 2, 3});
        assertArrayEquals(new float[] {9, 15, 21}, outer.apply(x).toFloatArray());
        Executable e = outer.lower(x).compile();
        assertEquals(1, e.program().kernels().size(), e.asText());
        assertTrue(e.asText().contains("[bytecode"), e.asText());
        assertSame(e, outer.lower(x).compile(), "compiled once per program");
    }

    @Test
    void eagerOperationsShareTheirCompiledProgram() {
        Array a = Jnp.array(new float[] {1, 2}), b = Jnp.array(new float[] {3, 4});
        assertArrayEquals(new float[] {4, 6}, Lax.add(a, b).toFloatArray());
        ClosedJaxpr one = Compiler.oneEquation(new dev.jaxvm.lax.Add(), List.of(a.type(), b.type()), List.of(a.type()));
        assertEquals("""
                program(b0:f32[2], b1:f32[2]) -> (b2)
                k0 [%s]: map b2:f32[2]
                  for i0 < 2: b2[i0] = add(b0[i0], b1[i0])""".formatted(VectorEmitter.AVAILABLE ? "bytecode, simd" : "bytecode"),
                Compiler.compile(one).asText());
    }

    @Test
    void simplifierFoldsAndRemovesDeadAndCommonCode() {
        ArrayType t = ArrayType.of(DType.INT32, 4);
        ClosedJaxpr j = Oracle.trace(xs -> {
            Array x = xs.get(0);
            Array one = DenseArray.scalarLong(DType.INT32, false, 1);
            Array zero = DenseArray.scalarLong(DType.INT32, false, 0);
            Array c = Lax.add(one, one);                            // folded: 2
            Array unused = Lax.neg(x);                              // dead
            Array y = Lax.add(Lax.mul(x, one), zero);               // x
            return List.of(Lax.add(Lax.mul(y, c), Lax.mul(x, c)));  // the two products are one
        }, t);
        ClosedJaxpr s = Simplifier.simplify(j);
        assertEquals("{ lambda ; a:i32[4]. let b:i32[4] = mul a 2:i32[]; c:i32[4] = add b b in (c,) }", s.toString());
        List<DenseArray> args = List.of(DenseArray.of(t, new int[] {1, -2, 3, 4}));
        assertArrayEquals(new int[] {4, -8, 12, 16}, Compiler.build(j, Compiler.Backend.BYTECODE).call(args).getFirst().toIntArray());
    }

    @Test
    void floatPlusZeroIsKeptButPlusNegativeZeroIsNot() {
        ArrayType t = ArrayType.of(DType.FLOAT32, 2);
        ClosedJaxpr j = Oracle.trace(xs -> List.of(Lax.add(xs.get(0), DenseArray.scalar(DType.FLOAT32, false, 0.0)),
                Lax.add(xs.get(0), DenseArray.scalar(DType.FLOAT32, false, -0.0))), t);
        assertEquals(1, Simplifier.simplify(j).jaxpr().eqns().size(), "x + 0.0 is not x for x = -0.0");
        DenseArray negZero = DenseArray.of(t, new float[] {-0.0f, 1});
        List<DenseArray> out = Compiler.build(j, Compiler.Backend.BYTECODE).call(List.of(negZero));
        assertEquals(0.0f, out.get(0).toFloatArray()[0]);
        assertEquals(Float.floatToRawIntBits(0.0f), Float.floatToRawIntBits(out.get(0).toFloatArray()[0]));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(out.get(1).toFloatArray()[0]));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        ArrayType t = ArrayType.of(DType.FLOAT32, 1000, 333);
        ClosedJaxpr j = Oracle.trace(xs -> {
            Array e = Lax.exp(Lax.mul(xs.get(0), xs.get(0)));
            return List.of(Lax.reduceSum(e, 0, 1), Lax.reduceSum(e, 1), Lax.add(e, e));
        }, t);
        List<DenseArray> args = List.of(Oracle.random(t, new Random(3)));
        Executable e = Compiler.build(j, Compiler.Backend.BYTECODE);
        List<DenseArray> one = e.call(args, 1);
        for (int threads : new int[] {2, 3, 8}) {
            List<DenseArray> many = e.call(args, threads);
            for (int i = 0; i < one.size(); i++) Oracle.assertClose(one.get(i), many.get(i), 0, threads + " threads, output " + i);
        }
        List<DenseArray> want = Oracle.evaluate(j, args);
        Oracle.assertClose(want.get(2), one.get(2), 2, "elementwise (jaxvm's float32 exp)");
        Oracle.assertClose(want.get(1), one.get(1), 8, "row sums");
    }

    /** A primitive without a lowering. */
    record Twice() implements Primitive {
        public String name() { return "twice"; }
        public List<ArrayType> abstractEval(List<ArrayType> in) { return List.of(in.getFirst()); }
        public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
            float[] a = in.getFirst().toFloatArray();
            for (int i = 0; i < a.length; i++) a[i] *= 2;
            return List.of(DenseArray.wrap(out.getFirst(), a));
        }
    }

    @Test
    void primitivesWithoutLoweringRunTheirEvaluationAndSaySo() {
        ArrayType t = ArrayType.of(DType.FLOAT32, 3);
        ClosedJaxpr j = Oracle.trace(xs -> List.of(Lax.sin(Trace.bind1(new Twice(), Lax.neg(xs.get(0))))), t);
        Executable e = Compiler.build(j, Compiler.Backend.BYTECODE);
        List<DenseArray> args = List.of(DenseArray.of(t, new float[] {1, 2, 3}));
        Oracle.assertClose(Oracle.evaluate(j, args).getFirst(), e.call(args).getFirst(), 0, "with fallback");
        assertTrue(e.asText().contains("[no lowering]: evaluate twice"), e.asText());
        List<String> logged = Compiler.logLines(j, e, e.compileMillis());
        assertTrue(logged.stream().anyMatch(m -> m.startsWith("Compiled a program of 3 equations")), logged.toString());
        assertTrue(logged.stream().anyMatch(m -> m.contains("evaluate twice")), logged.toString());
    }

    @Test
    void softmaxRunsRowChunkedAsOneGroup() {
        ArrayType t = ArrayType.of(DType.FLOAT32, 130, 50);
        ClosedJaxpr j = Oracle.trace(xs -> {
            Array e = Lax.exp(xs.get(0));
            return List.of(Lax.div(e, Lax.broadcastInDim(Lax.reduceSum(e, 1), new int[] {130, 50}, 0)));
        }, t);
        List<DenseArray> args = List.of(Oracle.random(t, new Random(5)));
        Executable e = Compiler.build(j, Compiler.Backend.BYTECODE);
        assertTrue(e.asText().contains("rows 130 with k0-k2"), e.asText());
        DenseArray want = Oracle.evaluate(j, args).getFirst();
        for (int threads : new int[] {1, 2, 5}) Oracle.assertClose(want, e.call(args, threads).getFirst(), 8, threads + " threads");
        Oracle.assertClose(e.call(args, 1).getFirst(), e.call(args, 4).getFirst(), 0, "threads");
    }

    @Test
    void reusedIntermediatesNeverChangeEarlierResults() {
        ArrayType t = ArrayType.of(DType.FLOAT32, 70, 40);
        ClosedJaxpr j = Oracle.trace(xs -> {
            Array e = Lax.exp(xs.get(0));
            Array twice = Trace.bind1(new Twice(), e);   // a fallback reading a reused-candidate intermediate
            return List.of(Lax.div(e, Lax.broadcastInDim(Lax.reduceSum(e, 1), new int[] {70, 40}, 0)), twice);
        }, t);
        Executable e = Compiler.build(j, Compiler.Backend.BYTECODE);
        List<DenseArray> a = List.of(Oracle.random(t, new Random(1))), b = List.of(Oracle.random(t, new Random(2)));
        List<DenseArray> first = e.call(a);
        float[][] before = {first.get(0).toFloatArray(), first.get(1).toFloatArray()};
        List<DenseArray> second = e.call(b);
        assertArrayEquals(before[0], first.get(0).toFloatArray());
        assertArrayEquals(before[1], first.get(1).toFloatArray());
        Oracle.assertClose(Oracle.evaluate(j, b).get(0), second.get(0), 8, "second call");
        Oracle.assertClose(e.call(a).get(0), first.get(0), 0, "same inputs, same bits");
    }
}
