package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.ACC_INTERFACE;
import static org.objectweb.asm.Opcodes.V1_6;
import static org.objectweb.asm.Opcodes.V9;

import org.objectweb.asm.tree.ClassNode;

/** What a class file's version lets the rewriter add to it. */
final class ClassVersions {

    private ClassVersions() {
    }

    /** Whether methods of {@code host} carry stack map frames (version 50 and later); older ones get none. */
    static boolean hasFrames(ClassNode host) {
        return (host.version & 0xFFFF) >= V1_6;
    }

    /** Whether {@code host} may declare private methods: any class, an interface from version 53 (Java 9). */
    static boolean declaresPrivateMethods(ClassNode host) {
        return (host.access & ACC_INTERFACE) == 0 || (host.version & 0xFFFF) >= V9;
    }
}
