package dev.jaxvm.core;

import dev.jaxvm.Array;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The current interpreter and primitive binding. The current interpreter is held in a
 * {@link ScopedValue}: a transformation runs its body with {@link #under}, so the binding cannot be
 * left corrupt by an exception and is confined to the thread that set it.
 *
 * {@snippet :
 * Array y = Trace.bind1(new Sin(), x);   // evaluates now, or records, or differentiates
 * }
 */
public final class Trace {
    private static final ScopedValue<Interpreter> CURRENT = ScopedValue.newInstance();

    private Trace() {}

    /** The interpreter binds go to now: the innermost transformation, or the eager evaluator. */
    public static Interpreter current() {
        return CURRENT.isBound() ? CURRENT.get() : EvalInterpreter.INSTANCE;
    }

    /** Runs {@code body} with {@code interpreter} as the current interpreter. */
    public static <T> T under(Interpreter interpreter, Supplier<T> body) {
        return ScopedValue.where(CURRENT, interpreter).call(body::get);
    }

    /**
     * Binds {@code primitive} to {@code args} under the current interpreter.
     *
     * @throws EscapedTracerError if an argument is a tracer whose transformation has returned or that
     *     belongs to another thread
     */
    public static List<Array> bind(Primitive primitive, List<Array> args) {
        Interpreter current = current();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof Tracer t) checkLive(t, current, primitive, i);
        }
        return current.process(primitive, args);
    }

    /** {@link #bind(Primitive, List)} with varargs. */
    public static List<Array> bind(Primitive primitive, Array... args) {
        return bind(primitive, Arrays.asList(args));
    }

    /** Binds a single-output primitive and returns its output. */
    public static Array bind1(Primitive primitive, Array... args) {
        List<Array> out = bind(primitive, Arrays.asList(args));
        if (out.size() != 1) throw new IllegalStateException(primitive.name() + " has " + out.size() + " outputs");
        return out.getFirst();
    }

    private static void checkLive(Tracer t, Interpreter current, Primitive p, int argnum) {
        if (t.thread() != Thread.currentThread()) {
            throw new EscapedTracerError("Encountered a tracer of type " + t.type().toLongString() + " ("
                    + t.owner().describe() + ") on thread '" + Thread.currentThread().getName()
                    + "', but it was created on thread '" + t.thread().getName() + "': tracing state is confined"
                    + " to the tracing thread. Pass concrete arrays between threads, not tracers (argument " + argnum
                    + " of " + p.name() + ").");
        }
        for (Interpreter i = current; i != null; i = i.parent()) {
            if (i == t.owner()) return;
        }
        throw new EscapedTracerError("Encountered an unexpected tracer of type " + t.type().toLongString() + " ("
                + t.owner().describe() + ") as argument " + argnum + " of " + p.name() + ". The transformation that"
                + " created it has already returned: a traced value escaped, e.g. by being stored in a field or a"
                + " collection during tracing. Return it from the transformed function instead.");
    }
}
