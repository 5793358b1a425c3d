package dev.jaxvm;

/**
 * The function transformations of JAX ({@code jit}, {@code grad}, {@code vmap}, ...) and jaxvm's
 * configuration.
 *
 * {@snippet :
 * Jax.config().enableX64(false);
 * }
 */
public final class Jax {
    private static final Config CONFIG = new Config();

    private Jax() {}

    /** The process-wide configuration, as {@code jax.config}. */
    public static Config config() { return CONFIG; }

    // == section: vmap ==

    /**
     * Vectorises {@code f} over the leading axis of its argument, as {@code jax.vmap(f)}: the result
     * maps a batch of examples to the batch of results, computed in one go (every primitive has a
     * batching rule), and composes with the other transformations.
     *
     * {@snippet :
     * Fn1 norms = Jax.vmap(x -> Jnp.sqrt(x.mul(x).sum()));
     * Array n = norms.apply(Jnp.ones(8, 3));          // shape (8,)
     * }
     */
    public static Fn1 vmap(Fn1 f) { return vmap(f, 0, 0); }

    /**
     * {@link #vmap(Fn1)} with JAX's {@code in_axes} and {@code out_axes}: an axis ({@code Integer},
     * negative counting from the end) or {@code null} for an unbatched argument or output.
     *
     * @throws IllegalArgumentException if an axis specification is not an int or null (at vmap time);
     *     when called, if an axis is out of range
     */
    public static Fn1 vmap(Fn1 f, Object inAxes, Object outAxes) { return vmap(f, inAxes, outAxes, null, null); }

    /**
     * {@link #vmap(Fn1, Object, Object)} with {@code axisSize} (needed when no argument is batched) and
     * {@code axisName}, the name collectives such as {@link dev.jaxvm.lax.Lax#psum} use for the batch axis.
     */
    public static Fn1 vmap(Fn1 f, Object inAxes, Object outAxes, Integer axisSize, String axisName) {
        FnN g = vmapN(xs -> f.apply(xs[0]), inAxes, outAxes, axisSize, axisName);
        return x -> g.apply(x);
    }

    /** {@link #vmap(Fn1)} for a function of two arrays, both batched along axis 0. */
    public static Fn2 vmap(Fn2 f) { return vmap(f, 0, 0); }

    /** {@link #vmap(Fn1, Object, Object)} for a function of two arrays: {@code inAxes} is an int, null, or one entry per argument. */
    public static Fn2 vmap(Fn2 f, Object inAxes, Object outAxes) { return vmap(f, inAxes, outAxes, null, null); }

    /** {@link #vmap(Fn1, Object, Object, Integer, String)} for a function of two arrays. */
    public static Fn2 vmap(Fn2 f, Object inAxes, Object outAxes, Integer axisSize, String axisName) {
        FnN g = vmapN(xs -> f.apply(xs[0], xs[1]), inAxes, outAxes, axisSize, axisName);
        return (x, y) -> g.apply(x, y);
    }

    /** {@link #vmap(Fn1)} for a function of three arrays, all batched along axis 0. */
    public static Fn3 vmap(Fn3 f) { return vmap(f, 0, 0); }

    /** {@link #vmap(Fn1, Object, Object)} for a function of three arrays. */
    public static Fn3 vmap(Fn3 f, Object inAxes, Object outAxes) { return vmap(f, inAxes, outAxes, null, null); }

    /** {@link #vmap(Fn1, Object, Object, Integer, String)} for a function of three arrays. */
    public static Fn3 vmap(Fn3 f, Object inAxes, Object outAxes, Integer axisSize, String axisName) {
        FnN g = vmapN(xs -> f.apply(xs[0], xs[1], xs[2]), inAxes, outAxes, axisSize, axisName);
        return (x, y, z) -> g.apply(x, y, z);
    }

    /** {@link #vmap(Fn1)} for a function of any number of arrays, all batched along axis 0. */
    public static FnN vmapN(FnN f) { return vmapN(f, 0, 0, null, null); }

    /**
     * {@link #vmap(Fn1, Object, Object, Integer, String)} for a function of any number of arrays.
     *
     * @throws IllegalArgumentException if an axis specification is not an int, null, or a per-argument list of those
     */
    public static FnN vmapN(FnN f, Object inAxes, Object outAxes, Integer axisSize, String axisName) {
        VmapAxes.Spec in = VmapAxes.parseIn(inAxes);
        Integer out = VmapAxes.parseOut(outAxes);
        java.util.List<Integer> outList = java.util.Collections.singletonList(out);
        return xs -> dev.jaxvm.transform.Vmap.call(a -> java.util.List.of(f.apply(a.toArray(Array[]::new))),
                java.util.List.of(xs), in.forArgs(xs.length), outList, axisSize, axisName, null).getFirst();
    }
}
