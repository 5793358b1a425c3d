package dev.jaxvm.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.lax.Add;
import dev.jaxvm.lax.Sin;
import java.util.List;
import org.junit.jupiter.api.Test;

class JaxprPrinterTest {
    @Test
    void namesAreBase26WithoutAa() {
        assertEquals("a", JaxprPrinter.encode(0));
        assertEquals("z", JaxprPrinter.encode(25));
        assertEquals("ba", JaxprPrinter.encode(26));
        assertEquals("bz", JaxprPrinter.encode(51));
        assertEquals("ca", JaxprPrinter.encode(52));
        assertEquals("zz", JaxprPrinter.encode(675));
        assertEquals("baa", JaxprPrinter.encode(676));
    }

    @Test
    void literalsPrintPythonStrAndType() {
        assertEquals("True:bool[]", new Literal(DenseArray.scalarLong(DType.BOOL, false, 1)).toString());
        assertEquals("-2:i32[]", new Literal(DenseArray.scalarLong(DType.INT32, true, -2)).toString());
        assertEquals("1e-05:f64[]", new Literal(DenseArray.scalar(DType.FLOAT64, false, 1e-5)).toString());
        assertEquals("nan:f32[]", new Literal(DenseArray.scalar(DType.FLOAT32, false, Double.NaN)).toString());
    }

    @Test
    void handBuiltJaxprAndEquation() {
        Var a = new Var(ArrayType.of(DType.FLOAT32, 3));
        Var b = new Var(ArrayType.of(DType.FLOAT32, 3));
        Var c = new Var(ArrayType.of(DType.FLOAT32, 3));
        Eqn sin = new Eqn(new Sin(), List.of(a), List.of(b));
        Eqn add = new Eqn(new Add(), List.of(b, new Literal(DenseArray.scalar(DType.FLOAT32, false, 1))), List.of(c));
        Jaxpr j = new Jaxpr(List.of(), List.of(a), List.of(sin, add), List.of(c, a));
        // 82 columns with the closing " }", which counts (JAX 0.10.2 breaks it the same way)
        assertEquals("""
                { lambda ; a:f32[3]. let
                    b:f32[3] = sin a
                    c:f32[3] = add b 1.0:f32[]
                  in (c, a) }""", j.toString());
        assertEquals("a:f32[3] = add b 1.0:f32[]", add.toString()); // outputs are named first, as in JAX
        Jaxpr empty = new Jaxpr(List.of(), List.of(), List.of(), List.of());
        assertEquals("{ lambda ; . let  in () }", empty.toString());
    }

    @Test
    void unusedTopLevelOutputsPrintUnderscoreAndTakeNoName() {
        Var a = new Var(ArrayType.of(DType.FLOAT32));
        Var b = new Var(ArrayType.of(DType.FLOAT32));
        Var c = new Var(ArrayType.of(DType.FLOAT32));
        Jaxpr j = new Jaxpr(List.of(), List.of(a), List.of(new Eqn(new Sin(), List.of(a), List.of(b)),
                new Eqn(new Sin(), List.of(a), List.of(c))), List.of(c));
        assertEquals("{ lambda ; a:f32[]. let _:f32[] = sin a; b:f32[] = sin a in (b,) }", j.toString());
    }
}
