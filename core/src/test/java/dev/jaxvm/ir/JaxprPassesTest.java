package dev.jaxvm.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.lax.Add;
import dev.jaxvm.lax.ReduceSum;
import dev.jaxvm.lax.Sin;
import dev.jaxvm.core.Ints;
import dev.jaxvm.numpy.Jnp;
import java.util.List;
import org.junit.jupiter.api.Test;

class JaxprPassesTest {
    private static final ArrayType F3 = ArrayType.of(DType.FLOAT32, 3);

    private static Jaxpr traced() {
        return Jax.makeJaxpr(x -> {
            Array a = Jnp.sin(x);
            Array b = Jnp.sin(x);
            Jnp.cos(x); // dead
            return a.add(b).add(x.mul(2.0)).add(x.mul(2.0));
        }).apply(F3).jaxpr();
    }

    @Test
    void tracedJaxprsTypeCheck() {
        JaxprChecker.check(traced());
        var kernel = Jax.jit((Array p, Array f) -> p.get(":, :, 0").mul(f).sum());
        JaxprChecker.check(Jax.makeJaxpr(kernel).apply(ArrayType.of(DType.UINT8, 3, 3, 2), ArrayType.of(DType.INT32, 3, 3))
                .jaxpr());
    }

    @Test
    void checkerRejectsUnboundDoubleBoundAndIllTyped() {
        Var a = new Var(F3), b = new Var(F3), c = new Var(ArrayType.of(DType.FLOAT32, 4));
        Var loose = new Var(F3);
        assertThrows(JaxprTypeError.class, () -> JaxprChecker.check(new Jaxpr(List.of(), List.of(a),
                List.of(new Eqn(new Sin(), List.of(loose), List.of(b))), List.of(b))));
        assertThrows(JaxprTypeError.class, () -> JaxprChecker.check(new Jaxpr(List.of(), List.of(a),
                List.of(new Eqn(new Sin(), List.of(a), List.of(a))), List.of(a))));
        var e = assertThrows(JaxprTypeError.class, () -> JaxprChecker.check(new Jaxpr(List.of(), List.of(a),
                List.of(new Eqn(new Sin(), List.of(a), List.of(c))), List.of(c))));
        assertTrue(e.getMessage().contains("declared f32[4] but the type rule gives f32[3]"), e.getMessage());
        assertThrows(JaxprTypeError.class, () -> JaxprChecker.check(new Jaxpr(List.of(), List.of(a, c),
                List.of(new Eqn(new Add(), List.of(a, c), List.of(b))), List.of(b))));
        assertThrows(JaxprTypeError.class, () -> JaxprChecker.check(new Jaxpr(List.of(), List.of(a),
                List.of(), List.of(loose))));
    }

    @Test
    void dceRemovesDeadEquations() {
        Jaxpr j = traced();
        assertEquals(8, j.eqns().size());
        Jaxpr d = Dce.run(j);
        JaxprChecker.check(d);
        assertEquals(7, d.eqns().size());
        assertTrue(d.eqns().stream().noneMatch(e -> e.primitive().name().equals("cos")));
    }

    @Test
    void dcePrunesOutputsAndInputs() {
        Jaxpr j = Jax.makeJaxprN(a -> List.of(Jnp.sin(a[0]), Jnp.cos(a[1]))).apply(F3, F3).jaxpr();
        Dce.Result r = Dce.prune(j, List.of(false, true));
        assertEquals(List.of(false, true), r.usedInputs());
        assertEquals("{ lambda ; a:f32[3]. let b:f32[3] = cos a in (b,) }", r.jaxpr().toString());
    }

    @Test
    void cseMergesEqualEquations() {
        Jaxpr c = Dce.run(Cse.run(traced()));
        JaxprChecker.check(c);
        assertEquals("""
                { lambda ; a:f32[3]. let
                    b:f32[3] = sin a
                    c:f32[3] = add b b
                    d:f32[3] = mul a 2.0:f32[]
                    e:f32[3] = add c d
                    f:f32[3] = add e d
                  in (f,) }""", c.toString());
    }

    @Test
    void cseKeepsDifferentParametersApart() {
        Var a = new Var(ArrayType.of(DType.FLOAT32, 2, 3));
        Var s0 = new Var(ArrayType.of(DType.FLOAT32, 3)), s1 = new Var(ArrayType.of(DType.FLOAT32, 2));
        Var s0b = new Var(ArrayType.of(DType.FLOAT32, 3));
        Jaxpr j = new Jaxpr(List.of(), List.of(a), List.of(
                new Eqn(new ReduceSum(Ints.of(0)), List.of(a), List.of(s0)),
                new Eqn(new ReduceSum(Ints.of(1)), List.of(a), List.of(s1)),
                new Eqn(new ReduceSum(Ints.of(0)), List.of(a), List.of(s0b))), List.of(s0, s1, s0b));
        Jaxpr c = Cse.run(j);
        assertEquals(2, c.eqns().size());
        assertEquals(List.of(s0, s1, s0), c.outvars());
    }
}
