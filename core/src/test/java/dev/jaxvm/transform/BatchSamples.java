package dev.jaxvm.transform;

import dev.jaxvm.DType;
import dev.jaxvm.ExtendedDType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Ints;
import dev.jaxvm.core.Primitive;
import dev.jaxvm.core.Shape;
import dev.jaxvm.lax.BroadcastInDim;
import dev.jaxvm.lax.ConvertElementType;
import dev.jaxvm.lax.Elementwise;
import dev.jaxvm.lax.Iota;
import dev.jaxvm.lax.ReduceSum;
import dev.jaxvm.lax.Reshape;
import dev.jaxvm.lax.SelectN;
import dev.jaxvm.lax.Slice;
import dev.jaxvm.lax.Squeeze;
import dev.jaxvm.lax.Stack;
import dev.jaxvm.lax.Transpose;
import java.util.ArrayList;
import java.util.List;

/** Sample applications of each primitive of the catalog (parameters and per-example operand types), for the batching contract. */
final class BatchSamples {
    private BatchSamples() {}

    /**
     * One application of a primitive to operands of the given per-example types.
     *
     * @param primitive the primitive with its parameters
     * @param types the per-example operand types
     */
    record Sample(Primitive primitive, List<ArrayType> types) {
        @Override
        public String toString() { return primitive.name() + primitive.params() + " " + types; }
    }

    static ArrayType f32(int... dims) { return ArrayType.of(DType.FLOAT32, dims); }

    static ArrayType i32(int... dims) { return ArrayType.of(DType.INT32, dims); }

    static ArrayType u32(int... dims) { return ArrayType.of(DType.UINT32, dims); }

    /** A key array type ({@code key<fry>}) of the given logical shape. */
    static ArrayType key(int... dims) { return ArrayType.extended(ExtendedDType.KEY_FRY, Shape.of(dims)); }

    static ArrayType bool(int... dims) { return ArrayType.of(DType.BOOL, dims); }

