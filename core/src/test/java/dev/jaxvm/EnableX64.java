package dev.jaxvm;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class with {@code jax_enable_x64} on, restoring the previous setting after it.
 *
 * {@snippet :
 * @ExtendWith(EnableX64.class)
 * class MyFloat64Test { ... }
 * }
 */
public final class EnableX64 implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EnableX64.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("x64", Jax.config().enableX64());
        Jax.config().enableX64(true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Jax.config().enableX64(context.getStore(NS).get("x64", Boolean.class));
    }
}
