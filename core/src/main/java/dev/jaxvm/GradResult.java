package dev.jaxvm;

import java.util.List;

/**
 * What {@code Jax.valueAndGrad} returns: the function's value, one gradient per differentiated
 * argument (in the order of {@link GradOptions#argnums()}), and the auxiliary data when the
 * function has any.
 *
 * {@snippet :
 * GradResult r = Jax.valueAndGradN((FnN) xs -> Jnp.multiply(xs[0], xs[0]), 0).apply(Jnp.array(3f));
 * assert r.value().item().equals(9f) && r.grad().item().equals(6f);
 * }
 *
 * @param value the value
 * @param grads the gradients
 * @param aux the auxiliary data, or null
 */
public record GradResult(Array value, List<Array> grads, Object aux) {
    public GradResult {
        grads = List.copyOf(grads);
    }

    /** The only gradient. @throws IllegalStateException if there are several */
    public Array grad() {
        if (grads.size() != 1) throw new IllegalStateException(grads.size() + " gradients, use grads()");
        return grads.getFirst();
    }
}
