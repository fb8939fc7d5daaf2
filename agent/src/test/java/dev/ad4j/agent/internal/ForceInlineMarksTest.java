package dev.ad4j.agent.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.internal.runtime.Rt;
import dev.ad4j.internal.sweep.Sweeps;
import dev.ad4j.internal.tape.Tape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** The runtime copy the agent puts on the boot class path: its marked helpers get ForceInline. */
class ForceInlineMarksTest {

    @Test
    void the_marked_helpers_and_only_they_get_force_inline() throws IOException {
        List<String> forced = forced(Rt.class);
        for (int n = 1; n <= 8; n++) {
            assertTrue(forced.contains("acc" + n), "acc" + n);
            assertTrue(forced.contains("expr" + n), "expr" + n);
        }
        // the small helpers on the paths a recording body takes every time, so that a big body
        // past HotSpot's inlining budget still inlines them
        for (String hot : List.of("shadowEpoch", "daloadAt", "daloadOwnAt", "xmul", "xadd", "ownElement", "check")) {
            assertTrue(forced.contains(hot), hot);
        }
        // but not the lookups and slow paths they guard
        for (String cold : List.of("primeShadow", "shadowAt", "dastoreAt", "dastore", "shadow")) {
            assertFalse(forced.contains(cold), cold);
        }
        List<String> tape = forced(Tape.class);
        assertTrue(tape.containsAll(List.of("check", "readElement", "elementary", "shadowEpoch")), tape.toString());
        assertFalse(tape.contains("shadow") || tape.contains("grow"), tape.toString());
    }

    /** The methods of {@code c} that get ForceInline, each of them marked. */
    private static List<String> forced(Class<?> c) throws IOException {
        List<String> forced = new ArrayList<>();
        for (MethodNode m : read(ForceInlineMarks.apply(classFile(c))).methods) {
            if (has(m.visibleAnnotations, ForceInlineMarks.FORCE_INLINE)) {
                assertTrue(has(m.invisibleAnnotations, ForceInlineMarks.MARK), m.name + " was not marked");
                forced.add(m.name);
            }
        }
        return forced;
    }

    @Test
    void a_class_without_marks_is_left_as_it_was() throws IOException {
        byte[] sweeps = classFile(Sweeps.class);
        assertSame(sweeps, ForceInlineMarks.apply(sweeps));
    }

    @Test
    void the_jar_copy_keeps_the_manifest_and_every_other_entry() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Implementation-Version", "9.9");
        byte[] resource = {1, 2, 3, 4};
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(original, manifest)) {
            add(jar, "dev/ad4j/internal/runtime/Rt.class", classFile(Rt.class));
            add(jar, "dev/ad4j/internal/sweep/Sweeps.class", classFile(Sweeps.class));
            add(jar, "META-INF/ad4j/data.bin", resource);
        }
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        ForceInlineMarks.copyJar(new ByteArrayInputStream(original.toByteArray()), copy);
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(copy.toByteArray()))) {
            assertNotNull(jar.getManifest());
            assertEquals("9.9", jar.getManifest().getMainAttributes().getValue("Implementation-Version"));
            List<String> names = new ArrayList<>();
            for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                names.add(e.getName());
                byte[] bytes = jar.readAllBytes();
                switch (e.getName()) {
                    case "META-INF/ad4j/data.bin" -> assertArrayEquals(resource, bytes);
                    case "dev/ad4j/internal/sweep/Sweeps.class" -> assertArrayEquals(classFile(Sweeps.class), bytes);
                    default -> assertTrue(read(bytes).methods.stream()
                            .anyMatch(m -> m.name.equals("acc6") && has(m.visibleAnnotations, ForceInlineMarks.FORCE_INLINE)));
                }
            }
            assertEquals(List.of("dev/ad4j/internal/runtime/Rt.class", "dev/ad4j/internal/sweep/Sweeps.class",
                    "META-INF/ad4j/data.bin"), names);
        }
    }

    @Test
    void a_class_file_it_cannot_read_is_copied_as_it_is() {
        byte[] broken = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 99};
        assertSame(broken, ForceInlineMarks.applyOrKeep("dev/ad4j/Broken.class", broken));
    }

    private static void add(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(bytes);
        jar.closeEntry();
    }

    private static boolean has(List<AnnotationNode> annotations, String desc) {
        return annotations != null && annotations.stream().anyMatch(a -> a.desc.equals(desc));
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node;
    }

    private static byte[] classFile(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
