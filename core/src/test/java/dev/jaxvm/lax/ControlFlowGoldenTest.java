package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.numpy.Jnp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The control-flow blocks of GOLDEN.md (printed by JAX 0.10.2), reproduced byte for byte. */
class ControlFlowGoldenTest {
    @Test
    void switchOfThree() {
        String want = """
                { lambda ; a:i32[] b:f32[]. let
                    c:i32[] = convert_element_type[new_dtype=int32 weak_type=False] a
                    d:i32[] = clamp 0:i32[] c 2:i32[]
                    e:f32[] = cond[
                      branches=(
                        { lambda ; f:f32[]. let g:f32[] = add f 1.0:f32[] in (g,) }
                        { lambda ; h:f32[]. let i:f32[] = sub h 2.0:f32[] in (i,) }
                        { lambda ; j:f32[]. let k:f32[] = add j 3.0:f32[] in (k,) }
                      )
                    ] d b
                  in (e,) }""";
        List<java.util.function.Function<Array, Array>> branches = List.of(x -> x.add(1.0), x -> x.sub(2.0), x -> x.add(3.0));
        assertEquals(want, Jax.makeJaxpr((Array i, Array x) -> Lax.switch_(i, branches, x)).apply(1, 5.0).toString());
    }

    @Test
    void condWithPytreeOperandAndConstant() {
        String want = """
                { lambda a:i32[1]; b:f32[] c:f32[1] d:f32[]. let
                    e:bool[] = ge b 0.0:f32[]
                    f:i32[] = convert_element_type[new_dtype=int32 weak_type=False] e
                    g:f32[1] = cond[
                      branches=(
                        { lambda ; h:i32[1] i:f32[1] j:f32[]. let
                            k:f32[1] = convert_element_type[new_dtype=float32 weak_type=True] h
                            l:f32[1] = add k j
                          in (l,) }
                        { lambda ; m:i32[1] n:f32[1] o:f32[]. let  in (n,) }
                      )
                    ] f a c d
                  in (g,) }""";
        Array one = Jnp.array(new int[] {1});
        var text = Jax.makeJaxprN(args -> Lax.cond(((Array) args[0]).ge(0.0), (List<Array> t) -> t.get(0),
                (List<Array> t) -> one.add(t.get(1)), (List<Array>) args[1])).apply(5.0, List.of(Jnp.zeros(1), 2.0)).toString();
        assertEquals(want, text);
    }

    @Test
    void foriLoopWithTracedBound() {
        String want = """
                { lambda ; a:f32[16] b:i32[]. let
                    c:f32[16] = broadcast_in_dim 1.0:f32[]
                    d:f32[16] = add a c
                    _:i32[] _:i32[] e:f32[16] = while[
                      body_jaxpr={ lambda ; f:f32[16] g:f32[16] h:i32[] i:i32[] j:f32[16]. let
                          k:i32[] = add h 1:i32[]
                          l:f32[16] = mul f 3.0:f32[]
                          m:f32[16] = add j l
                          n:f32[16] = add m g
                        in (k, i, n) }
                      body_nconsts=2
                      cond_jaxpr={ lambda ; o:i32[] p:i32[] q:f32[16]. let
                          r:bool[] = lt o p
                        in (r,) }
                      cond_nconsts=0
                    ] c a 0:i32[] b d
                  in (e,) }""";
        var text = Jax.makeJaxpr((Array arg, Array n) -> {
            Array ones = Jnp.ones(arg.shape());
            return Lax.foriLoop(0, n, (Array i, Array carry) -> carry.add(ones.mul(3.0)).add(arg), arg.add(ones));
        }).apply(ArrayType.of(DType.FLOAT32, 16), 5).toString();
        assertEquals(want, text);
    }

    @Test
    void scanWithPairOfXs() {
        String want = """
                { lambda ; a:f32[16] b:f32[]. let
                    c:f32[16] = broadcast_in_dim 1.0:f32[]
                    d:f32[] e:f32[16] = scan[
                      jaxpr={ lambda ; f:f32[] g:f32[] h:f32[] i:f32[]. let
                          j:f32[] = mul h i
                          k:f32[] = convert_element_type[new_dtype=float32 weak_type=False] g
                          l:f32[] = add k j
                          m:f32[] = convert_element_type[new_dtype=float32 weak_type=False] f
                          n:f32[] = add l m
                        in (n, g) }
                      length=16
                      num_carry=1
                      num_consts=1
                      reverse=False
                      unroll=1
                    ] b 0.0:f32[] a c
                  in (d, e) }""";
        var text = Jax.makeJaxprN(args -> {
            Array arr = (Array) args[0], extra = (Array) args[1];
            Array ones = Jnp.ones(arr.shape());
            ScanResult<Array, Array> r = Lax.scan((Array carry, List<Array> ae) ->
                    new ScanResult<>(carry.add(ae.get(0).mul(ae.get(1))).add(extra), carry), Jnp.asarray(0.0), List.of(arr, ones));
            return List.of(r.carry(), r.ys());
        }).apply(ArrayType.of(DType.FLOAT32, 16), 5.0).toString();
        assertEquals(want, text);
    }
}
