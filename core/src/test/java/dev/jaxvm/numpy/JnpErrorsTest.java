package dev.jaxvm.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.StagingInterpreter;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Bad input to jnp's elementwise, reduction and creation functions fails before any work, with a
 * message naming the function (or primitive) and the offending shapes, dtypes or argument; the texts
 * follow JAX's.
 */
class JnpErrorsTest {
    private static final Array F23 = Jnp.zeros(2, 3);

    private static void fails(String expected, Supplier<?> call) {
        RuntimeException e = assertThrows(RuntimeException.class, call::get);
        assertEquals(true, e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    @Test
    void shapes() {
        fails("add got incompatible shapes for broadcasting: (3,), (4,).", () -> Jnp.add(Jnp.zeros(3), Jnp.zeros(4)));
        fails("add: Incompatible shapes for broadcasting: shapes=[(2, 3), (4,)]", () -> Jnp.add(F23, Jnp.zeros(4)));
        fails("where: Incompatible shapes for broadcasting: shapes=[(3,), (3,), (4,)]",
                () -> Jnp.where(Jnp.zeros(new int[] {3}, DType.BOOL), Jnp.zeros(3), Jnp.zeros(4)));
        fails("meshgrid: Arguments to jax.numpy.meshgrid must be 1D, got shapes [(2, 3), (3,)]",
                () -> Jnp.meshgrid(F23, Jnp.zeros(3)));
        fails("diag: diag input must be 1d or 2d, got shape (2, 2, 2)", () -> Jnp.diag(Jnp.zeros(2, 2, 2)));
    }

    @Test
    void dtypes() {
        fails("sub does not accept dtype bool at position 0. Accepted dtypes at position 0 are subtypes of integer,"
                + " floating, complexfloating.", () -> Jnp.subtract(true, Jnp.array(new boolean[] {true})));
        fails("and does not accept dtype float32 at position 0. Accepted dtypes at position 0 are subtypes of integer, bool.",
                () -> Jnp.bitwiseAnd(F23, F23));
        fails("shift_left does not accept dtype float32 at position 0", () -> Jnp.leftShift(F23, F23));
        fails("neg does not accept dtype bool. Accepted dtypes are subtypes of integer, floating, complexfloating.",
                () -> Jnp.negative(true));
        fails("Integers cannot be raised to negative powers, got integer_pow(int32[3], -1)",
                () -> Jnp.power(Jnp.arange(3), -1));
        fails("round: data type bool not inexact", () -> Jnp.round(Jnp.array(new boolean[] {true})));
        fails("round: integer np.round not implemented for decimals < 0", () -> Jnp.round(Jnp.arange(3), -1));
        fails("power: exponent 4294967296 does not fit in an int", () -> Jnp.power(F23, 1L << 32));
    }

    @Test
    void axes() {
        fails("sum: axis 2 is out of bounds for array of dimension 2", () -> Jnp.sum(F23, 2));
        fails("mean: axis -3 is out of bounds for array of dimension 2", () -> Jnp.mean(F23, -3));
        fails("sum: duplicate value in 'axis': (1, -1)", () -> Jnp.sum(F23, 1, -1));
        fails("cumsum: axis 3 is out of bounds for array of dimension 2", () -> Jnp.cumsum(F23, 3));
        fails("argmax: axis 2 is out of bounds for array of dimension 2", () -> Jnp.argmax(F23, 2));
        fails("zero-size array to reduction operation max which has no identity", () -> Jnp.max(Jnp.zeros(0)));
        fails("zero-size array to reduction operation min which has no identity", () -> Jnp.min(Jnp.zeros(2, 0), 1));
        fails("attempt to get argmax of an empty sequence", () -> Jnp.argmax(Jnp.zeros(0)));
        fails("reduction axes (2,) contains out-of-bounds indices for float32[2,3].",
                () -> dev.jaxvm.lax.Lax.reduceMax(F23, 2));
    }

    @Test
    void creation() {
        fails("linspace: Number of samples, -1, must be non-negative.", () -> Jnp.linspace(0, 1, -1));
        fails("eye: negative dimensions are not allowed", () -> Jnp.eye(-1, 2, 0, null));
        fails("full: negative dimensions are not allowed, got shape (2, -1)", () -> Jnp.full(new int[] {2, -1}, 1));
        fails("arange: step must not be zero", () -> Jnp.arange(0, 5, 0));
        fails("add: argument 0: not an array or Java scalar: java.lang.String", () -> Jnp.add("x", 1));
    }

    @Test
    void errorsComeBeforeAnyEquationIsRecorded() {
        // A failing call inside a trace leaves no equation behind: checks run before binding.
        Array z4 = Jnp.zeros(4);
        ClosedJaxpr j = StagingInterpreter.trace(xs -> {
            assertThrows(RuntimeException.class, () -> Jnp.where(xs.get(0), xs.get(1), z4));
            assertThrows(RuntimeException.class, () -> Jnp.floorDivide(xs.get(1), z4));
            assertThrows(RuntimeException.class, () -> Jnp.sum(xs.get(1), 5));
            return List.of(xs.get(1));
        }, List.of(ArrayType.of(DType.BOOL, 3), ArrayType.of(DType.FLOAT32, 2, 3)));
        assertEquals(0, j.jaxpr().eqns().size(), j.toString());
    }
}