    /** The samples for primitive class {@code c}; empty when the catalog grew a primitive without samples here. */
    static List<Sample> of(Class<?> c) throws ReflectiveOperationException {
        if (Elementwise.class.isAssignableFrom(c) && c.getRecordComponents().length == 0) {
            return elementwise((Elementwise) c.getDeclaredConstructor().newInstance());
        }
        String n = c.getSimpleName();
        return switch (n) {
            case "ConvertElementType" -> List.of(new Sample(new ConvertElementType(DType.INT32, false), List.of(f32(3, 4))),
                    new Sample(new ConvertElementType(DType.FLOAT32, true), List.of(i32())));
            case "BroadcastInDim" -> List.of(
                    new Sample(new BroadcastInDim(Shape.of(2, 3, 4), Ints.of(0, 2)), List.of(f32(1, 4))),
                    new Sample(new BroadcastInDim(Shape.of(3, 2), Ints.of()), List.of(f32())));
            case "Reshape" -> List.of(new Sample(new Reshape(Ints.of(4, 3), null), List.of(f32(3, 2, 2))),
                    new Sample(new Reshape(Ints.of(), null), List.of(f32(1, 1))));
            case "Squeeze" -> List.of(new Sample(new Squeeze(Ints.of(0, 2)), List.of(f32(1, 3, 1, 2))));
            case "Transpose" -> List.of(new Sample(new Transpose(Ints.of(2, 0, 1)), List.of(f32(2, 3, 4))));
            case "Slice" -> List.of(new Sample(new Slice(Ints.of(1, 0), Ints.of(3, 4), Ints.of(1, 2)), List.of(f32(4, 5))),
                    new Sample(new Slice(Ints.of(0), Ints.of(2), null), List.of(i32(3))),
                    new Sample(new Slice(Ints.of(1, 0), Ints.of(3, 2), null), List.of(key(4, 2))));   // logical indices of keys
            case "Stack" -> List.of(new Sample(new Stack(1), List.of(f32(2, 3), f32(2, 3), f32(2, 3))),
                    new Sample(new Stack(0), List.of(i32(), i32())));
            case "SelectN" -> List.of(new Sample(new SelectN(), List.of(bool(2, 3), f32(2, 3), f32(2, 3))),
                    new Sample(new SelectN(), List.of(bool(), f32(2, 3), f32(2, 3))),
                    new Sample(new SelectN(), List.of(i32(3), f32(3), f32(3), f32(3))));
            case "Jit" -> List.of(new Sample(new dev.jaxvm.lax.Jit("f", dev.jaxvm.ir.StagingInterpreter.trace(
                    xs -> List.of(dev.jaxvm.lax.Lax.mul(dev.jaxvm.lax.Lax.sin(xs.get(0)), xs.get(1)),
                            dev.jaxvm.lax.Lax.reduceSum(xs.get(1), 0)), List.of(f32(2, 3), f32(2, 3)))), List.of(f32(2, 3), f32(2, 3))));
            case "Remat" -> List.of(new Sample(new dev.jaxvm.lax.Remat(dev.jaxvm.ir.StagingInterpreter.trace(
                    xs -> List.of(dev.jaxvm.lax.Lax.mul(dev.jaxvm.lax.Lax.sin(xs.get(0)), xs.get(1))),
                    List.of(f32(2, 3), f32(2, 3))), false), List.of(f32(2, 3), f32(2, 3))));
            case "Cond" -> List.of(new Sample(dev.jaxvm.lax.ControlFlowSamples.cond(DType.FLOAT32), List.of(i32(), f32(2, 3), f32(2, 3))));
            case "While" -> List.of(new Sample(dev.jaxvm.lax.ControlFlowSamples.whileLoop(DType.FLOAT32), List.of(f32(), f32(3), f32(3))));
            case "Scan" -> List.of(new Sample(dev.jaxvm.lax.ControlFlowSamples.scan(DType.FLOAT32, false), List.of(f32(3), f32(3), f32(4, 3))),
                    new Sample(dev.jaxvm.lax.ControlFlowSamples.scan(DType.FLOAT32, true), List.of(f32(3), f32(3), f32(4, 3))));
            case "Unstack" -> List.of(new Sample(new dev.jaxvm.lax.Unstack(1), List.of(f32(2, 3))));
            case "Threefry2x32" -> List.of(new Sample(new dev.jaxvm.lax.Threefry2x32(), List.of(u32(), u32(), u32(3), u32(3))),
                    new Sample(new dev.jaxvm.lax.Threefry2x32(), List.of(u32(2), u32(2), u32(2), u32(2))));
            case "RandomGamma" -> List.of(new Sample(new dev.jaxvm.lax.RandomGamma(false, false), List.of(key(), f32(3))),
                    new Sample(new dev.jaxvm.lax.RandomGamma(true, true), List.of(key(2), f32(2, 3))));
            case "RandomGammaGrad" -> List.of(new Sample(new dev.jaxvm.lax.RandomGammaGrad(), List.of(f32(3), f32(3))));
            case "RandomSeed" -> List.of(new Sample(new dev.jaxvm.lax.RandomSeed(ExtendedDType.KEY_FRY), List.of(i32(3))),
                    new Sample(new dev.jaxvm.lax.RandomSeed(ExtendedDType.KEY_FRY), List.of(u32())));
            case "RandomBits" -> List.of(new Sample(new dev.jaxvm.lax.RandomBits(32, Shape.of(3), true), List.of(key())),
                    new Sample(new dev.jaxvm.lax.RandomBits(8, Shape.of(2, 3), false), List.of(key(2))),
                    new Sample(new dev.jaxvm.lax.RandomBits(64, Shape.of(2), false), List.of(key())));
            case "RandomSplit" -> List.of(new Sample(new dev.jaxvm.lax.RandomSplit(Shape.of(3), true), List.of(key())),
                    new Sample(new dev.jaxvm.lax.RandomSplit(Shape.of(2), false), List.of(key(2))));
            case "RandomFoldIn" -> List.of(new Sample(new dev.jaxvm.lax.RandomFoldIn(), List.of(key(), u32())),
                    new Sample(new dev.jaxvm.lax.RandomFoldIn(), List.of(key(3), u32(3))),
                    new Sample(new dev.jaxvm.lax.RandomFoldIn(), List.of(key(), u32(2))));
            case "RandomWrap" -> List.of(new Sample(new dev.jaxvm.lax.RandomWrap(ExtendedDType.KEY_FRY), List.of(u32(3, 2))));
            case "RandomUnwrap" -> List.of(new Sample(new dev.jaxvm.lax.RandomUnwrap(), List.of(key(3))));
            case "RandomClone" -> List.of(new Sample(new dev.jaxvm.lax.RandomClone(), List.of(key(2))));
            case "Cholesky" -> List.of(new Sample(new dev.jaxvm.lax.Cholesky(), List.of(f32(3, 3))));
            case "Qr" -> List.of(new Sample(new dev.jaxvm.lax.Qr(false), List.of(f32(4, 3))),
                    new Sample(new dev.jaxvm.lax.Qr(true), List.of(f32(2, 3, 2))));
            case "TriangularSolve" -> List.of(
                    new Sample(new dev.jaxvm.lax.TriangularSolve(true, true, false, false, false), List.of(f32(3, 3), f32(3, 2))),
                    new Sample(new dev.jaxvm.lax.TriangularSolve(false, false, true, false, true), List.of(f32(2, 3, 3), f32(2, 4, 3))));
            case "Polygamma", "Zeta", "Igamma", "Igammac", "IgammaGradA" -> List.of(
                    new Sample((Primitive) c.getDeclaredConstructor().newInstance(), List.of(f32(2, 3), f32(2, 3))),
                    new Sample((Primitive) c.getDeclaredConstructor().newInstance(), List.of(f32(), f32(3))));
            case "ConvGeneralDilated", "ReduceWindowSum", "ReduceWindowMax", "ReduceWindowMin", "SelectAndGatherAdd",
                    "SelectAndScatterAdd" -> WindowBatchSamples.of(n);
            case "Iota" -> List.of(new Sample(new Iota(1, DType.INT32, Shape.of(2, 3)), List.of()));
            case "ReduceSum" -> List.of(new Sample(new ReduceSum(Ints.of(0, 2)), List.of(f32(2, 3, 4))),
                    new Sample(new ReduceSum(Ints.of(1)), List.of(i32(3, 4))));
            default -> ShapeBatchSamples.of(n).isEmpty() ? ElemBatchSamples.of(n) : ShapeBatchSamples.of(n);
        };
    }

    /** Unary: a matrix and a scalar; binary: equal shapes, scalar mixed with a matrix, and size-1 broadcasting. */
    static List<Sample> elementwise(Elementwise p) {
        DType t = p.accepts(DType.FLOAT32) ? DType.FLOAT32 : p.accepts(DType.INT32) ? DType.INT32 : DType.BOOL;
        ArrayType m = ArrayType.of(t, 3, 4);
        ArrayType s = ArrayType.of(t);
        ArrayType row = ArrayType.of(t, 1, 4);
        List<Sample> out = new ArrayList<>();
        if (p.scalarOp().arity() == 1) {
            out.add(new Sample(p, List.of(m)));
            out.add(new Sample(p, List.of(s)));
        } else {
            out.add(new Sample(p, List.of(m, m)));
            out.add(new Sample(p, List.of(s, m)));
            out.add(new Sample(p, List.of(row, m)));
        }
        return out;
    }
}
