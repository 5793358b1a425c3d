package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.Dce;
import dev.jaxvm.numpy.Jnp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dead-code elimination shrinks cond and scan equations whose outputs are partly unused (JAX's DCE rules). */
class ControlFlowDceTest {
    static Array scanFirstCarry(Array xs) {
        ScanResult<List<Array>, Array> r = Lax.scan((List<Array> c, Array x) -> new ScanResult<>(
                List.of(c.get(0).add(x), c.get(1).mul(x)), Jnp.sin(c.get(0))), List.of(Jnp.zeros(new int[0]), Jnp.ones(new int[0])), xs);
        return r.carry().get(0);
    }

    @Test
    void scanLosesUnusedCarriesAndOutputs() {
        ClosedJaxpr j = Jax.makeJaxpr(ControlFlowDceTest::scanFirstCarry).apply(ArrayType.of(DType.FLOAT32, 5));
        ClosedJaxpr pruned = new ClosedJaxpr(Dce.run(j.jaxpr()), j.consts());
        assertEquals("""
                { lambda ; a:f32[5]. let
                    b:f32[] = scan[
                      jaxpr={ lambda ; c:f32[] d:f32[]. let e:f32[] = add c d in (e,) }
                      length=5
                      num_carry=1
                      num_consts=0
                      reverse=False
                      unroll=1
                    ] 0.0:f32[] a
                  in (b,) }""", pruned.toString());
        Array xs = Jnp.arange(5).astype(DType.FLOAT32);
        assertEquals(10f, ((Number) Jax.jit(ControlFlowDceTest::scanFirstCarry).apply(xs).item()).floatValue());
    }

    /** The first of a cond's two outputs, the second needing an operand of its own. */
    static Object firstOfCond(Object... a) {
        List<?> both = (List<?>) Lax.cond(((Array) a[0]).sum().gt(0),
                (Object... o) -> List.of(Jnp.sin((Array) o[0]), Jnp.exp((Array) o[1])),
                (Object... o) -> List.of(Jnp.cos((Array) o[0]), ((Array) o[1]).neg()), a[0], a[1]);
        return both.get(0);
    }

    @Test
    void condLosesUnusedOutputsAndOperands() {
        ClosedJaxpr j = Jax.makeJaxprN(ControlFlowDceTest::firstOfCond)
                .apply(ArrayType.of(DType.FLOAT32, 3), ArrayType.of(DType.FLOAT32, 3));
        String text = new ClosedJaxpr(Dce.run(j.jaxpr()), j.consts()).toString();
        assertEquals("""
                { lambda ; a:f32[3] b:f32[3]. let
                    c:f32[] = reduce_sum[axes=(0,) out_sharding=None] a
                    d:bool[] = gt c 0.0:f32[]
                    e:i32[] = convert_element_type[new_dtype=int32 weak_type=False] d
                    f:f32[3] = cond[
                      branches=(
                        { lambda ; g:f32[3]. let h:f32[3] = cos g in (h,) }
                        { lambda ; i:f32[3]. let j:f32[3] = sin i in (j,) }
                      )
                    ] e a
                  in (f,) }""", text);
        Array x = Jnp.array(new float[] {1, 2, 3});
        assertArrayEquals(Jnp.sin(x).toFloatArray(), ((Array) Jax.jitN(ControlFlowDceTest::firstOfCond).apply(x, x)).toFloatArray(),
                1e-6f);
    }
}
