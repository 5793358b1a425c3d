package dev.jaxvm;

import java.util.List;

/**
 * The forward half of a {@code Jax.customVjp} rule: the primal output and the residuals (the
 * values the backward half needs).
 *
 * {@snippet :
 * CustomVjpFwd fwd = xs -> new CustomVjpFwd.Out(Jnp.sin(xs[0]), List.of(Jnp.cos(xs[0])));
 * }
 */
@FunctionalInterface
public interface CustomVjpFwd {
    /** Runs the forward pass. */
    Out apply(Array... xs);

    /**
     * The forward pass's result.
     *
     * @param out the primal output
     * @param residuals the values saved for the backward pass
     */
    record Out(Array out, List<Array> residuals) {
        public Out {
            residuals = List.copyOf(residuals);
        }
    }
}
