package dev.jaxvm.numpy;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.Index;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.core.Ints;
import dev.jaxvm.lax.GatherDimensionNumbers;
import dev.jaxvm.lax.Lax;
import java.util.ArrayList;
import java.util.List;

/**
 * jnp's {@code _index_to_gather}: the gather (or scatter) that implements a NumPy index, with the
 * indices array built by the same sequence of lax operations as jnp.
 *
 * @param sliceShape the shape of {@code x[idx]} (jnp's slice_shape)
 * @param gatherSliceShape the gather's slice sizes
 * @param indices the gather indices (index vector last)
 * @param dnums the dimension numbers
 * @param sortedUnique whether there are no advanced indices (indices sorted and unique)
 * @param reversedYDims result axes to reverse (negative steps)
 * @param newaxisDims result axes added by None
 * @param scalarBoolDims axes added for scalar boolean indices
 */
record GatherPlan(List<Integer> sliceShape, List<Integer> gatherSliceShape, Array indices, GatherDimensionNumbers dnums,
        boolean sortedUnique, List<Integer> reversedYDims, List<Integer> newaxisDims, List<Integer> scalarBoolDims) {

    private record Part(Array array, int startDim) {}

    static GatherPlan of(Indexer input) {
        // positions of advanced items, before expanding the ellipsis (as jnp)
        List<Integer> advPos = new ArrayList<>();
        for (int i = 0; i < input.items.size(); i++) {
            Indexer.Kind k = input.items.get(i).kind();
            if (k == Indexer.Kind.ARRAY || k == Indexer.Kind.INTEGER) advPos.add(i);
        }
        boolean contiguous = true;
        for (int i = 1; i < advPos.size(); i++) contiguous &= advPos.get(i) - advPos.get(i - 1) == 1;
        Indexer ix = input.expandEllipses();
        List<Integer> scalarBoolDims = new ArrayList<>();
        ix = ix.expandScalarBools(scalarBoolDims);
        int[] shape = ix.shape;
        boolean advanced = ix.isAdvanced();
        // normalize_indices
        List<Object> idx = new ArrayList<>();
        for (Indexer.Item it : ix.items) {
            Object v = it.index();
            if (it.kind() == Indexer.Kind.INTEGER) {
                int i = (Integer) v;
                v = i < 0 ? i + shape[it.axes()[0]] : i;
            } else if (it.kind() == Indexer.Kind.ARRAY) {
                v = Indexer.normalize((Array) v, shape[it.axes()[0]]);
            }
            idx.add(v);
        }
        List<Array> advArrays = new ArrayList<>();
        List<Integer> idxAdvAxes = new ArrayList<>(), xAdvAxes = new ArrayList<>();
        if (advanced) {
            int j = 0;
            for (int i = 0; i < ix.items.size(); i++) {
                Indexer.Item it = ix.items.get(i);
                if (it.kind() == Indexer.Kind.NONE) continue;
                if (it.kind() == Indexer.Kind.ARRAY || it.kind() == Indexer.Kind.INTEGER) {
                    Object v = idx.get(i);
                    advArrays.add(v instanceof Integer n ? DenseArray.scalarLong(DType.INT32, true, n) : (Array) v);
                    idxAdvAxes.add(i);
                    xAdvAxes.add(j);
                }
                j++;
            }
        }
        int xAxis = 0, yAxis = 0, collapsedYAxis = 0;
        List<Integer> offsetDims = new ArrayList<>(), collapsed = new ArrayList<>(), startIndexMap = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        List<Integer> gisShape = new ArrayList<>(), sliceShape = new ArrayList<>(), newaxisDims = new ArrayList<>();
        List<Integer> reversed = new ArrayList<>(), gatherSliceShape = new ArrayList<>();
        for (int pos = 0; pos < ix.items.size(); pos++) {
            Indexer.Item it = ix.items.get(pos);
            if (!advArrays.isEmpty() && ((contiguous && pos == idxAdvAxes.getFirst()) || (!contiguous && pos == 0))) {
                List<Array> bc = Shapes.broadcastArrays(advArrays.toArray());
                int[] bshape = bc.getFirst().shape();
                int startDim = gisShape.size();
                for (Array a : bc) parts.add(new Part(IndexLowering.constAwareConvert(a, DType.INT32, false), startDim));
                for (int d : bshape) gisShape.add(d);
                startIndexMap.addAll(xAdvAxes);
                collapsed.addAll(xAdvAxes);
                for (int d : bshape) sliceShape.add(d);
                yAxis += bshape.length;
                collapsedYAxis += bshape.length;
            }
            if (idxAdvAxes.contains(pos)) {
                xAxis++;
                gatherSliceShape.add(1);
                continue;
            }
            switch (it.kind()) {
                case INTEGER, ARRAY -> {
                    if (shape[xAxis] == 0) {
                        throw new IndexOutOfBoundsException("index is out of bounds for axis " + xAxis + " with size 0");
                    }
                    Object v = idx.get(pos);
                    Array a = v instanceof Integer n ? DenseArray.scalarLong(DType.INT32, false, n)
                            : IndexLowering.constAwareConvert((Array) v, DType.INT32, false);
                    parts.add(new Part(a, gisShape.size()));
                    collapsed.add(xAxis);
                    gatherSliceShape.add(1);
                    startIndexMap.add(xAxis);
                    xAxis++;
                }
                case NONE -> {
                    sliceShape.add(1);
                    newaxisDims.add(yAxis);
                    yAxis++;
                }
                case SLICE -> {
                    int[] sss = Indexer.sliceIndices((Index.Slice) it.index(), shape[xAxis]);
                    int start = sss[0], step = sss[2];
                    int size = Indexer.sliceLength(sss[0], sss[1], step);
                    sliceShape.add(size);
                    if (step == 1) {
                        if (size != shape[xAxis]) {
                            parts.add(new Part(DenseArray.scalarLong(DType.INT32, false, start), gisShape.size()));
                            startIndexMap.add(xAxis);
                        }
                        gatherSliceShape.add(size);
                        offsetDims.add(collapsedYAxis);
                    } else {
                        Array ramp = Lax.add(DenseArray.scalarLong(DType.INT32, false, start),
                                Lax.mul(DenseArray.scalarLong(DType.INT32, false, step), Lax.iota(DType.INT32, size)));
                        if (step < 0) {
                            reversed.add(collapsedYAxis);
                            ramp = Lax.rev(ramp, 0);
                        }
                        gatherSliceShape.add(1);
                        parts.add(new Part(ramp, gisShape.size()));
                        startIndexMap.add(xAxis);
                        gisShape.add(size);
                        collapsed.add(xAxis);
                    }
                    collapsedYAxis++;
                    yAxis++;
                    xAxis++;
                }
                case ELLIPSIS, BOOLEAN -> throw new IllegalStateException("unexpected index item " + it);
            }
        }
        Array indices;
        if (parts.isEmpty()) {
            indices = DenseArray.zeros(dev.jaxvm.core.ArrayType.of(DType.INT32, 0));
        } else if (parts.size() == 1) {
            Array g = parts.getFirst().array();
            indices = Jnp.expandDims(g, g.ndim());
        } else {
            int last = gisShape.size();
            gisShape.add(1);
            int[] target = Linalg.ints(gisShape);
            List<Array> cols = new ArrayList<>();
            for (Part p : parts) {
                cols.add(Lax.broadcastInDim(p.array(), target, Shapes.range(p.startDim(), p.startDim() + p.array().ndim())));
            }
            indices = Lax.concatenate(cols, last);
        }
        List<Integer> sortedCollapsed = new ArrayList<>(collapsed);
        sortedCollapsed.sort(null);
        GatherDimensionNumbers dn = new GatherDimensionNumbers(Ints.of(Linalg.ints(offsetDims)),
                Ints.of(Linalg.ints(sortedCollapsed)), Ints.of(Linalg.ints(startIndexMap)));
        return new GatherPlan(sliceShape, gatherSliceShape, indices, dn, advArrays.isEmpty(), reversed, newaxisDims,
                scalarBoolDims);
    }
}
