/** The jaxvm command line: {@code ./jaxvm demo}, {@code ./jaxvm tour}, {@code ./jaxvm convolve}. */
module dev.jaxvm.demo {
    requires dev.jaxvm;
    requires info.picocli;
    requires org.knowm.xchart;
    requires me.tongfei.progressbar;
    requires java.desktop;
    requires java.management;

    opens dev.jaxvm.cli to info.picocli;
}
