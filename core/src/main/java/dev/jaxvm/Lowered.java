package dev.jaxvm;

import dev.jaxvm.compile.Compiler;
import dev.jaxvm.compile.Executable;
import dev.jaxvm.ir.ClosedJaxpr;

/**
 * A jitted function traced for specific argument types, as JAX's ahead-of-time API
 * ({@code jax.jit(f).lower(x)}): the program that calls of those types run.
 *
 * {@snippet :
 * Lowered l = Jax.jit((Array x) -> Jnp.sin(x)).lower(Jnp.ones(3));
 * String text = l.asText();   // { lambda ; a:f32[3]. let b:f32[3] = sin a in (b,) }
 * String kernels = l.compile().asText();   // the fused loop kernels
 * }
 *
 * @param jaxpr the traced program (its inputs: closed-over tracers, then the flattened arguments)
 */
public record Lowered(ClosedJaxpr jaxpr) {
    /** The program's text, in JAX's Jaxpr format. */
    public String asText() { return jaxpr.toString(); }

    /**
     * The compiled program ({@code jax.jit(f).lower(x).compile()}): call it with concrete arrays of
     * the lowered types; its {@code asText()} shows the kernels.
     */
    public Executable compile() { return Compiler.compile(jaxpr); }

    @Override
    public String toString() { return asText(); }
}
