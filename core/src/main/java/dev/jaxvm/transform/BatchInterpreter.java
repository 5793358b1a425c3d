package dev.jaxvm.transform;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Interpreter;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.NamedAxis;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Trace;
import dev.jaxvm.core.Tracer;
import dev.jaxvm.lax.Batchable;
import dev.jaxvm.lax.Batched;
import dev.jaxvm.lax.Collective;
import dev.jaxvm.lax.CustomJvpCall;
import dev.jaxvm.lax.CustomVjpCall;
import dev.jaxvm.lax.Jit;
import dev.jaxvm.lax.Remat;
import java.util.ArrayList;
import java.util.List;

/**
 * The batching interpreter behind {@code vmap}: each of its tracers stands for a batch of
 * per-example values, held as one array with an extra batch axis. Binding a primitive runs the
 * primitive's {@link Batchable} rule under the parent interpreter, so the batch is computed in one
 * go (evaluated, staged or differentiated by the enclosing transformations), never by a loop. A
 * {@code jit} equation batches to a {@code jit} of the batched program ({@link BatchJaxpr}), and so do
 * the other primitives that hold programs ({@link HigherOrderBatching}).
 *
 * {@snippet :
 * BatchInterpreter b = new BatchInterpreter(Trace.current(), 8, "i");
 * Array xs = b.tracer(batchOf8, 0);       // stands for one example of shape batchOf8.shape()[1:]
 * }
 */
public final class BatchInterpreter implements Interpreter, NamedAxis {
    private final Interpreter parent;
    private final int axisSize;
    private final String axisName;

    /**
     * An interpreter mapping an axis of {@code axisSize}, named {@code axisName} (or anonymous when
     * null), whose rules run under {@code parent}.
     */
    public BatchInterpreter(Interpreter parent, int axisSize, String axisName) {
        this.parent = parent;
        this.axisSize = axisSize;
        this.axisName = axisName;
    }

    /** A tracer for the batch {@code value} whose axis {@code dim} indexes the examples (or the value itself if unmapped). */
    public Array tracer(Array value, int dim) {
        if (dim == NOT_MAPPED) return value;
        if (dim < 0 || dim >= value.ndim() || value.shape()[dim] != axisSize) {
            throw new IllegalArgumentException("batch axis " + dim + " of " + value.type().toLongString()
                    + " does not have the batch size " + axisSize);
        }
        return new BatchTracer(value, dim);
    }

    /** The batch value and batch dimension of {@code x}: its own tracer's, or ({@code x}, not mapped) for any other array. */
    public Batched unwrap(Array x) {
        return owns(x) ? Batched.of(((BatchTracer) x).value, ((BatchTracer) x).dim) : Batched.of(x, NOT_MAPPED);
    }

    @Override
    public List<Array> process(Primitive primitive, List<Array> args) {
        List<Array> values = new ArrayList<>(args.size());
        int[] dims = new int[args.size()];
        List<ArrayType> exampleTypes = new ArrayList<>(args.size());
        boolean anyMapped = false;
        for (int i = 0; i < args.size(); i++) {
            Array a = args.get(i);
            if (a instanceof BatchTracer t && t.owner() == this) {
                values.add(t.value);
                dims[i] = t.dim;
                anyMapped = true;
            } else {
                values.add(a);
                dims[i] = NOT_MAPPED;
            }
            exampleTypes.add(a.type());
        }
        boolean named = primitive instanceof Collective c && axisName != null && axisName.equals(c.axisName());
        if (!anyMapped && !named) return Trace.under(parent, () -> Trace.bind(primitive, values));
        List<ArrayType> expected = primitive.abstractEval(exampleTypes); // JAX's errors, in per-example terms
        Ints in = Ints.of(dims);
        Batched out = Trace.under(parent, () -> switch (primitive) {
            case Collective c when named -> c.batchNamed(values, in, axisSize);
            case Jit j -> HigherOrderBatching.jit(j, values, in, axisSize, axisName);
            case dev.jaxvm.lax.Cond c -> ControlFlowBatching.cond(c, values, in, axisSize, axisName);
            case dev.jaxvm.lax.While w -> ControlFlowBatching.whileLoop(w, values, in, axisSize, axisName);
            case dev.jaxvm.lax.Scan s -> ControlFlowBatching.scan(s, values, in, axisSize, axisName);
            case Remat r -> HigherOrderBatching.remat(r, values, in, axisSize, axisName);
            case CustomJvpCall c -> HigherOrderBatching.customJvp(c, values, in, axisSize, axisName);
            case CustomVjpCall c -> HigherOrderBatching.customVjp(c, values, in, axisSize, axisName);
            case Batchable b -> b.batch(values, in);
            default -> throw new UnsupportedOperationException("Batching rule for '" + primitive.name()
                    + "' not implemented");
        });
        return wrap(primitive, out, expected);
    }

    private List<Array> wrap(Primitive primitive, Batched out, List<ArrayType> expected) {
        if (out.values().size() != expected.size()) {
            throw new IllegalStateException("batch rule of " + primitive.name() + " returned " + out.values().size()
                    + " outputs, expected " + expected.size());
        }
        List<Array> result = new ArrayList<>(expected.size());
        for (int k = 0; k < expected.size(); k++) {
            Array v = out.values().get(k);
            int d = out.dims().get(k);
            boolean inRange = d == NOT_MAPPED || (d >= 0 && d < v.ndim() && v.shape()[d] == axisSize);
            ArrayType got = d == NOT_MAPPED || !inRange ? v.type() : exampleType(v.type(), d);
            if (!inRange || !got.equals(expected.get(k))) {
                throw new IllegalStateException("batch rule of " + primitive.name() + " produced " + v.type().toLongString()
                        + " batched along " + d + ", which is not a batch of " + expected.get(k).toLongString());
            }
            result.add(d == NOT_MAPPED ? v : new BatchTracer(v, d));
        }
        return result;
    }

    /** The type of one example of a batch of type {@code t} batched along {@code dim}. */
    static ArrayType exampleType(ArrayType t, int dim) {
        int[] s = t.shape().dims();
        int[] e = new int[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) if (i != dim) e[j++] = s[i];
        return t.withShape(new Shape(e));
    }

    @Override
    public Interpreter parent() { return parent; }

    @Override
    public String describe() {
        return "traced by vmap" + (axisName == null ? "" : " over axis '" + axisName + "'") + " of size " + axisSize;
    }

    @Override
    public String axisName() { return axisName; }

    @Override
    public int axisSize() { return axisSize; }

    /** A batch of per-example values: {@code value} with the batch along axis {@code dim}. */
    final class BatchTracer extends Tracer {
        private final Array value;
        private final int dim;
        private final ArrayType type;

        BatchTracer(Array value, int dim) {
            this.value = value;
            this.dim = dim;
            this.type = exampleType(value.type(), dim);
        }

        @Override
        public ArrayType type() { return type; }

        @Override
        public Interpreter owner() { return BatchInterpreter.this; }
    }
}
