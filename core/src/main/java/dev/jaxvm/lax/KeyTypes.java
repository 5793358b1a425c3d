package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.ExtendedDType;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Shape;
import java.util.Arrays;

/** Type checks and shape arithmetic shared by the PRNG key primitives. */
final class KeyTypes {
    private KeyTypes() {}

    /** The logical shape of a key array operand, or JAX's error when the operand holds no keys. */
    static Shape keys(String prim, ArrayType t) {
        if (t.extended() != ExtendedDType.KEY_FRY) {
            throw new IllegalArgumentException(prim + " accepts a typed key array (dtype key<fry>), got " + t.toLongString()
                    + ". Wrap raw key data with jax.random.wrap_key_data.");
        }
        return t.logicalShape();
    }

    /** The key array type of the given logical shape. */
    static ArrayType keyType(Shape logical) { return ArrayType.extended(ExtendedDType.KEY_FRY, logical); }

    /** {@code a + b} as shapes. */
    static Shape concat(Shape a, Shape b) {
        int[] x = a.dims();
        int[] y = b.dims();
        int[] d = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, d, x.length, y.length);
        return new Shape(d);
    }

    /** NumPy broadcasting of two shapes (right-aligned, size-1 stretches). */
    static Shape broadcast(String prim, Shape a, Shape b) {
        int r = Math.max(a.rank(), b.rank());
        int[] d = new int[r];
        for (int i = 0; i < r; i++) {
            int x = i - (r - a.rank()) >= 0 ? a.dim(i - (r - a.rank())) : 1;
            int y = i - (r - b.rank()) >= 0 ? b.dim(i - (r - b.rank())) : 1;
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException(prim + ": incompatible shapes for broadcasting: " + a + " and " + b);
            }
            d[i] = x == 1 ? y : x;
        }
        return new Shape(d);
    }

    /** For each flat index of {@code out}, the flat index of a NumPy-broadcast operand of shape {@code in}. */
    static int[] broadcastIndex(Shape in, Shape out) {
        int n = out.size();
        int[] idx = new int[n];
        int[] od = out.dims();
        int off = od.length - in.rank();
        int[] is = in.strides();
        int[] pos = new int[od.length];
        for (int i = 0; i < n; i++) {
            int f = 0;
            for (int k = off; k < od.length; k++) if (in.dim(k - off) != 1) f += pos[k] * is[k - off];
            idx[i] = f;
            for (int k = od.length - 1; k >= 0 && ++pos[k] == od[k]; k--) pos[k] = 0;
        }
        return idx;
    }

    /** The unsigned dtype of a random_bits width. */
    static DType bitsDType(int width) {
        return switch (width) {
            case 8 -> DType.UINT8;
            case 16 -> DType.UINT16;
            case 32 -> DType.UINT32;
            case 64 -> DType.UINT64;
            default -> throw new IllegalArgumentException("random_bits: bit_width must be 8, 16, 32 or 64, got " + width);
        };
    }

    /** Reshapes a key array to the logical shape {@code logical} (its physical data keeps the trailing words). */
    static Array reshapeKeys(Array keys, int[] logical) {
        int[] d = Arrays.copyOf(logical, logical.length + 1);
        d[logical.length] = 2;
        return Lax.reshape(keys, d);
    }
}
