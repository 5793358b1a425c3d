package dev.jaxvm.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Jax;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Trace;
import dev.jaxvm.lax.BinaryPrimitive;
import dev.jaxvm.lax.LaxPrimitive;
import dev.jaxvm.lax.UnaryPrimitive;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every parameter-free elementwise primitive of the sealed catalog stages one equation and type checks. */
class CatalogTracesTest {
    private static void leaves(Class<?> c, List<Class<?>> out) {
        if (c.isSealed()) for (Class<?> s : c.getPermittedSubclasses()) leaves(s, out);
        else out.add(c);
    }

    @Test
    void elementwisePrimitivesTrace() throws ReflectiveOperationException {
        List<Class<?>> all = new ArrayList<>();
        leaves(LaxPrimitive.class, all);
        int traced = 0;
        for (Class<?> c : all) {
            boolean unary = UnaryPrimitive.class.isAssignableFrom(c), binary = BinaryPrimitive.class.isAssignableFrom(c);
            if (!(unary || binary) || !c.isRecord() || c.getRecordComponents().length != 0) continue;
            Primitive p = (Primitive) c.getDeclaredConstructor().newInstance();
            String text = null;
            for (DType t : List.of(DType.FLOAT32, DType.INT32, DType.BOOL)) {
                ArrayType at = ArrayType.of(t, 2);
                try {
                    ClosedJaxpr j = unary
                            ? Jax.makeJaxpr((Array x) -> Trace.bind1(p, x)).apply(at)
                            : Jax.makeJaxpr((Array x, Array y) -> Trace.bind1(p, x, y)).apply(at, at);
                    JaxprChecker.check(j.jaxpr());
                    assertEquals(1, j.jaxpr().eqns().size(), p.name());
                    text = j.toString();
                    break;
                } catch (IllegalArgumentException | UnsupportedOperationException e) {
                    // the primitive rejects this dtype: try the next
                }
            }
            assertTrue(text != null, p.name() + " traces for no dtype");
            assertTrue(text.replaceAll("\\s+", " ").contains(" = " + p.name() + " a" + (binary ? " b" : "") + " in"), text);
            traced++;
        }
        assertTrue(traced >= 40, "only " + traced + " elementwise primitives found");
    }
}
