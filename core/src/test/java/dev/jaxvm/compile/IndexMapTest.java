package dev.jaxvm.compile;

import dev.jaxvm.DType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.ScalarOp;
import dev.jaxvm.core.Shape;
import dev.jaxvm.core.Storage;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.lax.Lax;
import dev.jaxvm.core.Trace;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index-map vocabulary is enough for the movement ops still to come: a concatenation (select
 * between clamped reads) and a reversal, written here as test primitives, fuse with their consumers.
 */
class IndexMapTest {
    /** Joins two vectors. */
    record Concat(int n1, int n2) implements Lowerable {
        public String name() { return "concat"; }
        public List<ArrayType> abstractEval(List<ArrayType> in) { return List.of(in.getFirst().withShape(Shape.of(n1 + n2))); }
        public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
            Object d = Storage.allocate(out.getFirst().dtype(), n1 + n2);
            System.arraycopy(in.get(0).buffer(), 0, d, 0, n1);
            System.arraycopy(in.get(1).buffer(), 0, d, n1, n2);
            return List.of(DenseArray.wrap(out.getFirst(), d));
        }
        public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
            return new Lowering.IndexMap((idx, x) -> {
                Ix o = idx.getFirst();
                Expr second = Expr.lane(ScalarOp.GE, new Expr.Index(o, DType.INT32), new Expr.Const(DType.INT32, n1, n1));
                return new Expr.Select(second, List.of(x.read(0, List.of(Ix.clamp(o, 0, n1 - 1))),
                        x.read(1, List.of(Ix.clamp(Ix.add(o, Ix.of(-n1)), 0, n2 - 1)))));
            });
        }
    }

    /** Reverses a vector. */
    record Rev() implements Lowerable {
        public String name() { return "rev"; }
        public List<ArrayType> abstractEval(List<ArrayType> in) { return List.of(in.getFirst()); }
        public List<DenseArray> evaluate(List<DenseArray> in, List<ArrayType> out) {
            int n = in.getFirst().size();
            Object d = Storage.allocate(out.getFirst().dtype(), n);
            for (int i = 0; i < n; i++) Storage.copyElement(in.getFirst().buffer(), n - 1 - i, d, i);
            return List.of(DenseArray.wrap(out.getFirst(), d));
        }
        public Lowering lower(List<ArrayType> in, List<ArrayType> out) {
            int n = in.getFirst().shape().dim(0);
            return new Lowering.IndexMap((idx, x) -> x.read(0, List.of(Ix.add(Ix.of(n - 1), Ix.mul(idx.getFirst(), -1)))));
        }
    }

    @Test
    void concatenateAndReverseFuseWithTheirConsumers() {
        ArrayType a = ArrayType.of(DType.FLOAT32, 5), b = ArrayType.of(DType.FLOAT32, 12);
        ClosedJaxpr j = Oracle.trace(xs -> List.of(Lax.mul(Trace.bind1(new Rev(), Trace.bind1(new Concat(5, 12), xs.get(0),
                xs.get(1))), Lax.sin(Trace.bind1(new Concat(12, 5), xs.get(1), xs.get(0))))), a, b);
        Random r = new Random(11);
        List<DenseArray> args = List.of(Oracle.random(a, r), Oracle.random(b, r));
        DenseArray want = Oracle.evaluate(j, args).getFirst();
        for (Compiler.Backend backend : Compiler.Backend.values()) {
            Executable e = Compiler.build(j, backend);
            org.junit.jupiter.api.Assertions.assertEquals(1, e.program().kernels().size(), e.asText());
            int ulps = backend == Compiler.Backend.REFERENCE ? 0 : 2; // jaxvm's float32 sin (ScalarMath)
            Oracle.assertClose(want, e.call(args).getFirst(), ulps, backend + "\n" + e.asText());
        }
    }
}
