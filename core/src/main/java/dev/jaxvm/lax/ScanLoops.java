package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Trace;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.tree.Tree;
import dev.jaxvm.tree.TreeDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Staging of {@code Lax.scan} (JAX's {@code scan}) and the concrete loop shared by evaluation and the compiled kernel. */
final class ScanLoops {
    private ScanLoops() {}

    private record Created(CfTrace.Traced body, TreeDef carryTree, TreeDef ysTree) {
        List<ArrayType> carryOut(int n) { return body.outTypes().subList(0, n); }
    }

    static <C, X, Y> ScanResult<C, Y> scan(BiFunction<C, X, ScanResult<C, Y>> f, C init, X xs, Integer length,
            boolean reverse, int unroll, String api) {
        if (f == null) throw new IllegalArgumentException("lax.scan: f argument should be callable.");
        Tree.Flat initFlat = Tree.flatten(init), xsFlat = Tree.flatten(xs);
        TreeDef initTree = initFlat.treeDef(), xsTree = xsFlat.treeDef();
        List<Array> carry = new ArrayList<>(CfTrace.arrays(initFlat.leaves(), api));
        List<Array> xsVals = CfTrace.arrays(xsFlat.leaves(), api);
        int n = length(xsVals, length);
        if (unroll < 0) throw new IllegalArgumentException("`unroll` must be a `bool` or a non-negative `int`.");
        List<ArrayType> xTypes = new ArrayList<>();
        for (Array x : xsVals) xTypes.add(Slabs.rowType(x.type()));
        int nc = carry.size();
        Created c = create(f, initTree, xsTree, CfTrace.types(carry), xTypes);
        if (c.carryTree().numLeaves() != nc) Loops.checkCarryTree("scan body", initTree, c.carryTree());
        boolean changed = false;
        for (int i = 0; i < nc; i++) {
            Array p = CfTrace.promoteWeak(carry.get(i), c.carryOut(nc).get(i));
            if (p != null) {
                carry.set(i, p);
                changed = true;
            }
        }
        if (changed) c = create(f, initTree, xsTree, CfTrace.types(carry), xTypes);
        Loops.checkCarryTree("scan body", initTree, c.carryTree());
        Loops.checkCarry("scan body", CfTrace.types(carry), c.carryOut(nc));
        List<Array> outs = bind(c.body(), carry, xsVals, n, reverse, unroll);
        C carryOut = Tree.unflatten(c.carryTree(), outs.subList(0, nc));
        Y ys = Tree.unflatten(c.ysTree(), outs.subList(nc, outs.size()));
        return new ScanResult<>(carryOut, ys);
    }

    @SuppressWarnings("unchecked")
    private static <C, X, Y> Created create(BiFunction<C, X, ScanResult<C, Y>> f, TreeDef initTree, TreeDef xsTree,
            List<ArrayType> carryTypes, List<ArrayType> xTypes) {
        TreeDef[] trees = new TreeDef[2];
        int nc = carryTypes.size();
        CfTrace.Traced body = CfTrace.trace(args -> {
            C c = Tree.unflatten(initTree, args.subList(0, nc));
            X x = Tree.unflatten(xsTree, args.subList(nc, args.size()));
            Object r = f.apply(c, x);
            if (!(r instanceof ScanResult<?, ?> sr)) {
                throw new IllegalArgumentException("scan body output must be a pair, got " + r + ".");
            }
            trees[0] = Tree.structure(sr.carry());
            trees[1] = Tree.structure(sr.ys());
            return Arrays.asList(sr.carry(), sr.ys());
        }, CfTrace.concat(carryTypes, xTypes), "scan");
        return new Created(body, trees[0], trees[1]);
    }

    /** JAX's {@code _infer_scan_length}. */
    private static int length(List<Array> xs, Integer length) {
        for (Array x : xs) {
            if (x.ndim() == 0) throw new IllegalArgumentException("scan got value with no leading axis to scan over: " + x + ".");
        }
        if (length != null) {
            for (Array x : xs) {
                if (x.shape()[0] != length) {
                    List<Integer> ls = new ArrayList<>();
                    for (Array y : xs) ls.add(y.shape()[0]);
                    throw new IllegalArgumentException("scan got `length` argument of " + length
                            + " which disagrees with leading axis sizes " + ls + ".");
                }
            }
            return length;
        }
        if (xs.isEmpty()) throw new IllegalArgumentException("scan got no values to scan over and `length` not provided.");
        int n = xs.getFirst().shape()[0];
        for (Array x : xs) {
            if (x.shape()[0] != n) {
                StringBuilder b = new StringBuilder();
                for (Array y : xs) b.append(b.isEmpty() ? "" : ", ").append(y.shape()[0]);
                throw new IllegalArgumentException("scan got values with different leading axis sizes: " + b + ".");
            }
        }
        return n;
    }

    /**
     * Binds {@code scan} as JAX does: carries the body forwards unchanged become constants, and per-step
     * outputs that are slices of a scanned operand are that operand, not computed.
     */
    private static List<Array> bind(CfTrace.Traced body, List<Array> init, List<Array> xs, int length, boolean reverse,
            int unroll) {
        int numConsts = body.consts().size(), numCarry = init.size(), numXs = xs.size();
        ClosedJaxpr jaxpr = body.jaxpr();
        int[] fwd = CfTrace.forwarding(jaxpr.jaxpr());
        int numYs = fwd.length - numCarry;
        boolean[] move = new boolean[numCarry];
        boolean any = false;
        for (int i = 0; i < numCarry; i++) any |= move[i] = fwd[i] == numConsts + i;
        List<Array> args = CfTrace.concat(init, xs);
        List<Array> consts = body.consts(), newConsts = new ArrayList<>();
        if (any) {
            boolean[] keep = new boolean[fwd.length];
            Arrays.fill(keep, true);
            boolean[] front = new boolean[numConsts + numCarry + numXs];
            for (int i = 0; i < numCarry; i++) {
                keep[i] = !move[i];
                front[numConsts + i] = move[i];
            }
            jaxpr = CfTrace.moveToFront(CfTrace.pruneOutputs(jaxpr, keep), front);
            List<Array> rest = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) (i < numCarry && move[i] ? newConsts : rest).add(args.get(i));
            args = rest;
            consts = CfTrace.concat(newConsts, consts);
            numCarry -= newConsts.size();
        }
        int[] extFwd = new int[numYs];
        boolean[] keep = new boolean[numCarry + numYs];
        Arrays.fill(keep, true);
        for (int k = 0; k < numYs; k++) {
            int f = fwd[fwd.length - numYs + k];
            extFwd[k] = f >= 0 && f >= numCarry + consts.size() ? f - consts.size() : -1;
            keep[numCarry + k] = extFwd[k] < 0;
        }
        jaxpr = CfTrace.pruneOutputs(jaxpr, keep);
        List<Array> out = Trace.bind(new Scan(jaxpr, length, numCarry, consts.size(), reverse, unroll),
                CfTrace.concat(consts, args));
        List<Array> result = new ArrayList<>(out.subList(0, numCarry));
        for (int k = 0, j = numCarry; k < numYs; k++) result.add(extFwd[k] < 0 ? out.get(j++) : args.get(extFwd[k]));
        if (!any) return result;
        List<Array> merged = new ArrayList<>();
        for (int i = 0, a = 0, b = 0; i < move.length; i++) merged.add(move[i] ? newConsts.get(b++) : result.get(a++));
        merged.addAll(result.subList(numCarry, result.size()));
        return merged;
    }

    /** Runs a scan on concrete operands, the body given as a function (evaluated or compiled). */
    static List<DenseArray> run(Scan s, List<DenseArray> in, List<ArrayType> out,
            Function<List<DenseArray>, List<DenseArray>> body) {
        int nc = s.numConsts(), ncar = s.numCarry(), n = s.length();
        List<DenseArray> consts = in.subList(0, nc);
        List<DenseArray> carry = new ArrayList<>(in.subList(nc, nc + ncar));
        List<DenseArray> xs = in.subList(nc + ncar, in.size());
        int nys = out.size() - ncar;
        Object[] ys = new Object[nys];
        for (int k = 0; k < nys; k++) ys[k] = Slabs.allocate(out.get(ncar + k));
        for (int step = 0; step < n; step++) {
            int i = s.reverse() ? n - 1 - step : step;
            List<DenseArray> args = new ArrayList<>(consts);
            args.addAll(carry);
            for (DenseArray x : xs) args.add(Slabs.row(x, i));
            List<DenseArray> res = body.apply(args);
            carry = new ArrayList<>(res.subList(0, ncar));
            for (int k = 0; k < nys; k++) Slabs.put(ys[k], i, res.get(ncar + k));
        }
        List<DenseArray> result = new ArrayList<>(Loops.withWeakTypes(carry, out.subList(0, ncar)));
        for (int k = 0; k < nys; k++) result.add(DenseArray.wrap(out.get(ncar + k), ys[k]));
        return result;
    }
}
