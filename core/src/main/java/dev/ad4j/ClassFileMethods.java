package dev.ad4j;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a method's access flags from a class file found as a resource, without loading the
 * class: {@link DerivativeRules} checks that a rule's method is static while the class (and the
 * callers that the rule is meant for) may still be unloaded.
 */
final class ClassFileMethods {

    /** Returned when the class file cannot be found or read, or does not declare the method. */
    static final int UNKNOWN = -1;

    private ClassFileMethods() {
    }

    /**
     * @param owner internal class name ({@code com/acme/Special})
     * @return the access flags of the method that {@code owner}'s class file declares with that
     *     name and descriptor, or {@link #UNKNOWN}
     */
    static int access(String owner, String name, String descriptor) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, ClassLoader.getSystemClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try (InputStream in = loader.getResourceAsStream(owner + ".class")) {
                if (in != null) {
                    return access(new DataInputStream(in), name, descriptor);
                }
            } catch (IOException | RuntimeException e) {
                return UNKNOWN; // not a class file we can read: the rewriter checks again
            }
        }
        return UNKNOWN;
    }

    private static int access(DataInputStream in, String name, String descriptor) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            return UNKNOWN;
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // long and double constants take two entries
                }
                default -> {
                    return UNKNOWN;
                }
            }
        }
        in.skipNBytes(6); // access, this, super
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        skipMembers(in); // fields
        int methods = in.readUnsignedShort();
        for (int m = 0; m < methods; m++) {
            int access = in.readUnsignedShort();
            String n = utf8[in.readUnsignedShort()];
            String d = utf8[in.readUnsignedShort()];
            if (name.equals(n) && descriptor.equals(d)) {
                return access;
            }
            skipAttributes(in);
        }
        return UNKNOWN;
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int members = in.readUnsignedShort();
        for (int k = 0; k < members; k++) {
            in.skipNBytes(6); // access, name, descriptor
            skipAttributes(in);
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.skipNBytes(2);
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }
}
