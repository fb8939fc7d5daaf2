package dev.ad4j.agent.internal.rewrite;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/**
 * The bytecode length of each method of a class file, read from its {@code Code} attributes
 * (ASM hands out instructions, never their byte count).
 */
final class CodeSizes {

    private CodeSizes() {
    }

    /** @return code length by method name plus descriptor; methods without code are absent */
    static Map<String, Integer> of(byte[] classFile) {
        ClassReader r = new ClassReader(classFile);
        char[] buf = new char[r.getMaxStringLength()];
        int off = r.header + 6; // access, this, super
        off += 2 + 2 * r.readUnsignedShort(off); // interfaces
        int fields = r.readUnsignedShort(off);
        off += 2;
        for (int i = 0; i < fields; i++) {
            off = skipAttributes(r, off + 6);
        }
        Map<String, Integer> sizes = new HashMap<>();
        int methods = r.readUnsignedShort(off);
        off += 2;
        for (int i = 0; i < methods; i++) {
            String key = r.readUTF8(off + 2, buf) + r.readUTF8(off + 4, buf);
            int attributes = r.readUnsignedShort(off + 6);
            off += 8;
            for (int a = 0; a < attributes; a++) {
                if (r.readUTF8(off, buf).equals("Code")) {
                    sizes.put(key, r.readInt(off + 10)); // after max_stack and max_locals
                }
                off += 6 + r.readInt(off + 2);
            }
        }
        return sizes;
    }

    private static int skipAttributes(ClassReader r, int off) {
        int attributes = r.readUnsignedShort(off);
        off += 2;
        for (int a = 0; a < attributes; a++) {
            off += 6 + r.readInt(off + 2);
        }
        return off;
    }
}
