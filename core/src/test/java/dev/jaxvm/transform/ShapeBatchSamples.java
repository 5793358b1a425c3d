package dev.jaxvm.transform;

import static dev.jaxvm.transform.BatchSamples.f32;
import static dev.jaxvm.transform.BatchSamples.i32;

import dev.jaxvm.DType;
import dev.jaxvm.core.Ints;
import dev.jaxvm.lax.Concatenate;
import dev.jaxvm.lax.DotDimensionNumbers;
import dev.jaxvm.lax.DotGeneral;
import dev.jaxvm.lax.DynamicSlice;
import dev.jaxvm.lax.DynamicUpdateSlice;
import dev.jaxvm.lax.Gather;
import dev.jaxvm.lax.GatherDimensionNumbers;
import dev.jaxvm.lax.GatherScatterMode;
import dev.jaxvm.lax.Pad;
import dev.jaxvm.lax.PyInt;
import dev.jaxvm.lax.Rev;
import dev.jaxvm.lax.Scatter;
import dev.jaxvm.lax.ScatterAdd;
import dev.jaxvm.lax.ScatterDimensionNumbers;
import dev.jaxvm.lax.ScatterMax;
import dev.jaxvm.lax.ScatterMin;
import dev.jaxvm.lax.ScatterMul;
import dev.jaxvm.lax.ScatterSub;
import dev.jaxvm.lax.Sort;
import dev.jaxvm.lax.Split;
import dev.jaxvm.lax.Tile;
import dev.jaxvm.lax.TopK;
import dev.jaxvm.transform.BatchSamples.Sample;
import java.util.List;

/** Batching samples for the shape, indexing and linear-algebra primitives. */
final class ShapeBatchSamples {
    private ShapeBatchSamples() {}

    static final ScatterDimensionNumbers ROWS =
            new ScatterDimensionNumbers(Ints.of(1), Ints.of(0), Ints.of(0));

    static List<Sample> of(String name) {
        GatherScatterMode clip = GatherScatterMode.CLIP, fill = GatherScatterMode.FILL_OR_DROP;
        return switch (name) {
            case "Rev" -> List.of(new Sample(new Rev(Ints.of(0, 2)), List.of(f32(2, 3, 4))));
            case "Split" -> List.of(new Sample(new Split(1, PyInt.list(new int[] {1, 2}, false)), List.of(f32(2, 3))));
            case "TopK" -> List.of(new Sample(new TopK(1, 2), List.of(f32(3, 4))));
            case "Sort" -> List.of(new Sample(new Sort(1, true, 1), List.of(f32(3, 4), i32(3, 4))),
                    new Sample(new Sort(0, true, 2), List.of(i32(4), i32(4))));
            case "Concatenate" -> List.of(new Sample(new Concatenate(1), List.of(f32(2, 3), f32(2, 1))));
            case "Tile" -> List.of(new Sample(new Tile(Ints.of(2, 1)), List.of(f32(2, 3))));
            case "Pad" -> List.of(new Sample(Pad.of(new int[][] {{1, 2, 0}, {0, -1, 1}}), List.of(f32(3, 4), f32())));
            case "DynamicSlice" -> List.of(new Sample(new DynamicSlice(Ints.of(2, 2)), List.of(f32(4, 5), i32(), i32())));
            case "DynamicUpdateSlice" -> List.of(new Sample(new DynamicUpdateSlice(), List.of(f32(4, 5), f32(2, 2), i32(), i32())));
            case "Gather" -> List.of(
                    new Sample(new Gather(new GatherDimensionNumbers(Ints.of(1), Ints.of(0), Ints.of(0)), null, false, clip,
                            Ints.of(1, 5), false), List.of(f32(4, 5), i32(3, 1))),
                    new Sample(new Gather(new GatherDimensionNumbers(Ints.of(), Ints.of(0, 1), Ints.of(0, 1)), null, false, fill,
                            Ints.of(1, 1), false), List.of(f32(3, 3), i32(2, 2))),
                    new Sample(new Gather(new GatherDimensionNumbers(Ints.of(), Ints.of(1), Ints.of(1), Ints.of(0), Ints.of(0)),
                            null, false, clip, Ints.of(1, 1), false), List.of(f32(3, 4), i32(3, 1))));
            case "Scatter" -> List.of(new Sample(new Scatter(ROWS, false, fill, false, DType.FLOAT32), List.of(f32(4, 5), i32(3, 1), f32(3, 5))));
            case "ScatterAdd" -> List.of(new Sample(new ScatterAdd(ROWS, false, fill, false, DType.FLOAT32), List.of(f32(4, 5), i32(3, 1), f32(3, 5))),
                    new Sample(new ScatterAdd(new ScatterDimensionNumbers(Ints.of(), Ints.of(1), Ints.of(1), Ints.of(0), Ints.of(0)), false, clip, false, DType.FLOAT32), List.of(f32(3, 4), i32(3, 1), f32(3))));
            case "ScatterSub" -> List.of(new Sample(new ScatterSub(ROWS, false, clip, false, DType.FLOAT32), List.of(f32(4, 5), i32(2, 1), f32(2, 5))));
            case "ScatterMul" -> List.of(new Sample(new ScatterMul(ROWS, false, fill, false, DType.FLOAT32), List.of(f32(4, 5), i32(2, 1), f32(2, 5))));
            case "ScatterMin" -> List.of(new Sample(new ScatterMin(ROWS, false, fill, false, DType.INT32), List.of(i32(4, 5), i32(2, 1), i32(2, 5))));
            case "ScatterMax" -> List.of(new Sample(new ScatterMax(ROWS, false, fill, false, DType.FLOAT32), List.of(f32(4, 5), i32(2, 1), f32(2, 5))));
            case "DotGeneral" -> List.of(
                    new Sample(new DotGeneral(DotDimensionNumbers.of(new int[] {1}, new int[] {0}, new int[0], new int[0]),
                            null, null), List.of(f32(3, 4), f32(4, 2))),
                    new Sample(new DotGeneral(DotDimensionNumbers.of(new int[] {2}, new int[] {1}, new int[] {0}, new int[] {0}),
                            null, null), List.of(f32(2, 3, 4), f32(2, 4, 5))),
                    new Sample(new DotGeneral(DotDimensionNumbers.of(new int[] {0}, new int[] {0}, new int[0], new int[0]),
                            null, null), List.of(i32(4), i32(4))));
            default -> List.of();
        };
    }
}
