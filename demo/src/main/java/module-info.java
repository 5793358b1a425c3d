/** The jaxvm command line: {@code ./jaxvm demo}, {@code ./jaxvm tour}, {@code ./jaxvm convolve}. */
module dev.jaxvm.demo {
    requires dev.jaxvm;
    requires info.picocli;

    opens dev.jaxvm.cli to info.picocli;
}
