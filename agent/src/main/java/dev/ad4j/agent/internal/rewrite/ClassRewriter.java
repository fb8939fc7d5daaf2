package dev.ad4j.agent.internal.rewrite;

import dev.ad4j.agent.internal.select.ClassSelector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Rewrites the double arithmetic of one class file. Reads with expanded frames, adds a
 * companion index field beside each double field, rewrites each method that touches doubles
 * ({@link MethodRewriter}, plus the lambda bridges it asks for), moves each rewritten body into
 * a method of its own behind the original ({@link RecordingBody}; constructors keep a
 * {@link PassiveCopy} instead) and writes with computed maxima but the original frames extended,
 * so that no class is ever loaded while transforming.
 */
public final class ClassRewriter {

    /**
     * HotSpot compiles no method with more bytecode than this ({@code -XX:HugeMethodLimit}, fixed
     * in product builds) unless run with {@code -XX:-DontCompileHugeMethods}.
     */
    public static final int HUGE_METHOD_LIMIT = 8000;

    private final Function<String, byte[]> classFiles;
    private final Predicate<String> rewritten;
    private final LossReporting losses;
    private List<String> overCompileLimit = List.of();

    /**
     * @param classFiles class file bytes by internal name (null if not found), read as resources
     * @param rewritten whether a class (internal name) is rewritten by the same agent or loader,
     *     and so declares companion fields
     */
    public ClassRewriter(Function<String, byte[]> classFiles, Predicate<String> rewritten) {
        this(classFiles, rewritten, false);
    }

    /**
     * @param diagnostics whether the rewritten code reports, once per place, where an active
     *     value loses its derivative ({@link dev.ad4j.Diagnostics})
     */
    public ClassRewriter(Function<String, byte[]> classFiles, Predicate<String> rewritten, boolean diagnostics) {
        this.classFiles = classFiles;
        this.rewritten = rewritten;
        this.losses = diagnostics ? LossReporting.DIAGNOSTICS : LossReporting.NONE;
    }

    /** A rewriter that reads class files from {@code loader} and rewrites {@code selected} (dotted names). */
    public static ClassRewriter forLoader(ClassLoader loader, Predicate<String> selected, boolean diagnostics) {
        return new ClassRewriter(name -> read(loader, name), name -> selected.test(name.replace('/', '.')), diagnostics);
    }

    /** Rewrites with every class that is not protected taken as rewritten (for tests and tools). */
    public static byte[] rewrite(byte[] classFile) {
        return forLoader(ClassLoader.getSystemClassLoader(), n -> !ClassSelector.isProtected(n), false).apply(classFile);
    }

    /**
     * @param classFile the original class file
     * @return the rewritten class file, or null if the class has no doubles
     * @throws InstrumentationFailure naming each method that could not be rewritten (it stays as
     *     it was, and only it); {@link InstrumentationFailure#fallback()} is the class with every
     *     other method rewritten
     */
    public byte[] apply(byte[] classFile) {
        ClassNode node = read(classFile);
        if ((node.access & Opcodes.ACC_MODULE) != 0) {
            return null;
        }
        FieldOwners fields = new FieldOwners(classFiles, rewritten);
        fields.know(node);
        FieldOwners.addCompanions(node);
        LambdaBridges bridges = new LambdaBridges(node);
        SiteGuards guards = new SiteGuards(node);
        boolean changed = hasCompanions(node);
        List<String> failures = new ArrayList<>();
        int originals = node.methods.size();
        ClassNode pristine = read(classFile); // the passive paths: each method's body is moved once
        bridges.bridgeReferences(node.methods);
        bridges.bridgeReferences(pristine.methods);
        RecordingBodies plan = new RecordingBodies(node);
        List<Integer> splitFrom = new ArrayList<>(); // the original index of each recording body, in order
        List<MethodNode> entries = new ArrayList<>(); // after the bodies, so that a body's index says its method
        for (int i = 0; i < originals; i++) {
            try {
                MethodInsnNode body = plan.bodyOf(node.methods.get(i));
                boolean rewritten = rewriteFitting(node, i, fields, bridges, guards, body == null ? null : plan,
                        pristine.methods.get(i), classFile);
                if (rewritten && body != null) {
                    MethodInsnNode entry = plan.entryOf(node.methods.get(i));
                    RecordingBody.split(node, i, pristine.methods.get(i), body, entry);
                    entries.add(RecordingBody.entry(node.methods.get(i), entry, body));
                    splitFrom.add(i);
                }
                changed |= rewritten;
            } catch (InstrumentationFailure e) {
                failures.add(e.getMessage());
                restore(node, i, classFile);
            }
        }
        node.methods.addAll(entries);
        byte[] bytes;
        try {
            for (MethodNode bridge : bridges.created()) {
                node.methods.add(bridge);
                rewrite(node, bridge, fields, bridges, guards,
                        new Attempt(FormLevel.FORMS_AND_TEMPORARIES, ShadowCaches.Reach.EVERYWHERE, null), null);
            }
            plan.adaptMissing();
            guards.addCalled(node);
            bytes = changed ? write(node, originals, splitFrom, classFile, failures, plan) : null;
            if (bytes != null) {
                Map<MethodNode, MethodNode> bodies = new LinkedHashMap<>();
                for (int k = 0; k < splitFrom.size(); k++) {
                    bodies.put(node.methods.get(originals + k), node.methods.get(splitFrom.get(k)));
                }
                overCompileLimit = RecordingBody.overCompileLimit(node, bodies, bytes);
            }
        } catch (InstrumentationFailure e) {
            failures.add(e.getMessage());
            bytes = companionsOnly(classFile);
        }
        if (!failures.isEmpty()) {
            throw new InstrumentationFailure(String.join("; ", failures), bytes);
        }
        return bytes;
    }

