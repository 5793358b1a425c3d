package dev.jaxvm.transform;

import static dev.jaxvm.lax.Batchable.NOT_MAPPED;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.JaxprEval;
import dev.jaxvm.ir.StagingInterpreter;
import dev.jaxvm.lax.Batchable;
import dev.jaxvm.lax.Batched;
import dev.jaxvm.lax.Cond;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.lax.Scan;
import dev.jaxvm.lax.While;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The batching rules of {@code cond}, {@code while} and {@code scan}, as JAX's: the same primitive on
 * batched programs, except that a batched {@code cond} index evaluates every branch and selects
 * ({@code select_n}), and a batched {@code while} predicate runs until every lane is done, each lane
 * keeping its carry once its own predicate is false.
 */
final class ControlFlowBatching {
    private ControlFlowBatching() {}

    /**
     * A batched program: inputs marked batched and outputs marked batched carry the batch on axis 0.
     *
     * @param jaxpr the program
     * @param outBatched which outputs are batched
     */
    record BatchedJaxpr(ClosedJaxpr jaxpr, boolean[] outBatched) {}

    /** Batches {@code j}; outputs marked in {@code force} are batched even when they do not depend on the batch. */
    static BatchedJaxpr batchJaxpr(ClosedJaxpr j, boolean[] inBat, int size, String name, boolean[] force) {
        int[] in = new int[inBat.length], out = new int[force.length];
        for (int i = 0; i < in.length; i++) in[i] = inBat[i] ? 0 : NOT_MAPPED;
        for (int k = 0; k < out.length; k++) out[k] = force[k] ? 0 : NOT_MAPPED;
        return batchJaxprAxes(j, in, size, name, out);
    }

