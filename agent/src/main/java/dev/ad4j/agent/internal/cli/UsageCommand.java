package dev.ad4j.agent.internal.cli;

import java.io.PrintStream;

/**
 * Prints how to use the tool and the agent: {@code help} for everything, {@code help grad}
 * for one command (the same text as {@code grad --help}).
 */
public final class UsageCommand implements Command {

    @Override
    public int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && args[0].equals("grad")) {
            GradCommand.usage(out);
            return 0;
        }
        if (args.length > 0) {
            err.println("ad4j help: no help for '" + String.join(" ", args) + "' (commands: demo, grad, attach, help)");
            return 2;
        }
        out.println("Usage: java -jar ad4j-agent.jar [command] [options]");
        out.println();
        out.println("Commands:");
        out.println("  demo      (default) differentiate y = ln x1 + x1*x2 - sin x2 at (2, 5) and print the");
        out.println("            primal and adjoint traces of Baydin et al. (JMLR 2018), Tables 2 and 3");
        out.println("  grad      differentiate a static method of a jar or class directory at a point");
        out.println("  attach    attach <pid> [options]: load the agent into a running JVM (classes it loads");
        out.println("            afterwards are rewritten; those already loaded are reported)");
        out.println("  help      print this text; help grad (or grad --help) for the options of grad");
        out.println();
        GradCommand.usage(out);
        out.println();
        out.println("As an agent: java -javaagent:ad4j-agent.jar=includes=com.acme.*[,option=value...] ...");
        out.println("  includes=P1:P2   classes to differentiate (* and ? wildcards; default *)");
        out.println("  excludes=P1:P2   classes to leave alone");
        out.println("  maxTape=SIZE     tape memory budget, k/m/g suffixes (default: half the maximum heap)");
        out.println("  strict=true      stop the JVM when a class cannot be instrumented");
        out.println("  verbose=true     print each instrumented class");
        out.println("  diagnostics=true report each place where an active value loses its derivative");
        out.println("  rules=FILE       derivative rules for library methods (docs/third-party.md)");
        out.println("  dump=DIR         write rewritten class files to DIR");
        return 0;
    }
}
