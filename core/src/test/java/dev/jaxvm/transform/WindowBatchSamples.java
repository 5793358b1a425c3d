package dev.jaxvm.transform;

import static dev.jaxvm.transform.BatchSamples.f32;

import dev.jaxvm.core.Ints;
import dev.jaxvm.lax.ConvDimensionNumbers;
import dev.jaxvm.lax.ConvGeneralDilated;
import dev.jaxvm.lax.Pads;
import dev.jaxvm.lax.ReduceWindowMax;
import dev.jaxvm.lax.ReduceWindowMin;
import dev.jaxvm.lax.ReduceWindowSum;
import dev.jaxvm.lax.Rev;
import dev.jaxvm.lax.SelectAndGatherAdd;
import dev.jaxvm.lax.SelectAndScatterAdd;
import dev.jaxvm.transform.BatchSamples.Sample;
import java.util.List;

/** Batching samples for the windowed primitives: convolutions with groups and layouts, pooling and its gradients. */
final class WindowBatchSamples {
    private WindowBatchSamples() {}

    static ConvGeneralDilated conv(int[] strides, int[][] pads, ConvDimensionNumbers dn, int fgc, int bgc) {
        int n = strides.length;
        int[] ones = new int[n];
        java.util.Arrays.fill(ones, 1);
        return new ConvGeneralDilated(Ints.of(strides), Pads.of(pads), Ints.of(ones), Ints.of(ones), dn, fgc, bgc, null, null);
    }

    static List<Sample> of(String name) {
        Ints one2 = Ints.of(1, 1);
        return switch (name) {
            case "ConvGeneralDilated" -> List.of(
                    new Sample(conv(new int[] {1, 1}, new int[][] {{0, 0}, {0, 0}}, ConvDimensionNumbers.defaults(4), 1, 1),
                            List.of(f32(1, 2, 4, 4), f32(3, 2, 2, 2))),
                    new Sample(conv(new int[] {1}, new int[][] {{1, 1}}, ConvDimensionNumbers.defaults(3), 2, 1),
                            List.of(f32(1, 4, 4), f32(4, 2, 3))),
                    new Sample(conv(new int[] {1}, new int[][] {{0, 0}}, ConvDimensionNumbers.defaults(3), 1, 2),
                            List.of(f32(2, 2, 5), f32(4, 2, 2))),
                    new Sample(conv(new int[] {2}, new int[][] {{1, 0}}, ConvDimensionNumbers.of("NWC", "WIO", "NWC"), 1, 1),
                            List.of(f32(1, 5, 2), f32(3, 2, 3))));
            case "ReduceWindowSum" -> List.of(new Sample(new ReduceWindowSum(one2, Pads.of(new int[][] {{0, 1}, {1, 0}}), one2,
                    Ints.of(2, 2), Ints.of(1, 2)), List.of(f32(3, 4))));
            case "ReduceWindowMax" -> List.of(new Sample(new ReduceWindowMax(one2, Pads.zeros(2), Ints.of(2, 1),
                    Ints.of(2, 2), Ints.of(1, 1)), List.of(f32(4, 4))));
            case "ReduceWindowMin" -> List.of(new Sample(new ReduceWindowMin(Ints.of(2, 1), Pads.zeros(2), one2,
                    Ints.of(2, 2), Ints.of(2, 2)), List.of(f32(3, 4))));
            case "SelectAndGatherAdd" -> List.of(new Sample(new SelectAndGatherAdd(one2, Pads.zeros(2),
                    SelectAndScatterAdd.Select.GE, one2, Ints.of(2, 2), Ints.of(2, 2)), List.of(f32(4, 4), f32(4, 4))));
            case "SelectAndScatterAdd" -> List.of(new Sample(new SelectAndScatterAdd(Pads.zeros(2),
                    SelectAndScatterAdd.Select.GE, Ints.of(2, 2), Ints.of(2, 2)), List.of(f32(2, 2), f32(4, 4))));
            case "Rev" -> List.of(new Sample(new Rev(Ints.of(0, 2)), List.of(f32(2, 3, 4))));
            default -> List.of();
        };
    }
}
