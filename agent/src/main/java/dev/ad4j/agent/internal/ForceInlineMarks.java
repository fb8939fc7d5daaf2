package dev.ad4j.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Gives the runtime's methods marked {@code dev.ad4j.internal.tape.AlwaysInline} the JDK's
 * {@code jdk.internal.vm.annotation.ForceInline}, which HotSpot honours only for classes of the
 * boot (or platform) loader: the runtime is on the boot class path ({@link RuntimeOnBootPath}),
 * and the annotation cannot be written in its source, which may not name a package java.base
 * does not export. Other JVMs ignore an annotation they do not know. The agent's build runs it
 * ({@link #main}) on the core jar it embeds, so that a JVM start pays nothing for it.
 */
public final class ForceInlineMarks {

    static final String MARK = "Ldev/ad4j/internal/tape/AlwaysInline;";
    static final String FORCE_INLINE = "Ljdk/internal/vm/annotation/ForceInline;";

    private ForceInlineMarks() {
    }

    /** Build step: copies the jar {@code args[0]} to {@code args[1]} with the marks ({@link #copyJar}). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        try (InputStream in = Files.newInputStream(Path.of(args[0])); OutputStream o = Files.newOutputStream(out)) {
            copyJar(in, o);
        }
    }

    /** Copies the jar {@code in} to {@code out}, each class with its marked methods annotated. */
    static void copyJar(InputStream in, OutputStream out) throws IOException {
        try (JarInputStream jar = new JarInputStream(in)) {
            Manifest manifest = jar.getManifest();
            try (JarOutputStream copy = manifest == null ? new JarOutputStream(out) : new JarOutputStream(out, manifest)) {
                for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                    byte[] bytes = jar.readAllBytes();
                    copy.putNextEntry(new JarEntry(e.getName()));
                    copy.write(e.getName().endsWith(".class") ? applyOrKeep(e.getName(), bytes) : bytes);
                    copy.closeEntry();
                }
            }
        }
    }

    /**
     * {@link #apply}, or the class file as it is if it cannot be read: the mark only makes the
     * runtime faster, and the runtime must work without it rather than not at all.
     */
    static byte[] applyOrKeep(String name, byte[] classFile) {
        try {
            return apply(classFile);
        } catch (RuntimeException e) {
            System.err.println("ad4j: WARNING " + name + " of the runtime is used without its inlining marks: " + e);
            return classFile;
        }
    }

    /** @return the class file with {@code ForceInline} on each marked method; the same array if none is */
    static byte[] apply(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] marked = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, desc, signature, exceptions)) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                        if (descriptor.equals(MARK)) {
                            marked[0] = true;
                            super.visitAnnotation(FORCE_INLINE, true).visitEnd();
                        }
                        return super.visitAnnotation(descriptor, visible);
                    }
                };
            }
        }, 0);
        return marked[0] ? writer.toByteArray() : classFile;
    }
}