    /**
     * @return the methods of the last {@link #apply}ed class whose recording body is too long for
     *     HotSpot to compile by default ({@code class.method(descriptor) (N bytes)})
     */
    public List<String> overCompileLimit() {
        return overCompileLimit;
    }

    /** Puts back the original body of method {@code i} (its rewriting failed or grew too large). */
    private static void restore(ClassNode node, int i, byte[] classFile) {
        node.methods.set(i, read(classFile).methods.get(i));
    }

    private static boolean hasCompanions(ClassNode node) {
        return node.fields.stream().anyMatch(f -> f.name.startsWith(FieldOwners.COMPANION_PREFIX));
    }

    /**
     * Rewrites method {@code i} with the fastest {@link FormLevel} whose code fits: the JVM's
     * 64 KB limit, and for a method that gets a recording body of its own ({@code split}) also
     * HotSpot's {@link #HUGE_METHOD_LIMIT} when a later level brings the body under it. Inline
     * partials, kept temporaries and {@link ShadowCaches} cost bytecode (each level is tried with
     * caches everywhere, in loops only, then without); a body over the limit would record
     * interpreted, several times slower than one statement per operation compiled. A constructor first tries to keep its
     * {@link PassiveCopy} ({@code original}).
     *
     * @param bodies the class's recording bodies if method {@code i} becomes one, else null
     * @return whether the method needed rewriting
     */
    private boolean rewriteFitting(ClassNode node, int i, FieldOwners fields, LambdaBridges bridges, SiteGuards guards,
            RecordingBodies bodies, MethodNode original, byte[] classFile) {
        boolean split = bodies != null;
        List<Attempt> attempts = new ArrayList<>();
        if (!split) {
            attempts.add(new Attempt(FormLevel.FORMS_AND_TEMPORARIES, ShadowCaches.Reach.EVERYWHERE, original));
        }
        for (FormLevel level : FormLevel.values()) {
            for (ShadowCaches.Reach reach : ShadowCaches.Reach.values()) {
                attempts.add(new Attempt(level, reach, null));
            }
        }
        Attempt firstFitting = null;
        for (int a = 0; a < attempts.size(); a++) {
            Attempt attempt = attempts.get(a);
            if (a > 0) {
                restore(node, i, classFile);
            }
            if (!rewrite(node, node.methods.get(i), fields, bridges, guards, attempt, bodies)) {
                return false;
            }
            int size = codeSize(node.methods.get(i));
            if (size < 0) {
                continue; // over 64 KB; after the last level, write() reports it
            }
            if (!split || size <= HUGE_METHOD_LIMIT) {
                return true;
            }
            if (firstFitting == null) {
                firstFitting = attempt;
            }
        }
        if (firstFitting != null && firstFitting != attempts.get(attempts.size() - 1)) {
            // No level compiles by default: the fastest one, for JVMs run with -XX:-DontCompileHugeMethods.
            restore(node, i, classFile);
            rewrite(node, node.methods.get(i), fields, bridges, guards, firstFitting, bodies);
        }
        return true;
    }

    /** @return the names of the instance {@code double[]} fields {@code node} declares */
    private static Set<String> ownArrayFields(ClassNode node) {
        Set<String> names = new HashSet<>();
        for (FieldNode f : node.fields) {
            if ((f.access & Opcodes.ACC_STATIC) == 0 && f.desc.equals("[D")) {
                names.add(f.name);
            }
        }
        return names;
    }

