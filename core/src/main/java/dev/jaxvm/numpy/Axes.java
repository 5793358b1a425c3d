package dev.jaxvm.numpy;

import java.util.Arrays;

/** Axis arguments: normalising negative axes, checking bounds and duplicates, resolving -1 in reshapes. */
final class Axes {
    private Axes() {}

    /** Normalises one axis against {@code rank}. */
    static int normalize(String fn, int axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw new IllegalArgumentException(fn + ": axis " + axis + " is out of bounds for array of dimension " + rank);
        }
        return axis < 0 ? axis + rank : axis;
    }

    /** Sorted, normalised, distinct axes; all axes when none are given. */
    static int[] canonical(String fn, int[] axes, int rank) {
        if (axes.length == 0) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) all[i] = i;
            return all;
        }
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) out[i] = normalize(fn, axes[i], rank);
        Arrays.sort(out);
        for (int i = 1; i < out.length; i++) {
            if (out[i] == out[i - 1]) throw new IllegalArgumentException(fn + ": repeated axis " + out[i]);
        }
        return out;
    }

    /** Resolves one -1 in a requested shape against the input shape. */
    static int[] resolveReshape(int[] in, int[] requested) {
        long size = 1;
        for (int d : in) size *= d;
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < requested.length; i++) {
            if (requested[i] == -1) {
                if (unknown >= 0) throw new IllegalArgumentException("reshape: can only specify one unknown dimension");
                unknown = i;
            } else if (requested[i] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension " + requested[i]);
            } else {
                known *= requested[i];
            }
        }
        int[] out = requested.clone();
        if (unknown >= 0) {
            if (known == 0 || size % known != 0) throw cannot(in, requested);
            out[unknown] = (int) (size / known);
        } else if (known != size) {
            throw cannot(in, requested);
        }
        return out;
    }

    private static IllegalArgumentException cannot(int[] in, int[] requested) {
        long size = 1;
        for (int d : in) size *= d;
        return new IllegalArgumentException("cannot reshape array of shape " + dev.jaxvm.core.Py.tuple(in) + " (size "
                + size + ") into shape " + dev.jaxvm.core.Py.tuple(requested));
    }
}
