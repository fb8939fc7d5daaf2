package dev.ad4j.agent;

import dev.ad4j.agent.internal.cli.AttachCommand;
import dev.ad4j.agent.internal.cli.Command;
import dev.ad4j.agent.internal.cli.DemoCommand;
import dev.ad4j.agent.internal.cli.GradCommand;
import dev.ad4j.agent.internal.cli.UsageCommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The command-line tool: {@code java -jar ad4j-agent.jar [command] [options]}. With no
 * arguments it runs the built-in demo.
 */
public final class Main {

    private Main() {
    }

    /** @param args the command and its options */
    public static void main(String[] args) {
        // Traces use overbars and partial signs: print UTF-8 whatever the platform default.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** @return the exit code of the command that {@code args} name */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Command command;
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        String name = args.length == 0 ? "demo" : args[0];
        switch (name) {
            case "demo": command = new DemoCommand(); break;
            case "grad": command = new GradCommand(); break;
            case "attach": command = new AttachCommand(); break;
            case "help": case "--help": case "-h": command = new UsageCommand(); break;
            default:
                err.println("ad4j: unknown command '" + name + "'");
                new UsageCommand().execute(new String[0], err, err);
                return 2;
        }
        return command.execute(rest, out, err);
    }
}
