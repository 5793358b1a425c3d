package dev.jaxvm;

import java.util.List;

/**
 * The options of {@code Jax.grad} and {@code Jax.valueAndGrad} (and of the pytree forms
 * {@code Jax.gradN}, {@code valueAndGradTree}, {@code jacfwdN}, {@code jacrevN}, {@code hessianN}), as
 * JAX's keyword arguments. One argnum gives one gradient (JAX's {@code argnums=0}); several give a
 * list in the order asked (JAX's {@code argnums=(2, 0)}).
 *
 * {@snippet :
 * GradOptions o = GradOptions.argnums(2, 0).withAllowInt(true);
 * }
 *
 * @param argnums which positional arguments to differentiate with respect to (negative counts from the end)
 * @param hasAux whether the function returns {@link WithAux} (a value and auxiliary data)
 * @param allowInt whether integer and bool arguments are allowed (their gradient is a float0 zero)
 */
public record GradOptions(List<Integer> argnums, boolean hasAux, boolean allowInt) {
    /** @throws IllegalArgumentException if no argnum is given */
    public GradOptions {
        argnums = List.copyOf(argnums);
        if (argnums.isEmpty()) throw new IllegalArgumentException("grad requires at least one argnum");
    }

    /** Differentiation with respect to the given arguments, no aux, no integer inputs. */
    public static GradOptions argnums(int... argnums) {
        return new GradOptions(java.util.Arrays.stream(argnums).boxed().toList(), false, false);
    }

    /** These options with {@code hasAux} set. */
    public GradOptions withHasAux(boolean on) { return new GradOptions(argnums, on, allowInt); }

    /** These options with {@code allowInt} set. */
    public GradOptions withAllowInt(boolean on) { return new GradOptions(argnums, hasAux, on); }
}
