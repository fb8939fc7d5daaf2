package dev.ad4j.it;

import com.example.numeric.Rosenbrock;
import dev.ad4j.AD;
import dev.ad4j.ScalarFunction;
import dev.ad4j.agent.internal.cli.StaticFunctions;
import dev.ad4j.agent.testing.Checks;
import dev.ad4j.internal.runtime.Rt;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes defined by loaders other than the application's are rewritten too, and all reach the
 * one runtime the agent put on the boot class path.
 */
class ClassLoadersIT {

    private static final URL TEST_CLASSES = url(Path.of("target", "test-classes"));

    @Test
    void class_of_an_isolated_loader_that_cannot_see_the_application_class_path_is_differentiated()
            throws Exception {
        // Parent: the platform loader. The class path of the application (and ad4j-core on it) is
        // invisible from here; the rewritten code finds the runtime on the boot class path.
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {TEST_CLASSES},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> c = isolated.loadClass(Rosenbrock.class.getName());
            check(c);
        }
    }

    @Test
    void class_loaded_through_the_thread_context_loader_by_a_child_first_loader_is_differentiated()
            throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader childFirst = new ChildFirst(TEST_CLASSES, previous)) {
            Thread.currentThread().setContextClassLoader(childFirst);
            Class<?> c = Class.forName(Rosenbrock.class.getName(), true, Thread.currentThread().getContextClassLoader());
            if (c.getClassLoader() != childFirst) {
                throw new AssertionError("not defined by the child-first loader: " + c.getClassLoader());
            }
            check(c);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void the_runtime_on_the_boot_class_path_has_its_statement_and_hot_path_helpers_force_inlined() {
        if (Rt.class.getClassLoader() != null) {
            throw new AssertionError("the runtime was loaded by " + Rt.class.getClassLoader());
        }
        Set<String> hot = Set.of("shadowEpoch", "daloadAt", "daloadOwnAt", "xadd", "xsub", "xmul", "xdiv", "xneg",
                "ownElement", "elementOwned", "storesInPlace", "check");
        for (Method m : Rt.class.getMethods()) {
            boolean expected = m.getName().matches("(acc|expr)[1-8]") || hot.contains(m.getName());
            boolean forced = forceInlined(m);
            if (expected != forced) {
                throw new AssertionError("Rt." + m.getName() + (forced ? " is" : " is not") + " force-inlined");
            }
        }
    }

    @Test
    void instrumented_classes_call_copies_of_the_statement_helpers_beside_the_runtime_force_inlined_too()
            throws Exception {
        check(Rosenbrock.class); // a class with statements: its copies exist now, if not before
        Class<?> copy = Class.forName("dev.ad4j.internal.runtime.RtCopy0", false, null);
        Set<String> helpers = new HashSet<>();
        for (Method m : copy.getDeclaredMethods()) {
            if (!forceInlined(m) || !m.getName().matches("(acc|expr)[1-8]")) {
                throw new AssertionError(copy.getName() + "." + m.getName() + " is not a force-inlined statement helper");
            }
            helpers.add(m.getName());
        }
        if (helpers.size() != 16) {
            throw new AssertionError(copy.getName() + " has " + helpers);
        }
    }

    private static boolean forceInlined(Method m) {
        return Arrays.stream(m.getDeclaredAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals("jdk.internal.vm.annotation.ForceInline"));
    }

    private static void check(Class<?> rosenbrock) {
        double[] x = new Random(5).doubles(40, -1.5, 1.5).toArray();
        ScalarFunction f = StaticFunctions.scalar(rosenbrock, "value");
        Checks.assertClose(Rosenbrock.gradient(x), AD.gradient(f, x), 1e-12);
    }

    /** Looks in its own URLs before its parent, as application servers' web-app loaders do. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL url, ClassLoader parent) {
            super(new URL[] {url}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && name.startsWith("com.example.")) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        c = null;
                    }
                }
                if (c == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    private static URL url(Path p) {
        try {
            return p.toAbsolutePath().toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new AssertionError(e);
        }
    }
}
