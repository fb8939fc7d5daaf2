package dev.ad4j.agent.internal.cli;

import dev.ad4j.ADException;
import dev.ad4j.ScalarFunction;
import dev.ad4j.VectorFunction;
import dev.ad4j.agent.internal.cli.GradArguments.BadArguments;
import dev.ad4j.agent.internal.rewrite.InstrumentationFailure;
import dev.ad4j.internal.runtime.Rt;
import dev.ad4j.internal.tape.Tape;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The static method {@code grad} differentiates, as a {@link ScalarFunction} or
 * {@link VectorFunction} of a {@code double[]}. Four shapes are supported: {@code double} or
 * {@code double[]} result, one {@code double[]} parameter or k {@code double} parameters.
 *
 * <p>A method of k doubles is called through a spreader, which is not instrumented code; the
 * adapter therefore plays the instrumented caller by hand (see {@link Rt}'s calling convention):
 * it reads the indices of the input array's elements and puts them in the argument registers,
 * where the callee's prologue picks them up. The return register is left for the recording.
 */
final class TargetMethod {

    /** The method threw (or failed to initialise its class); the cause is what it threw. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String method, Throwable cause) {
            super(method + " threw " + describe(cause), cause);
        }

        /** What was thrown; for a failed static initializer, what the initializer threw. */
        private static String describe(Throwable t) {
            if (t instanceof ExceptionInInitializerError && t.getCause() != null) {
                return t.getCause() + " in the static initializer of its class";
            }
            return String.valueOf(t);
        }
    }

    private final String name;
    private final MethodHandle spread;
    private final int scalars;
    private final boolean vector;

    private TargetMethod(Method m, boolean array) throws IllegalAccessException {
        m.setAccessible(true);
        MethodHandle h = MethodHandles.lookup().unreflect(m);
        this.scalars = array ? -1 : m.getParameterCount();
        this.vector = m.getReturnType() == double[].class;
        this.spread = array ? h : h.asSpreader(double[].class, scalars);
        this.name = m.getDeclaringClass().getName() + "#" + m.getName() + "("
                + (array ? "double[]" : String.join(", ", java.util.Collections.nCopies(scalars, "double"))) + ")";
    }

    /**
     * Finds the static method {@code name} of {@code c} to call with {@code n} values. A
     * {@code double[]} parameter is preferred to k doubles if both overloads exist.
     *
     * @throws BadArguments if there is none, it is not static, has no supported signature or the wrong arity
     */
    static TargetMethod find(Class<?> c, String name, int n) throws BadArguments, IllegalAccessException {
        List<Method> named = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && !m.isSynthetic()) {
                named.add(m);
            }
        }
        String where = c.getName() + "#" + name;
        if (named.isEmpty()) {
            throw new BadArguments("class " + c.getName() + " has no method '" + name + "'");
        }
        List<Method> statics = named.stream().filter(m -> Modifier.isStatic(m.getModifiers())).collect(Collectors.toList());
        if (statics.isEmpty()) {
            throw new BadArguments(where + " is not static: grad calls static methods only");
        }
        Method array = null;
        List<Method> spreadable = new ArrayList<>();
        for (Method m : statics) {
            Class<?> r = m.getReturnType();
            Class<?>[] p = m.getParameterTypes();
            if (r != double.class && r != double[].class) {
                continue;
            }
            if (p.length == 1 && p[0] == double[].class) {
                array = m;
            } else if (p.length > 0 && Arrays.stream(p).allMatch(t -> t == double.class)) {
                spreadable.add(m);
            }
        }
        if (array != null) {
            return new TargetMethod(array, true);
        }
        for (Method m : spreadable) {
            if (m.getParameterCount() == n) {
                return new TargetMethod(m, false);
            }
        }
        if (!spreadable.isEmpty()) {
            String arities = spreadable.stream().map(m -> String.valueOf(m.getParameterCount()))
                    .collect(Collectors.joining(" or "));
            throw new BadArguments(where + " takes " + arities + " doubles but --at gives " + n
                    + (n == 1 ? " value" : " values"));
        }
        throw new BadArguments(where + " has no supported signature (double or double[] result; one double[]"
                + " or only double parameters); found " + statics.stream().map(TargetMethod::signature)
                .collect(Collectors.joining(", ")));
    }

    private static String signature(Method m) {
        return m.getReturnType().getSimpleName() + " " + m.getName() + "(" + Arrays.stream(m.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code com.acme.Model#loss(double[])}. */
    String name() {
        return name;
    }

    /** True if the method returns {@code double[]}. */
    boolean isVector() {
        return vector;
    }

    ScalarFunction scalar() {
        return x -> (double) call(x);
    }

    VectorFunction vector() {
        return x -> {
            double[] y = (double[]) call(x);
            if (y == null) {
                throw new ADException(name + " returned null");
            }
            return y;
        };
    }

    private Object call(double[] x) {
        if (scalars >= 0) {
            if (x.length != scalars) {
                throw new IllegalArgumentException(name + " takes " + scalars + " doubles, got " + x.length);
            }
            passIndices(x);
        }
        try {
            return vector ? (Object) (double[]) spread.invoke(x) : (Object) (double) spread.invoke(x);
        } catch (ADException | InstrumentationFailure e) {
            throw e;
        } catch (Throwable t) {
            throw new Failure(name, t);
        }
    }

    /** Puts the indices of x's elements in the argument registers, as an instrumented caller would. */
    private static void passIndices(double[] x) {
        Tape t = Tape.currentOrNull();
        if (t == null || !t.isRecording()) {
            return;
        }
        int[] shadow = Rt.shadow(t, x);
        Rt.args(t, x.length);
        for (int j = 0; j < x.length; j++) {
            Rt.arg(t, j, shadow == null ? 0 : Rt.check(t, shadow[j], x[j]), x[j]);
        }
    }
}
