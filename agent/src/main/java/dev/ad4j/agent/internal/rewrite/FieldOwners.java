package dev.ad4j.agent.internal.rewrite;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;

/**
 * Tells whether a double field, as named by a field instruction, has a companion index field.
 * A field instruction names the receiver's static type, not the class that declares the field,
 * so the declaring class is found by reading class files up the hierarchy — as resources,
 * never by loading a class. Only classes the agent rewrites declare companions.
 */
final class FieldOwners {

    /** Prefix of the companion {@code int} field of a double field. */
    static final String COMPANION_PREFIX = "$ad4j$";

    private final Function<String, byte[]> classFiles;
    private final Predicate<String> rewritten;
    private final Map<String, ClassNode> headers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> companions = new ConcurrentHashMap<>();

    /**
     * @param classFiles class file bytes by internal name, or null if not found
     * @param rewritten whether a class (internal name) is rewritten and so declares companions
     */
    FieldOwners(Function<String, byte[]> classFiles, Predicate<String> rewritten) {
        this.classFiles = classFiles;
        this.rewritten = rewritten;
    }

    static String companion(String field) {
        return COMPANION_PREFIX + field;
    }

    /** @return whether the class (internal name) is rewritten by the same agent or loader */
    boolean rewrites(String owner) {
        return rewritten.test(owner);
    }

    /** @return whether {@code owner.name} (a double field) resolves to a field with a companion */
    boolean hasCompanion(String owner, String name) {
        return companions.computeIfAbsent(owner + "." + name, k -> {
            String declaring = declaringClass(owner, name, 0);
            return declaring != null && rewritten.test(declaring);
        });
    }

    private String declaringClass(String owner, String name, int depth) {
        if (owner == null || depth > 64) {
            return null;
        }
        ClassNode header = header(owner);
        if (header == null) {
            return null;
        }
        for (FieldNode f : header.fields) {
            if (f.name.equals(name) && f.desc.equals("D")) {
                return owner;
            }
        }
        for (String itf : header.interfaces) {
            String found = declaringClass(itf, name, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return declaringClass(header.superName, name, depth + 1);
    }

    /** Makes the class being rewritten known without reading it again. */
    void know(ClassNode node) {
        headers.put(node.name, node);
    }

    private ClassNode header(String internalName) {
        ClassNode known = headers.computeIfAbsent(internalName, n -> {
            byte[] bytes = classFiles.apply(n);
            if (bytes == null) {
                return new ClassNode(); // unknown: no fields, no super
            }
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return node;
        });
        return known.name == null ? null : known;
    }

    /** Adds a companion {@code int} field beside every double field of {@code node}. */
    static void addCompanions(ClassNode node) {
        for (FieldNode f : node.fields.toArray(new FieldNode[0])) {
            if (!f.desc.equals("D") || f.name.startsWith(COMPANION_PREFIX)) {
                continue;
            }
            int access = Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC | (f.access & Opcodes.ACC_STATIC);
            if ((node.access & Opcodes.ACC_INTERFACE) != 0) {
                access |= Opcodes.ACC_STATIC | Opcodes.ACC_FINAL;
            } else {
                access |= Opcodes.ACC_TRANSIENT;
            }
            node.fields.add(new FieldNode(access, companion(f.name), "I", null, null));
        }
    }
}
