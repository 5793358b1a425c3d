package dev.jaxvm.transform;

import static dev.jaxvm.transform.BatchSamples.bool;
import static dev.jaxvm.transform.BatchSamples.f32;
import static dev.jaxvm.transform.BatchSamples.i32;

import dev.jaxvm.DType;
import dev.jaxvm.core.Ints;
import dev.jaxvm.lax.Argmax;
import dev.jaxvm.lax.Argmin;
import dev.jaxvm.lax.BitcastConvertType;
import dev.jaxvm.lax.Clamp;
import dev.jaxvm.lax.Cumlogsumexp;
import dev.jaxvm.lax.Cummax;
import dev.jaxvm.lax.Cummin;
import dev.jaxvm.lax.Cumprod;
import dev.jaxvm.lax.Cumsum;
import dev.jaxvm.lax.IntegerPow;
import dev.jaxvm.lax.ReduceAnd;
import dev.jaxvm.lax.ReduceMax;
import dev.jaxvm.lax.ReduceMin;
import dev.jaxvm.lax.ReduceOr;
import dev.jaxvm.lax.ReducePrecision;
import dev.jaxvm.lax.ReduceProd;
import dev.jaxvm.lax.ReduceXor;
import dev.jaxvm.transform.BatchSamples.Sample;
import java.util.List;

/** Batching samples for the reductions, scans and elementwise primitives with parameters. */
final class ElemBatchSamples {
    private ElemBatchSamples() {}

    static List<Sample> of(String name) {
        return switch (name) {
            case "Round" -> BatchSamples.elementwise(new dev.jaxvm.lax.Round(1));
            case "ReduceMax" -> List.of(new Sample(new ReduceMax(Ints.of(0, 2)), List.of(f32(2, 3, 4))));
            case "ReduceMin" -> List.of(new Sample(new ReduceMin(Ints.of(1)), List.of(i32(3, 4))));
            case "ReduceProd" -> List.of(new Sample(new ReduceProd(Ints.of(0)), List.of(f32(3, 4))));
            case "ReduceAnd" -> List.of(new Sample(new ReduceAnd(Ints.of(1)), List.of(bool(3, 4))));
            case "ReduceOr" -> List.of(new Sample(new ReduceOr(Ints.of(0)), List.of(bool(3, 4))));
            case "ReduceXor" -> List.of(new Sample(new ReduceXor(Ints.of(0, 1)), List.of(bool(3, 4))));
            case "Argmax" -> List.of(new Sample(new Argmax(Ints.of(1), DType.INT32), List.of(f32(3, 4))));
            case "Argmin" -> List.of(new Sample(new Argmin(Ints.of(0), DType.INT32), List.of(i32(3, 4))));
            case "Cumsum" -> List.of(new Sample(new Cumsum(1, false), List.of(f32(3, 4))));
            case "Cumprod" -> List.of(new Sample(new Cumprod(0, true), List.of(f32(3, 4))));
            case "Cummax" -> List.of(new Sample(new Cummax(1, true), List.of(i32(3, 4))));
            case "Cummin" -> List.of(new Sample(new Cummin(0, false), List.of(f32(3, 4))));
            case "Cumlogsumexp" -> List.of(new Sample(new Cumlogsumexp(1, false), List.of(f32(3, 4))));
            case "IntegerPow" -> List.of(new Sample(new IntegerPow(3), List.of(f32(3, 4))),
                    new Sample(new IntegerPow(2), List.of(i32())));
            case "ReducePrecision" -> List.of(new Sample(new ReducePrecision(5, 10), List.of(f32(3, 4))));
            case "BitcastConvertType" -> List.of(new Sample(new BitcastConvertType(DType.INT32), List.of(f32(3, 4))),
                    new Sample(new BitcastConvertType(DType.UINT8), List.of(f32(3))),
                    new Sample(new BitcastConvertType(DType.FLOAT32), List.of(dev.jaxvm.core.ArrayType.of(DType.UINT8, 2, 4))));
            case "Clamp" -> List.of(new Sample(new Clamp(), List.of(f32(), f32(3, 4), f32())),
                    new Sample(new Clamp(), List.of(f32(3, 4), f32(3, 4), f32(3, 4))));
            default -> List.of();
        };
    }
}
