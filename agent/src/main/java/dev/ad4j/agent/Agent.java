package dev.ad4j.agent;

import dev.ad4j.AD;
import dev.ad4j.agent.internal.AdTransformer;
import dev.ad4j.agent.internal.HelperCopies;
import dev.ad4j.agent.internal.RuntimeOnBootPath;
import dev.ad4j.agent.internal.options.AgentOptions;
import dev.ad4j.agent.internal.rewrite.RulesFile;
import dev.ad4j.agent.internal.rewrite.StatementHelpers;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.nio.file.Path;

/**
 * Entry point of {@code -javaagent:ad4j-agent.jar=includes=com.acme.*}: parses the options
 * (a malformed option stops the JVM at start) and installs the rewriting transformer.
 */
public final class Agent {

    private Agent() {
    }

    /**
     * Called by the JVM before {@code main}. A malformed option stops the JVM with a message
     * naming it.
     *
     * @param args the agent options, e.g. {@code includes=com.acme.*:org.foo.*,maxTape=256m}
     * @param inst the instrumentation service
     */
    public static void premain(String args, Instrumentation inst) {
        try {
            bootRuntime(inst);
            install(args, inst, Set.of());
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("ad4j: " + e.getMessage());
            System.err.flush();
            Runtime.getRuntime().halt(2);
        }
    }

    /**
     * Called when the agent is attached to a running JVM. Classes already loaded stay as they
     * were (retransformation cannot add the companion fields the rewriting needs): they are
     * reported, and rewritten classes treat their double fields as passive. A malformed option
     * makes the attach fail with a message naming it; the application keeps running.
     */
    public static void agentmain(String args, Instrumentation inst) throws IOException {
        Set<String> loaded = new HashSet<>();
        boolean runtimeLoaded = false;
        for (Class<?> c : inst.getAllLoadedClasses()) {
            loaded.add(c.getName());
            runtimeLoaded |= c.getName().startsWith("dev.ad4j.") && !c.getName().startsWith("dev.ad4j.agent.");
        }
        if (!runtimeLoaded) {
            bootRuntime(inst); // else the application already uses the runtime from its own loader
        }
        AgentOptions options = install(args, inst, loaded);
        List<String> missed = new ArrayList<>();
        for (String name : loaded) {
            if (options.selector().selects(name) && !name.contains("$$Lambda")) {
                missed.add(name);
            }
        }
        if (!missed.isEmpty()) {
            Collections.sort(missed);
            System.err.println("ad4j: WARNING " + missed.size() + " selected classes were loaded before the agent"
                    + " attached and stay uninstrumented (start the JVM with -javaagent to differentiate them): "
                    + String.join(", ", missed));
        }
    }

    private static void bootRuntime(Instrumentation inst) throws IOException {
        if (!RuntimeOnBootPath.install(inst)) {
            System.err.println("ad4j: WARNING the agent jar has no embedded runtime; class loaders that"
                    + " cannot see the application class path will not find it");
        }
    }

    /** Statement helpers of their own for each instrumented class ({@link HelperCopies}); shared ones if that fails. */
    private static void helperCopies() {
        try {
            StatementHelpers.install(HelperCopies.forLoadedRuntime());
        } catch (IOException | RuntimeException e) {
            System.err.println("ad4j: WARNING statement helpers shared by all instrumented classes (" + e + ")");
        }
    }

    private static AgentOptions install(String args, Instrumentation inst, Set<String> preloaded) {
        AgentOptions options = new AgentOptions(args);
        helperCopies();
        if (options.rules() != null) {
            RulesFile.load(Path.of(options.rules()));
        }
        options.protectedSelections().forEach(w -> System.err.println("ad4j: WARNING " + w));
        if (options.maxTapeBytes() != Long.MAX_VALUE) {
            AD.setMaxTapeBytes(options.maxTapeBytes());
        }
        inst.addTransformer(new AdTransformer(options, preloaded, System.err));
        return options;
    }
}
