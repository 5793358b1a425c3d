package dev.jaxvm.compile;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Primitive;
import java.util.List;

/**
 * A primitive the compiler can lower: it says, for operands and results of the given types, which
 * {@link Lowering} implements it. Primitives that do not implement this interface are evaluated by
 * their reference {@link Primitive#evaluate}, and the compile log says so.
 *
 * {@snippet :
 * record Sin() implements Elementwise { ... }   // Elementwise extends Lowerable: lanewise SIN
 * Lowering l = new Sin().lower(List.of(f32), List.of(f32));   // Lowering.Lanewise[op=SIN]
 * }
 */
public interface Lowerable extends Primitive {

    /**
     * The lowering of this primitive for operands of types {@code in} producing {@code out} (types that
     * passed {@link #abstractEval}).
     */
    Lowering lower(List<ArrayType> in, List<ArrayType> out);
}
