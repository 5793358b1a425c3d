package dev.jaxvm;

/**
 * JAX's extended dtypes ({@code jax.dtypes.extended}): element types that are not numbers but are
 * stored as a fixed block of numeric words. The one member is the threefry2x32 PRNG key dtype
 * {@code key<fry>}, whose every element is two uint32 words.
 *
 * <p>An extended dtype lives beside {@link DType}, not inside it, so that numeric code, whose
 * switches over {@code DType} are exhaustive, is unaffected: an array of keys has the
 * {@link dev.jaxvm.core.ArrayType} of its <em>physical</em> data ({@code uint32[..., 2]}) tagged with
 * {@code KEY_FRY}. Compilers and evaluators see plain uint32 data; the tag makes Jaxprs print
 * {@code key<fry>[...]} (the logical shape, without the trailing words) and lets the PRNG primitives
 * check that they are given keys.
 *
 * {@snippet :
 * KeyArray key = Random.key(0);
 * assert key.base().type().extended() == ExtendedDType.KEY_FRY;
 * assert key.base().type().toString().equals("key<fry>[]");
 * }
 */
public enum ExtendedDType {
    /** A threefry2x32 PRNG key: two uint32 words ({@code jax.random.key}'s dtype). */
    KEY_FRY("key<fry>", "fry", DType.UINT32, 2);

    private final String printName;
    private final String implName;
    private final DType physicalDType;
    private final int words;

    ExtendedDType(String printName, String implName, DType physicalDType, int words) {
        this.printName = printName;
        this.implName = implName;
        this.physicalDType = physicalDType;
        this.words = words;
    }

    /** The name JAX prints, e.g. {@code key<fry>}; also {@link #toString()}. */
    public String printName() { return printName; }

    /** The PRNG implementation's short name, printed as {@code impl=fry}. */
    public String implName() { return implName; }

    /** The numeric dtype of the physical words. */
    public DType physicalDType() { return physicalDType; }

    /** The number of physical words per element: the size of the trailing physical dimension. */
    public int words() { return words; }

    @Override
    public String toString() { return printName; }
}
