package dev.jaxvm.lax;

import dev.jaxvm.core.ArrayType;
import java.util.List;

/**
 * {@code random_clone}: a copy of a key array ({@code jax.random.clone}), as JAX's
 * {@code random_clone_p}. jaxvm's arrays are immutable, so the copy shares the data.
 */
public record RandomClone() implements KeyView {
    @Override
    public String name() { return "random_clone"; }

    @Override
    public List<ArrayType> abstractEval(List<ArrayType> in) {
        KeyTypes.keys("random_clone", in.getFirst());
        return List.of(in.getFirst());
    }
}
