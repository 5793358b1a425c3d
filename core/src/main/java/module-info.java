/**
 * jaxvm: JAX for the JVM.
 *
 * <p>Immutable n-d arrays ({@link dev.jaxvm.Array}) with a NumPy API ({@link dev.jaxvm.numpy.Jnp}),
 * the {@code lax} primitives ({@link dev.jaxvm.lax.Lax}), and JAX's function transformations
 * ({@link dev.jaxvm.Jax}).
 */
module dev.jaxvm {
    requires static jdk.incubator.vector;
    requires java.desktop;

    exports dev.jaxvm;
    exports dev.jaxvm.core;
    exports dev.jaxvm.ir;
    exports dev.jaxvm.compile;
    exports dev.jaxvm.lax;
    exports dev.jaxvm.numpy;
    exports dev.jaxvm.random;
    exports dev.jaxvm.tree;
    exports dev.jaxvm.scipy;
    exports dev.jaxvm.image;
}
