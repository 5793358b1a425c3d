package dev.jaxvm.lax;

import dev.jaxvm.core.ArrayType;
import java.util.List;

/**
 * {@code random_unwrap}: a key array's raw data {@code u32[..., 2]} ({@code jax.random.key_data}), as
 * JAX's {@code random_unwrap_p}. The data is shared, not copied.
 */
public record RandomUnwrap() implements KeyView {
    @Override
    public String name() { return "random_unwrap"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        KeyTypes.keys("random_unwrap", in.getFirst());
        return List.of(in.getFirst().physical());
    }
}
