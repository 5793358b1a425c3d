package dev.jaxvm.core;

/**
 * An interpreter that maps over a named axis ({@code vmap} with {@code axisName}), so that
 * collectives such as {@code psum} can refer to it by name, as JAX's axis environment.
 *
 * {@snippet :
 * int n = NamedAxis.size("i");   // inside vmap(f, ..., axisName "i"): the batch size
 * }
 */
public interface NamedAxis {

    /** The axis name, or {@code null} when the axis is anonymous. */
    String axisName();

    /** The size of the mapped axis. */
    int axisSize();

    /**
     * The size of the axis named {@code name}, looked up from the current interpreter outwards.
     *
     * @throws IllegalArgumentException ("unbound axis name: i") if no enclosing transformation maps it
     */
    static int size(String name) {
        for (Interpreter i = Trace.current(); i != null; i = i.parent()) {
            if (i instanceof NamedAxis n && name.equals(n.axisName())) return n.axisSize();
        }
        throw unbound(name);
    }

    /** JAX's error for a collective over an axis name that no enclosing {@code vmap} binds. */
    static IllegalArgumentException unbound(String name) {
        return new IllegalArgumentException("unbound axis name: " + name);
    }
}
