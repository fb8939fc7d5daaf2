package dev.ad4j.agent.internal.cli;

import dev.ad4j.agent.internal.options.AgentOptions;
import java.io.File;
import java.io.PrintStream;
import java.net.URISyntaxException;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * {@code attach <pid> [options]}: loads the agent into a running JVM (through Byte Buddy's
 * attach support). Only classes the JVM loads afterwards are rewritten; the agent reports, in
 * that JVM, the selected classes that were already loaded.
 */
public final class AttachCommand implements Command {

    @Override
    public int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || args.length > 2 || args[0].equals("--help")) {
            err.println("usage: java -jar ad4j-agent.jar attach <pid> [includes=com.acme.*,...]");
            return args.length == 1 && args[0].equals("--help") ? 0 : 2;
        }
        long pid;
        try {
            pid = Long.parseLong(args[0]);
        } catch (NumberFormatException e) {
            err.println("ad4j attach: '" + args[0] + "' is not a process id");
            return 2;
        }
        String options = args.length == 2 ? args[1] : "";
        try {
            new AgentOptions(options);
        } catch (IllegalArgumentException e) {
            err.println("ad4j attach: " + e.getMessage());
            return 2;
        }
        File jar;
        try {
            jar = new File(AttachCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            err.println("ad4j attach: cannot locate the agent jar: " + e);
            return 1;
        }
        if (!jar.isFile()) {
            err.println("ad4j attach: run this command from ad4j-agent.jar (found " + jar + ")");
            return 1;
        }
        try {
            ByteBuddyAgent.attach(jar, String.valueOf(pid), options.isEmpty() ? null : options);
        } catch (RuntimeException e) {
            // Byte Buddy wraps the attach API's own error in a message naming its internals.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            err.println("ad4j attach: cannot attach to process " + pid + ": "
                    + (root == e ? e.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage())
                    + " (is it a running JVM of this user? jps lists them)");
            return 1;
        }
        out.println("ad4j: attached to process " + pid + (options.isEmpty() ? "" : " with " + options));
        return 0;
    }
}
