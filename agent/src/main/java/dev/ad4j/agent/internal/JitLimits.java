package dev.ad4j.agent.internal;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.ad4j.agent.internal.rewrite.ClassRewriter;
import java.lang.management.ManagementFactory;

/** What the running JVM's JIT refuses to compile, as far as the agent needs to know. */
final class JitLimits {

    private static volatile Boolean hugeStayInterpreted;

    private JitLimits() {
    }

    /** @return whether methods over {@link ClassRewriter#HUGE_METHOD_LIMIT} bytes are never compiled (HotSpot's default) */
    static boolean hugeMethodsStayInterpreted() {
        Boolean known = hugeStayInterpreted;
        if (known == null) {
            known = readFlag();
            hugeStayInterpreted = known;
        }
        return known;
    }

    private static boolean readFlag() {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("DontCompileHugeMethods").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or no management module: nothing known to say
        }
    }
}
