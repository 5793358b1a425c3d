package dev.jaxvm.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.lax.Lax;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden kernel listings: what fuses with what, and the readable form of the kernel IR. */
class KernelTextTest {
    private static final ArrayType F32_3X4 = ArrayType.of(DType.FLOAT32, 3, 4);

    private static String text(ClosedJaxpr j) { return Compiler.build(j, Compiler.Backend.SCALAR_BYTECODE).asText(); }

    @Test
    void unitStrideFloatLoopsUseTheVectorApiWhenPresent() {
        ClosedJaxpr j = Oracle.trace(xs -> List.of(Lax.mul(Lax.transpose(xs.get(0), 1, 0), Lax.exp(xs.get(1)))),
                F32_3X4, ArrayType.of(DType.FLOAT32, 4, 3));
        String simd = VectorEmitter.AVAILABLE ? "[bytecode, simd]" : "[bytecode]";
        assertEquals(true, Compiler.build(Oracle.trace(xs -> List.of(Lax.sqrt(Lax.mul(xs.get(0), xs.get(0)))), F32_3X4),
                Compiler.Backend.BYTECODE).asText().contains(simd));
        assertEquals(true, Compiler.build(j, Compiler.Backend.BYTECODE).asText().contains("[bytecode]"),
                "a transposed (strided) load keeps the loop scalar");
    }

    @Test
    void elementwiseChainIsOneFlatLoop() {
        ClosedJaxpr j = Oracle.trace(xs -> List.of(Lax.add(Lax.sin(xs.get(0)),
                Lax.mul(DenseArray.scalar(DType.FLOAT32, false, 2), Lax.cos(xs.get(1))))), F32_3X4, F32_3X4);
        assertEquals("""
                program(b0:f32[3,4], b1:f32[3,4]) -> (b2)
                k0 [bytecode]: map b2:f32[12]
                  for i0 < 12: b2[i0] = add(sin(b0[i0]), mul(2.0:f32, cos(b1[i0])))""", text(j));
    }

    @Test
    void broadcastsAndTransposesBecomeIndexMaps() {
        ClosedJaxpr j = Oracle.trace(xs -> List.of(Lax.mul(Lax.transpose(xs.get(0), 1, 0),
                Lax.broadcastInDim(xs.get(1), new int[] {4, 3}, 1))), F32_3X4, ArrayType.of(DType.FLOAT32, 3));
        assertEquals("""
                program(b0:f32[3,4], b1:f32[3]) -> (b2)
                k0 [bytecode]: map b2:f32[4,3]
                  for i0 < 4: for i1 < 3: b2[i0*3 + i1] = mul(b0[i0 + i1*4], b1[i1])""", text(j));
    }

    @Test
    void reshapeKeepsTheFlatIndexAndReductionsTakeTheirProducers() {
        ClosedJaxpr j = Oracle.trace(xs -> {
            Array sq = Lax.mul(xs.get(0), xs.get(0));
            return List.of(Lax.reduceSum(Lax.reshape(sq, 2, 6), 1));
        }, F32_3X4);
        assertEquals("""
                program(b0:f32[3,4]) -> (b1)
                k0 [bytecode]: reduce_add b1:f32[2] over [6]
                  for i0 < 2: b1[i0] add= for i1 < 6: mul(b0[i0*6 + i1], b0[i0*6 + i1])""", text(j));
    }

    @Test
    void expensiveValuesUsedTwiceAreMaterialised() {
        ClosedJaxpr j = Oracle.trace(xs -> {
            Array e = Lax.exp(xs.get(0));
            Array s = Lax.reduceSum(e, 1);
            return List.of(Lax.div(e, Lax.broadcastInDim(s, new int[] {3, 4}, 0)));
        }, F32_3X4);
        assertEquals("""
                program(b0:f32[3,4]) -> (b3)
                k0 [bytecode]: map b1:f32[12]
                  for i0 < 12: b1[i0] = exp(b0[i0])
                k1 [bytecode]: reduce_add b2:f32[3] over [4]
                  for i0 < 3: b2[i0] add= for i1 < 4: b1[i0*4 + i1]
                k2 [bytecode]: map b3:f32[3,4]
                  for i0 < 3: for i1 < 4: b3[i0*4 + i1] = div(b1[i0*4 + i1], b2[i0])""", text(j));
    }

    @Test
    void float16KernelsRunInTheReferenceBackend() {
        ArrayType f16 = ArrayType.of(DType.FLOAT16, 5);
        ClosedJaxpr j = Oracle.trace(xs -> List.of(Lax.add(xs.get(0), xs.get(0))), f16);
        assertEquals("""
                program(b0:f16[5]) -> (b1)
                k0 [reference backend: dtype float16 is not emitted]: map b1:f16[5]
                  for i0 < 5: b1[i0] = add(b0[i0], b0[i0])""", text(j));
    }

    @Test
    void dynamicSliceReadsItsStartAtRunTime() {
        ClosedJaxpr j = Oracle.trace(xs -> List.of(Lax.mul(dev.jaxvm.core.Trace.bind1(new dev.jaxvm.lax.DynamicSlice(
                dev.jaxvm.core.Ints.of(5)), xs.get(0), xs.get(1)), DenseArray.scalar(DType.FLOAT32, false, 2))),
                ArrayType.of(DType.FLOAT32, 60), ArrayType.of(DType.INT32));
        assertEquals("""
                program(b0:f32[60], b1:i32[]) -> (b2)
                k0 [bytecode]: map b2:f32[5]
                  for i0 < 5: b2[i0] = mul(b0[dyn(b1[0], 0, 55) + i0], 2.0:f32)""", text(j));
    }
}
