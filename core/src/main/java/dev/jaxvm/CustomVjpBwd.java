package dev.jaxvm;

import java.util.List;

/**
 * The backward half of a {@code Jax.customVjp} rule: the cotangents of the arguments (one per
 * argument, {@code null} for zero) given the residuals and the output's cotangent.
 *
 * {@snippet :
 * CustomVjpBwd bwd = (res, ct) -> List.of(res.get(0).mul(ct));
 * }
 */
@FunctionalInterface
public interface CustomVjpBwd {
    /** Runs the backward pass. */
    List<Array> apply(List<Array> residuals, Array ct);
}
