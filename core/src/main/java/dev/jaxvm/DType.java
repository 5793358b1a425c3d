package dev.jaxvm;

/**
 * The element types of jaxvm arrays: JAX's dtypes, named as NumPy names them.
 *
 * <p>Each constant carries its NumPy name ({@code "float32"}), the short name JAX prints in Jaxpr
 * types ({@code "f32"}), its size in bytes and its {@link Kind}. As in JAX, 64-bit types are off by
 * default: {@link #canonicalize()} maps them to their 32-bit counterparts unless
 * {@code Jax.config().enableX64(true)} was called (or the system property {@code jaxvm.enable_x64}
 * is {@code true}).
 *
 * {@snippet :
 * Array x = Jnp.zeros(new int[] {2, 2}, DType.UINT8);
 * assert x.dtype() == DType.UINT8 && DType.FLOAT64.canonicalize() == DType.FLOAT32;
 * }
 */
public enum DType {
    BOOL("bool", "bool", 1, Kind.BOOL),
    INT8("int8", "i8", 1, Kind.INT),
    INT16("int16", "i16", 2, Kind.INT),
    INT32("int32", "i32", 4, Kind.INT),
    INT64("int64", "i64", 8, Kind.INT),
    UINT8("uint8", "u8", 1, Kind.UINT),
    UINT16("uint16", "u16", 2, Kind.UINT),
    UINT32("uint32", "u32", 4, Kind.UINT),
    UINT64("uint64", "u64", 8, Kind.UINT),
    FLOAT16("float16", "f16", 2, Kind.FLOAT),
    BFLOAT16("bfloat16", "bf16", 2, Kind.FLOAT),
    FLOAT32("float32", "f32", 4, Kind.FLOAT),
    FLOAT64("float64", "f64", 8, Kind.FLOAT),
    /** The dtype of tangents and cotangents of integer values: it holds no data. */
    FLOAT0("float0", "float0", 0, Kind.FLOAT0);

    /** The categories of dtypes, as in NumPy's {@code dtype.kind}. */
    public enum Kind { BOOL, INT, UINT, FLOAT, FLOAT0 }

    private final String numpyName;
    private final String shortName;
    private final int itemSize;
    private final Kind kind;

    DType(String numpyName, String shortName, int itemSize, Kind kind) {
        this.numpyName = numpyName;
        this.shortName = shortName;
        this.itemSize = itemSize;
        this.kind = kind;
    }

    /** NumPy's name of this dtype, e.g. {@code "float32"}; also its {@link #toString()}. */
    public String numpyName() { return numpyName; }

    /** The short name used in Jaxpr types, e.g. {@code "f32"}. */
    public String shortName() { return shortName; }

    /** Bytes per element. */
    public int itemSize() { return itemSize; }

    /** The dtype's category. */
    public Kind kind() { return kind; }

    /** True for floating-point dtypes (including {@link #FLOAT0}'s absence of data: false there). */
    public boolean isFloating() { return kind == Kind.FLOAT; }

    /** True for signed and unsigned integer dtypes. */
    public boolean isInteger() { return kind == Kind.INT || kind == Kind.UINT; }

    /** True for unsigned integer dtypes. */
    public boolean isUnsigned() { return kind == Kind.UINT; }

    /** Number of bits per element. */
    public int bits() { return itemSize * 8; }

    /**
     * The dtype actually used for a request of this one: with x64 disabled (the default), 64-bit
     * types become their 32-bit counterparts, as {@code jax.dtypes.canonicalize_dtype} does.
     */
    public DType canonicalize() {
        if (Jax.config().enableX64()) return this;
        return switch (this) {
            case INT64 -> INT32;
            case UINT64 -> UINT32;
            case FLOAT64 -> FLOAT32;
            case BOOL, INT8, INT16, INT32, UINT8, UINT16, UINT32, FLOAT16, BFLOAT16, FLOAT32, FLOAT0 -> this;
        };
    }

    /** The default integer dtype: int32, or int64 with x64 enabled. */
    public static DType defaultInt() { return INT64.canonicalize(); }

    /** The default unsigned dtype: uint32, or uint64 with x64 enabled. */
    public static DType defaultUint() { return UINT64.canonicalize(); }

    /** The default floating dtype: float32, or float64 with x64 enabled. */
    public static DType defaultFloat() { return FLOAT64.canonicalize(); }

    /**
     * The dtype with the given NumPy name ({@code "float32"}) or short name ({@code "f32"}).
     *
     * @throws IllegalArgumentException if no dtype has that name
     */
    public static DType of(String name) {
        for (DType t : values()) {
            if (t.numpyName.equals(name) || t.shortName.equals(name)) return t;
        }
        throw new IllegalArgumentException("unknown dtype: '" + name + "'");
    }

    @Override
    public String toString() { return numpyName; }
}
