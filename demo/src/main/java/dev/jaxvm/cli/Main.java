package dev.jaxvm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./jaxvm} command line; without a subcommand it runs {@code demo}. */
@Command(name = "jaxvm", mixinStandardHelpOptions = true, version = "jaxvm 0.1.0",
        description = "JAX for the JVM: demos and tools. Without a command: the convolution demo.",
        subcommands = {DemoCommand.class, TourCommand.class, ConvolveCommand.class})
public final class Main implements Runnable {
    /** Runs the command line. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        String[] effective = args.length == 0 ? new String[] {"demo"} : args;
        System.exit(new CommandLine(new Main()).execute(effective));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
