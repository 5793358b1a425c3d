package dev.jaxvm.lax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.numpy.Jnp;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** JAX's error messages for misuse of cond, switch and scan (as JAX 0.10.2 words them, less Python's file locations). */
class ControlFlowErrorsTest {
    static String message(Runnable r) { return assertThrows(IllegalArgumentException.class, r::run).getMessage(); }

    @Test
    void condBranchesMustAgree() {
        assertEquals("cond branches must have equal output types but they differ.\n\nThe output of true_fun has type float32[]"
                + " but the corresponding output of false_fun has type int32[], so the dtypes do not match.\n\nRevise true_fun"
                + " and/or false_fun so that all output types match.",
                message(() -> Lax.cond(true, (Array x) -> x, (Array x) -> x.astype(DType.INT32), Jnp.asarray(1.0f))));
        assertEquals("Pred must be a scalar, got " + Jnp.array(new boolean[] {true, false}) + " of shape (2,).",
                message(() -> Lax.cond(Jnp.array(new boolean[] {true, false}), (Array x) -> x, (Array x) -> x, Jnp.asarray(1.0))));
    }

    @Test
    void switchIndexMustBeAnInteger() {
        List<Function<Array, Array>> bs = List.of(x -> x, x -> x);
        assertEquals("Index type must be an integer, got 1.5 as float32",
                message(() -> Lax.switch_(Jnp.asarray(1.5f).reshape(), bs, Jnp.asarray(1.0))).replace(Jnp.asarray(1.5f).toString(), "1.5"));
        assertEquals("Empty branch sequence", message(() -> Lax.switch_(0, List.<Function<Array, Array>>of(), Jnp.asarray(1.0))));
    }

    @Test
    void scanLengthsMustAgree() {
        assertEquals("scan got `length` argument of 4 which disagrees with leading axis sizes [3].",
                message(() -> Lax.scan((Array c, Array x) -> new ScanResult<>(c, x), Jnp.asarray(0.0), Jnp.zeros(3), 4, false, 1)));
        assertEquals("scan got values with different leading axis sizes: 3, 4.",
                message(() -> Lax.scan((Array c, List<Array> x) -> new ScanResult<>(c, x), Jnp.asarray(0.0),
                        List.of(Jnp.zeros(3), Jnp.zeros(4)))));
        assertEquals("scan got no values to scan over and `length` not provided.",
                message(() -> Lax.scan((Array c, Object x) -> new ScanResult<>(c, x), Jnp.asarray(0.0), null)));
        assertEquals("scan body function carry input and carry output must have equal types, but they differ:\n\nThe input"
                + " carry has type float32[] but the corresponding output carry component has type float32[2], so the shapes do not"
                + " match.\n\nRevise the function so that all output types match the corresponding input types.",
                message(() -> Lax.scan((Array c, Array x) -> new ScanResult<>(c.add(Jnp.zeros(2)), x), Jnp.asarray(0.0),
                        Jnp.zeros(3))));
    }
}
