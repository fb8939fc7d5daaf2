package dev.ad4j.agent;

import dev.ad4j.agent.internal.rewrite.ClassRewriter;
import dev.ad4j.agent.internal.rewrite.InstrumentationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.function.Predicate;

/**
 * Loads classes through ad4j's rewriting without {@code -javaagent}: the classes it selects are
 * read from its URLs (or, failing that, from the parent's resources), rewritten and defined
 * here; every other class comes from the parent, so the runtime stays one copy.
 *
 * <pre>{@code
 * try (var loader = new InstrumentingClassLoader(new URL[] {jar}, n -> n.startsWith("com.acme."),
 *         Main.class.getClassLoader())) {
 *     Class<?> model = loader.loadClass("com.acme.Model");
 * }
 * }</pre>
 */
public final class InstrumentingClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Predicate<String> selected;
    private final ClassRewriter rewriter;

    /**
     * @param urls where selected classes are read from first
     * @param selected dotted binary names of the classes to rewrite
     * @param parent the loader of everything else, and of ad4j's runtime
     */
    public InstrumentingClassLoader(URL[] urls, Predicate<String> selected, ClassLoader parent) {
        super(urls, parent);
        this.selected = selected;
        this.rewriter = new ClassRewriter(this::classFile, name -> selected.test(name.replace('/', '.')));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!selected.test(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] original = read(name);
                if (original == null) {
                    return super.loadClass(name, resolve);
                }
                byte[] rewritten;
                try {
                    rewritten = rewriter.apply(original);
                } catch (InstrumentationFailure e) {
                    System.err.println("ad4j: WARNING " + e.getMessage());
                    rewritten = e.fallback();
                }
                byte[] bytes = rewritten != null ? rewritten : original;
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private byte[] classFile(String internalName) {
        return read(internalName.replace('/', '.'));
    }

    private byte[] read(String name) {
        String resource = name.replace('.', '/') + ".class";
        URL url = findResource(resource);
        if (url == null && getParent() != null) {
            url = getParent().getResource(resource);
        }
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
