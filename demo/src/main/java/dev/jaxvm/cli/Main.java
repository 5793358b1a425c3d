package dev.jaxvm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./jaxvm} command line. */
@Command(name = "jaxvm", mixinStandardHelpOptions = true, version = "jaxvm 0.1.0",
        description = "JAX for the JVM: demos and tools.",
        subcommands = {TourCommand.class})
public final class Main implements Runnable {
    /** Runs the command line. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
