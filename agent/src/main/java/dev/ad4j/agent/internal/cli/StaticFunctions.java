package dev.ad4j.agent.internal.cli;

import dev.ad4j.ScalarFunction;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** A public static {@code double m(double[])} of a class, as a {@link ScalarFunction}. */
public final class StaticFunctions {

    private StaticFunctions() {
    }

    /**
     * @throws IllegalArgumentException if the class has no such public static method
     */
    public static ScalarFunction scalar(Class<?> c, String method) {
        MethodHandle h;
        try {
            h = MethodHandles.publicLookup().findStatic(c, method, MethodType.methodType(double.class, double[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no public static double " + method + "(double[]) in " + c.getName(), e);
        }
        return x -> {
            try {
                return (double) h.invokeExact(x);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                // a checked exception of the target
                throw new IllegalStateException(t);
            }
        };
    }
}
