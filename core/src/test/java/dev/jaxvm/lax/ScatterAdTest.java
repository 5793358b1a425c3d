package dev.jaxvm.lax;

import dev.jaxvm.EnableX64;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Fn2;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code scatter} under autodiff: {@code x.at[idx].set(v)} with repeated indices (JAX's id-masking
 * JVP, whose linear part is a {@code scatter-add}), against JAX 0.10.2; the transpose of a
 * {@code scatter} with non-unique indices is refused as in JAX.
 */
@ExtendWith(EnableX64.class)
class ScatterAdTest {
    @Test
    void gradAndJvpOfSetWithRepeatedIndicesMatchJax() {
        for (JsonElement e : Goldens.load("/adcatalog/scatter.json").getAsJsonArray()) {
            JsonObject c = e.getAsJsonObject();
            var idxJson = c.getAsJsonArray("idx");
            int[] idx = new int[idxJson.size()];
            for (int i = 0; i < idx.length; i++) idx[i] = idxJson.get(i).getAsInt();
            Array indices = DenseArray.of(ArrayType.of(DType.INT32, idx.length), idx);
            Array x = Goldens.decode(c.getAsJsonObject("x"));
            Array v = Goldens.decode(c.getAsJsonObject("v"));
            Array w = Goldens.decode(c.getAsJsonObject("w"));
            Fn2 set = (a, b) -> a.at(indices).set(b);
            String what = "x" + x.type() + ".at[" + java.util.Arrays.toString(idx) + "].set";
            Goldens.close(c.getAsJsonObject("out"), set.apply(x, v), 0, what + " value");
            var jvp = Jax.jvp(xs -> set.apply((Array) xs[0], (Array) xs[1]), new Array[] {x, v},
                    new Array[] {Goldens.decode(c.getAsJsonObject("tx")), Goldens.decode(c.getAsJsonObject("tv"))});
            Goldens.close(c.getAsJsonObject("out"), jvp.primal(), 0, what + " jvp primal");
            Goldens.close(c.getAsJsonObject("tangent"), jvp.tangent(), 1e-15, what + " jvp tangent");
            Fn2 loss = (a, b) -> {
                Array y = Lax.sin(Lax.mul(set.apply(a, b), w));
                int[] axes = new int[y.ndim()];
                for (int i = 0; i < axes.length; i++) axes[i] = i;
                return Lax.reduceSum(y, axes);
            };
            Goldens.close(c.getAsJsonObject("grad_x"), Jax.grad(loss, 0).apply(x, v), 1e-14, what + " grad x");
            Goldens.close(c.getAsJsonObject("grad_v"), Jax.grad(loss, 1).apply(x, v), 1e-14, what + " grad v");
            Goldens.close(c.getAsJsonObject("grad_v"), Jax.jit(Jax.grad(loss, 1)).apply(x, v), 1e-14,
                    what + " jit(grad v)");
        }
    }

    @Test
    void transposeOfNonUniqueScatterIsRefusedAsInJax() {
        Scatter s = new Scatter(new ScatterDimensionNumbers(Ints.of(), Ints.of(0), Ints.of(0)), false,
                GatherScatterMode.FILL_OR_DROP, false, DType.FLOAT64);
        ArrayType t = ArrayType.of(DType.FLOAT64, 3);
        Array idx = DenseArray.of(ArrayType.of(DType.INT32, 2, 1), new int[] {1, 1});
        var e = assertThrows(UnsupportedOperationException.class, () -> s.transpose(List.of(DenseArray.zeros(t)),
                List.of(new Transposable.Undefined(t), new Transposable.Known(idx),
                        new Transposable.Undefined(ArrayType.of(DType.FLOAT64, 2)))));
        assertEquals("scatter transpose is only implemented where unique_indices=True", e.getMessage());
    }
}
