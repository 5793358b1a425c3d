import dev.jaxvm.*;
import dev.jaxvm.numpy.Jnp;
import dev.jaxvm.lax.Lax;
System.out.println("jaxvm shell: Array, DType, Jax, Jnp and Lax are imported. Try Jnp.arange(6).reshape(2, 3)");
