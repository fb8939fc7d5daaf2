package dev.ad4j.agent;

import dev.ad4j.AD;
import dev.ad4j.agent.internal.AdTransformer;
import dev.ad4j.agent.internal.RuntimeOnBootPath;
import dev.ad4j.agent.internal.options.AgentOptions;
import dev.ad4j.agent.internal.rewrite.RulesFile;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

/**
 * Entry point of {@code -javaagent:ad4j-agent.jar=includes=com.acme.*}: parses the options
 * (a malformed option stops the JVM at start) and installs the rewriting transformer.
 */
public final class Agent {

    private Agent() {
    }

    /**
     * Called by the JVM before {@code main}.
     *
     * @param args the agent options, e.g. {@code includes=com.acme.*:org.foo.*,maxTape=256m}
     * @param inst the instrumentation service
     */
    public static void premain(String args, Instrumentation inst) {
        install(args, inst);
    }

    /**
     * Called when the agent is attached to a running JVM. Classes already loaded stay as they
     * are: only classes loaded after the attach are rewritten.
     */
    public static void agentmain(String args, Instrumentation inst) {
        install(args, inst);
    }

    private static void install(String args, Instrumentation inst) {
        try {
            if (!RuntimeOnBootPath.install(inst)) {
                System.err.println("ad4j: WARNING the agent jar has no embedded runtime; class loaders that"
                        + " cannot see the application class path will not find it");
            }
        } catch (java.io.IOException e) {
            System.err.println("ad4j: cannot put the runtime on the boot class path: " + e);
            Runtime.getRuntime().halt(2);
        }
        AgentOptions options;
        try {
            options = new AgentOptions(args);
            if (options.rules() != null) {
                RulesFile.load(Path.of(options.rules()));
            }
        } catch (IllegalArgumentException e) {
            System.err.println("ad4j: " + e.getMessage());
            System.err.flush();
            Runtime.getRuntime().halt(2);
            return;
        }
        options.protectedSelections().forEach(w -> System.err.println("ad4j: WARNING " + w));
        if (options.maxTapeBytes() != Long.MAX_VALUE) {
            AD.setMaxTapeBytes(options.maxTapeBytes());
        }
        inst.addTransformer(new AdTransformer(options, System.err));
    }
}