    /**
     * Batches {@code j} with input {@code i} batched along {@code inDims[i]} (or not); output {@code k}
     * comes out batched along {@code outDims[k]} when that is set, else along 0 if it depends on the batch.
     */
    static BatchedJaxpr batchJaxprAxes(ClosedJaxpr j, int[] inDims, int size, String name, int[] outDims) {
        List<ArrayType> types = new ArrayList<>();
        List<ArrayType> in = j.inTypes();
        for (int i = 0; i < in.size(); i++) types.add(inDims[i] == NOT_MAPPED ? in.get(i) : withAxis(in.get(i), size, inDims[i]));
        boolean[] outBat = new boolean[j.outTypes().size()];
        ClosedJaxpr batched = StagingInterpreter.trace(args -> {
            BatchInterpreter b = new BatchInterpreter(Trace.current(), size, name);
            List<Array> xs = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) xs.add(b.tracer(args.get(i), inDims[i]));
            List<Array> outs = Trace.under(b, () -> JaxprEval.eval(j, xs));
            List<Array> res = new ArrayList<>();
            for (int k = 0; k < outs.size(); k++) {
                Batched o = b.unwrap(outs.get(k));
                int d = o.dims().get(0);
                outBat[k] = d != NOT_MAPPED || outDims[k] != NOT_MAPPED;
                res.add(moveTo(o.values().getFirst(), d, size, outBat[k] ? Math.max(0, outDims[k]) : NOT_MAPPED));
            }
            return res;
        }, types);
        return new BatchedJaxpr(batched, outBat);
    }

    /** {@code x} batched along {@code d} (or not) moved to {@code to}, broadcast if unbatched; unchanged when {@code to} is not mapped. */
    static Array moveTo(Array x, int d, int size, int to) {
        if (to == NOT_MAPPED) return x;
        if (d == NOT_MAPPED) return Batchable.broadcastAxis(x, size, to);
        return d == to ? x : Batchable.moveAxis(x, d, to);
    }

    static ArrayType withAxis(ArrayType t, int size, int at) {
        int[] d = t.shape().dims();
        int[] s = new int[d.length + 1];
        for (int i = 0, k = 0; i < s.length; i++) s[i] = i == at ? size : d[k++];
        return t.withShape(new Shape(s));
    }

    /** {@code x} (batched along {@code d}, or not) with its batch on axis 0, or unbatched when not {@code batched}. */
    static Array atFront(Array x, int d, int size, boolean batched) {
        if (!batched) return x;
        return d == NOT_MAPPED ? Batchable.broadcastAxis(x, size, 0) : d == 0 ? x : Batchable.moveAxis(x, d, 0);
    }

    static Batched cond(Cond c, List<Array> values, Ints dims, int size, String name) {
        int n = values.size() - 1, nOut = c.branches().getFirst().outTypes().size();
        if (dims.get(0) != NOT_MAPPED) return condAsSelect(c, values, dims, size, name);
        boolean[] inBat = new boolean[n];
        for (int i = 0; i < n; i++) inBat[i] = dims.get(i + 1) != NOT_MAPPED;
        boolean[] outBat = new boolean[nOut];
        for (ClosedJaxpr b : c.branches()) CfJaxprs.orInto(outBat, batchJaxpr(b, inBat, size, name, outBat).outBatched());
        List<ClosedJaxpr> bs = new ArrayList<>();
        for (ClosedJaxpr b : c.branches()) bs.add(batchJaxpr(b, inBat, size, name, outBat).jaxpr());
        List<Array> args = new ArrayList<>();
        args.add(values.getFirst());
        for (int i = 0; i < n; i++) args.add(atFront(values.get(i + 1), dims.get(i + 1), size, inBat[i]));
        return new Batched(Trace.bind(new Cond(bs), args), outDims(outBat, 0));
    }

    private static Ints outDims(boolean[] bat, int dim) {
        int[] d = new int[bat.length];
        for (int k = 0; k < d.length; k++) d[k] = bat[k] ? dim : NOT_MAPPED;
        return Ints.of(d);
    }

    /** A batched index: every branch runs on every lane, and {@code select_n} picks each lane's result. */
    private static Batched condAsSelect(Cond c, List<Array> values, Ints dims, int size, String name) {
        int n = values.size() - 1, nOut = c.branches().getFirst().outTypes().size();
        Array index = atFront(values.getFirst(), dims.get(0), size, true);
        List<Array> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) ops.add(atFront(values.get(i + 1), dims.get(i + 1), size, true));
        boolean[] all = new boolean[n], allOut = new boolean[nOut];
        Arrays.fill(all, true);
        Arrays.fill(allOut, true);
        List<List<Array>> branchOuts = new ArrayList<>();
        for (int b = 0; b < c.branches().size(); b++) {
            ClosedJaxpr bj = batchJaxpr(c.branches().get(b), all, size, name, allOut).jaxpr();
            Array isB = Lax.eq(index, DenseArray.scalarLong(DType.INT32, false, b));
            List<Array> ops_ = new ArrayList<>();
            // a select on the inputs too, for the safety of reverse-mode differentiation (as JAX)
            for (Array x : ops) {
                Array stopped = Lax.stopGradient(x);
                ops_.add(Lax.select(bcast(isB, x), x, stopped));
            }
            branchOuts.add(JaxprEval.eval(bj, ops_));
        }
        List<Array> out = new ArrayList<>();
        for (int k = 0; k < nOut; k++) {
            Array[] cases = new Array[branchOuts.size()];
            for (int b = 0; b < cases.length; b++) cases[b] = branchOuts.get(b).get(k);
            out.add(Lax.selectN(bcast(index, cases[0]), cases));
        }
        return new Batched(out, outDims(allOut, 0));
    }

    /** {@code p} (batched along axis 0) broadcast to the shape of {@code x}. */
    private static Array bcast(Array p, Array x) {
        return p.ndim() == x.ndim() ? p : Lax.broadcastInDim(p, x.shape(), 0);
    }

    /**
     * JAX's {@code _while_loop_batching_rule}: a batched predicate makes every carry batched (along 0) and
     * the {@code while} itself runs each lane until its own predicate is false; an unbatched predicate
     * of rank r (from an inner vmap) puts the batched carries' axis after it.
     */
    static Batched whileLoop(While w, List<Array> values, Ints dims, int size, String name) {
        int cc = w.condNconsts(), bc = w.bodyNconsts(), n = values.size() - cc - bc;
        boolean[] bconstBat = mapped(dims, cc, cc + bc), carryBat = mapped(dims, cc + bc, cc + bc + n);
        boolean[] cconstBat = mapped(dims, 0, cc);
        while (CfJaxprs.orInto(carryBat, batchJaxpr(w.bodyJaxpr(), CfJaxprs.cat(bconstBat, carryBat), size, name, carryBat)
                .outBatched())) {
            // fixpoint: a carry is batched when the body makes it depend on the batch
        }
        boolean predBat = batchJaxpr(w.condJaxpr(), CfJaxprs.cat(cconstBat, carryBat), size, name, new boolean[1]).outBatched()[0];
        int[] carryDims = new int[n];
        if (predBat) {
            Arrays.fill(carryDims, 0);
        } else {
            int rank = w.condJaxpr().outTypes().getFirst().rank();
            for (int i = 0; i < n; i++) carryDims[i] = carryBat[i] ? rank : NOT_MAPPED;
        }
        int[] cdims = new int[cc], bdims = new int[bc];
        for (int i = 0; i < cc; i++) cdims[i] = dims.get(i);
        for (int i = 0; i < bc; i++) bdims[i] = dims.get(cc + i);
        ClosedJaxpr body = batchJaxprAxes(w.bodyJaxpr(), concat(bdims, carryDims), size, name, carryDims).jaxpr();
        ClosedJaxpr cond = batchJaxprAxes(w.condJaxpr(), concat(cdims, carryDims), size, name,
                new int[] {predBat ? 0 : NOT_MAPPED}).jaxpr();
        List<Array> args = new ArrayList<>(values.subList(0, cc + bc));
        for (int i = 0; i < n; i++) {
            int d = dims.get(cc + bc + i);
            args.add(carryDims[i] == NOT_MAPPED ? values.get(cc + bc + i) : moveTo(values.get(cc + bc + i), d, size, carryDims[i]));
        }
        return new Batched(Trace.bind(new While(cond, cc, body, bc), args), Ints.of(carryDims));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static boolean[] mapped(Ints dims, int from, int to) {
        boolean[] m = new boolean[to - from];
        for (int i = from; i < to; i++) m[i - from] = dims.get(i) != NOT_MAPPED;
        return m;
    }

    static Batched scan(Scan s, List<Array> values, Ints dims, int size, String name) {
        int nc = s.numConsts(), ncar = s.numCarry(), nx = values.size() - nc - ncar;
        int nys = s.jaxpr().outTypes().size() - ncar;
        boolean[] constBat = mapped(dims, 0, nc), carryBat = mapped(dims, nc, nc + ncar), xsBat = mapped(dims, nc + ncar, values.size());
        BatchedJaxpr body;
        while (true) {
            body = batchJaxpr(s.jaxpr(), CfJaxprs.cat(constBat, carryBat, xsBat), size, name,
                    CfJaxprs.cat(carryBat, new boolean[nys]));
            if (!CfJaxprs.orInto(carryBat, Arrays.copyOf(body.outBatched(), ncar))) break;
        }
        List<Array> args = new ArrayList<>();
        for (int i = 0; i < nc + ncar; i++) {
            boolean b = i < nc ? constBat[i] : carryBat[i - nc];
            args.add(atFront(values.get(i), dims.get(i), size, b));
        }
        for (int i = nc + ncar; i < values.size(); i++) {
            Array x = values.get(i);
            int d = dims.get(i);
            args.add(d == NOT_MAPPED || d == 1 ? x : Batchable.moveAxis(x, d, 1));
        }
        List<Array> outs = Trace.bind(new Scan(body.jaxpr(), s.length(), ncar, nc, s.reverse(), s.unroll()), args);
        int[] od = new int[ncar + nys];
        for (int k = 0; k < od.length; k++) od[k] = body.outBatched()[k] ? (k < ncar ? 0 : 1) : NOT_MAPPED;
        return new Batched(outs, Ints.of(od));
    }
}