    /**
     * One way to rewrite a method: a {@link FormLevel}, with {@link ShadowCaches} of some reach,
     * with the original body kept in place or not (null).
     */
    private record Attempt(FormLevel level, ShadowCaches.Reach shadowCaches, MethodNode passiveCopy) {
    }

    /** Instructions below which a rewritten method cannot reach {@link #HUGE_METHOD_LIMIT} (about 3 bytes each). */
    static final int SURELY_SMALL = 1000;

    /**
     * @return the bytecode length of the rewritten {@code method}, 0 if it surely is under
     *     {@link #HUGE_METHOD_LIMIT}, or -1 if it is over the JVM's 64 KB limit
     */
    private static int codeSize(MethodNode method) {
        if (method.instructions.size() < SURELY_SMALL) {
            return 0;
        }
        ClassWriter scratch = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        scratch.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "ad4j/SizeCheck", null, "java/lang/Object", null);
        method.accept(scratch);
        try {
            return CodeSizes.of(scratch.toByteArray()).get(method.name + method.desc);
        } catch (MethodTooLargeException e) {
            return -1;
        }
    }

    private boolean rewrite(ClassNode node, MethodNode method, FieldOwners fields, LambdaBridges bridges, SiteGuards guards,
            Attempt attempt, RecordingBodies bodies) {
        MethodNode passiveOriginal = attempt.passiveCopy();
        if (!MethodRewriter.needsRewrite(method) || ElementaryCalls.isElementary(node.name, method.name, method.desc, method.access)) {
            return false;
        }
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() == Opcodes.JSR || insn.getOpcode() == Opcodes.RET) {
                throw new InstrumentationFailure(node.name, method.name + method.desc,
                        "JSR/RET subroutines (class file version " + (node.version & 0xFFFF) + ") are not supported");
            }
        }
        try {
            PassiveCopy passive = passiveOriginal == null ? null : new PassiveCopy(node, passiveOriginal);
            new MethodRewriter(node.name, node.sourceFile, method, fields, ownArrayFields(node), bridges, losses,
                    attempt.level(), attempt.shadowCaches(), passive, bodies, guards).rewrite();
        } catch (AnalyzerException | RuntimeException e) {
            throw new InstrumentationFailure(node.name, method.name + method.desc, e.toString());
        }
        return true;
    }

    /**
     * Writes the class; a method that grew past the JVM's 64 KB limit gets its original body back
     * (and is reported) while the others stay rewritten.
     *
     * @param splitFrom for each {@link RecordingBody} (appended after the {@code originals}, in
     *     order), the index of the method it was split from
     */
    private static byte[] write(ClassNode node, int originals, List<Integer> splitFrom, byte[] classFile,
            List<String> failures, RecordingBodies plan) {
        while (true) {
            ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            try {
                node.accept(writer);
                return writer.toByteArray();
            } catch (MethodTooLargeException e) {
                int i = indexOf(node, e.getMethodName(), e.getDescriptor());
                int body = i - originals;
                if (body >= 0 && body < splitFrom.size()) {
                    i = splitFrom.get(body);
                    node.methods.remove(originals + body);
                    splitFrom.remove(body);
                }
                boolean original = i >= 0 && i < originals;
                String where = original ? node.methods.get(i).name + node.methods.get(i).desc
                        : e.getMethodName() + e.getDescriptor();
                String failure = new InstrumentationFailure(node.name, where,
                        "grows past the JVM's 64 KB method limit when rewritten (" + e.getCodeSize() + " bytes)")
                        .getMessage();
                if (!original) {
                    throw new InstrumentationFailure(failure, (byte[]) null);
                }
                failures.add(failure);
                restore(node, i, classFile);
                plan.adaptMissing(); // other bodies may call the removed one directly
            } catch (RuntimeException e) {
                throw new InstrumentationFailure(node.name, null, e.toString());
            }
        }
    }

    private static int indexOf(ClassNode node, String name, String desc) {
        for (int i = 0; i < node.methods.size(); i++) {
            if (node.methods.get(i).name.equals(name) && node.methods.get(i).desc.equals(desc)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The original class with companion fields only: other rewritten classes may read them, so
     * a class whose methods cannot be rewritten still declares them.
     */
    private static byte[] companionsOnly(byte[] classFile) {
        ClassNode node = read(classFile);
        FieldOwners.addCompanions(node);
        if (!hasCompanions(node)) {
            return null;
        }
        ClassWriter writer = new ClassWriter(0);
        node.accept(writer);
        return writer.toByteArray();
    }

    private static ClassNode read(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.EXPAND_FRAMES);
        return node;
    }

    private static byte[] read(ClassLoader loader, String internalName) {
        ClassLoader l = loader != null ? loader : ClassLoader.getSystemClassLoader();
        try (InputStream in = l.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
