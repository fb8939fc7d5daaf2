package dev.ad4j.agent;

import dev.ad4j.AD;
import dev.ad4j.agent.internal.AdTransformer;
import dev.ad4j.agent.internal.options.AgentOptions;
import java.lang.instrument.Instrumentation;

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
        AgentOptions options;
        try {
            options = new AgentOptions(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ad4j: " + e.getMessage());
            System.err.flush();
            Runtime.getRuntime().halt(2);
            return;
        }
        if (options.maxTapeBytes() != Long.MAX_VALUE) {
            AD.setMaxTapeBytes(options.maxTapeBytes());
        }
        inst.addTransformer(new AdTransformer(options, System.err));
    }
}
