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
        System.exit(commandLine().execute(withDefaultCommand(args)));
    }

    /** The command line, reporting the user's errors (bad files, names, shapes) as one line, not a stack trace. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.IOException
                    || ex instanceof UnsupportedOperationException) {
                line.getErr().println("jaxvm " + line.getCommandName() + ": " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cl;
    }

    /** {@code args} with {@code demo} in front when they name no command (none, or options of the demo). */
    static String[] withDefaultCommand(String[] args) {
        if (args.length > 0 && (!args[0].startsWith("-") || java.util.Set.of("-h", "--help", "-V", "--version").contains(args[0]))) {
            return args;
        }
        String[] out = new String[args.length + 1];
        out[0] = "demo";
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
