package dev.ad4j.agent.internal;

import dev.ad4j.internal.runtime.Rt;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Copies of the runtime's statement helpers ({@code Rt.accN}, {@code Rt.exprN}), one class of
 * them per instrumented class (up to {@link #MAX_COPIES}, then shared by hash), defined beside
 * {@code Rt} in its loader and package at the first rewrite that needs them.
 *
 * <p>Why: HotSpot profiles branches per method, and an inlined helper brings its profile along.
 * With one {@code Rt.acc2} for the whole JVM, a loop compiled after other instrumented code ran
 * keeps the paths only those classes took (appends that other classes could not make, passive
 * leaves, elementary recordings), and measured 1.3-1.4x slower than in a JVM that ran it alone
 * (logistic regression after the other benchmark models: 403-447 against 306-334 µs with copies
 * of its own). The copies carry {@code ForceInline} as {@code Rt}'s helpers do ({@link
 * ForceInlineMarks}), which HotSpot honours because they live in the boot loader with it.
 */
public final class HelperCopies implements Function<String, String> {

    /** Classes of copies at most; each holds 16 small methods (about 4 KB). */
    static final int MAX_COPIES = 64;
    static final String PREFIX = "dev/ad4j/internal/runtime/RtCopy";
    private static final String RT = Type.getInternalName(Rt.class);

    private final List<MethodNode> templates;
    private final int version;
    private final Definer definer;
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final boolean[] defined = new boolean[MAX_COPIES];

    /** Defines a class in {@code Rt}'s loader and package. */
    interface Definer {
        void define(byte[] classFile) throws IllegalAccessException;
    }

    HelperCopies(byte[] rtClassFile, Definer definer) {
        ClassNode rt = new ClassNode();
        new ClassReader(rtClassFile).accept(rt, 0);
        this.templates = templates(rt);
        this.version = rt.version;
        this.definer = definer;
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("the runtime's Rt has no helpers marked AlwaysInline(perClass = true)");
        }
    }

    /** Copies of the helpers of the {@code Rt} this JVM loaded, defined beside it. */
    public static HelperCopies forLoadedRuntime() throws IOException {
        byte[] rt;
        try (InputStream in = Rt.class.getResourceAsStream("Rt.class")) {
            if (in == null) {
                throw new IOException("Rt.class is not readable as a resource");
            }
            rt = in.readAllBytes();
        }
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(Rt.class, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new IOException("no access to the runtime's package: " + e.getMessage(), e);
        }
        return new HelperCopies(rt, bytes -> lookup.defineClass(bytes));
    }

    /**
     * @param className internal name of a class being rewritten
     * @return the internal name of the class of copies its code calls; {@code Rt} if its copies
     *     could not be defined (a warning says why)
     */
    @Override
    public String apply(String className) {
        return owners.computeIfAbsent(className, c -> {
            int n = next.getAndIncrement();
            int k = n < MAX_COPIES ? n : Math.floorMod(c.hashCode(), MAX_COPIES);
            return ensure(k) ? PREFIX + k : RT;
        });
    }

    private synchronized boolean ensure(int k) {
        if (!defined[k]) {
            try {
                definer.define(copy(PREFIX + k));
            } catch (IllegalAccessException | LinkageError | RuntimeException e) {
                System.err.println("ad4j: WARNING statement helpers shared with other classes (" + e + ")");
                return false;
            }
            defined[k] = true;
        }
        return true;
    }

    /** The class file of the copies named {@code internalName}. */
    byte[] copy(String internalName) {
        ClassNode c = new ClassNode();
        c.version = version;
        c.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC;
        c.name = internalName;
        c.superName = "java/lang/Object";
        Set<String> copied = new HashSet<>();
        for (MethodNode t : templates) {
            copied.add(t.name + t.desc);
        }
        for (MethodNode t : templates) {
            MethodNode m = new MethodNode(t.access, t.name, t.desc, t.signature, null);
            t.accept(m);
            m.visibleAnnotations = new ArrayList<>(List.of(new AnnotationNode(ForceInlineMarks.FORCE_INLINE)));
            m.invisibleAnnotations = null;
            for (AbstractInsnNode insn : m.instructions) {
                // exprN calls accN: the copy's own, so that its profile stays the copy's too
                if (insn instanceof MethodInsnNode call && call.owner.equals(RT) && copied.contains(call.name + call.desc)) {
                    call.owner = internalName;
                }
            }
            c.methods.add(m);
        }
        ClassWriter w = new ClassWriter(0);
        c.accept(w);
        return w.toByteArray();
    }

    /** The helpers the source marks {@code AlwaysInline(perClass = true)}. */
    private static List<MethodNode> templates(ClassNode rt) {
        List<MethodNode> list = new ArrayList<>();
        for (MethodNode m : rt.methods) {
            if ((m.access & Opcodes.ACC_STATIC) != 0 && m.invisibleAnnotations != null
                    && m.invisibleAnnotations.stream().anyMatch(HelperCopies::perClass)) {
                list.add(m);
            }
        }
        return list;
    }

    private static boolean perClass(AnnotationNode a) {
        int k = a.values == null ? -1 : a.values.indexOf("perClass"); // values alternate names and values
        return a.desc.equals(ForceInlineMarks.MARK) && k >= 0 && k % 2 == 0 && Boolean.TRUE.equals(a.values.get(k + 1));
    }
}
