package dev.jaxvm.lax;

/**
 * An integer parameter value that remembers whether JAX holds it as a NumPy integer: {@code jnp}
 * passes some static sizes as {@code np.int64}, and JAX prints those inside tuples as
 * {@code np.int64(2)} rather than {@code 2} (e.g. {@code split[axis=1 sizes=(np.int64(2), np.int64(2))]}).
 *
 * {@snippet :
 * assert PyInt.numpy(2).toString().equals("np.int64(2)") && PyInt.of(2).toString().equals("2");
 * }
 *
 * @param value the integer
 * @param numpy whether it prints as a NumPy int64
 */
public record PyInt(int value, boolean numpy) {
    /** A plain Python int. */
    public static PyInt of(int value) { return new PyInt(value, false); }

    /** A NumPy {@code int64}. */
    public static PyInt numpy(int value) { return new PyInt(value, true); }

    /** Plain Python ints for each value. */
    public static java.util.List<PyInt> list(int[] values, boolean numpy) {
        java.util.List<PyInt> out = new java.util.ArrayList<>(values.length);
        for (int v : values) out.add(new PyInt(v, numpy));
        return java.util.List.copyOf(out);
    }

    /** The {@code repr} JAX shows inside tuples. */
    @Override
    public String toString() { return numpy ? "np.int64(" + value + ")" : Integer.toString(value); }
}
