package dev.ad4j.agent.internal.cli;

import dev.ad4j.AD;
import dev.ad4j.ADException;
import dev.ad4j.GradientCheck;
import dev.ad4j.InactiveOutputException;
import dev.ad4j.NotInstrumentedException;
import dev.ad4j.Recording;
import dev.ad4j.ScalarFunction;
import dev.ad4j.ValueAndGradient;
import dev.ad4j.VectorFunction;
import dev.ad4j.agent.InstrumentingClassLoader;
import dev.ad4j.agent.internal.cli.GradArguments.BadArguments;
import dev.ad4j.agent.internal.rewrite.InstrumentationFailure;
import dev.ad4j.agent.internal.select.ClassSelector;
import dev.ad4j.agent.internal.select.WildcardMatcher;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code grad}: loads a class of a jar or directory through ad4j's rewriting (no
 * {@code -javaagent}), differentiates one of its static methods at a point and prints value
 * and gradient (or Jacobian), and on request the survey-style traces, the DOT graph and a
 * gradient check. See {@link #usage(PrintStream)} for the options.
 */
public final class GradCommand implements Command {

    /** Prints the help of {@code grad}; {@code help} prints it too, so both stay the same. */
    static void usage(PrintStream out) {
        out.println("Usage: java -jar ad4j-agent.jar grad --method <class>#<method> --at <x1,x2,...> [options]");
        out.println();
        out.println("Differentiates a static method of compiled code at a point. The classes chosen by --includes");
        out.println("are rewritten as they load (no -javaagent needed). Supported methods:");
        out.println("  double m(double[])      double m(double, double, ...)    (one double per value of --at)");
        out.println("  double[] m(double[])    double[] m(double, double, ...)  (vector-valued: need --jacobian)");
        out.println();
        out.println("Options:");
        out.println("  --method C#m       the static method: binary class name, '#', method name (required)");
        out.println("  --at X1,X2,...     the point, comma-separated finite numbers (required)");
        out.println("  --cp PATH          jars and class directories, separated by '" + java.io.File.pathSeparator
                + "' (default: the current directory)");
        out.println("  --includes P1:P2   classes to rewrite, * and ? wildcards (default: the method's package, pkg.*)");
        out.println("  --excludes P1:P2   classes not to rewrite (default: none)");
        out.println("  --jacobian         print the m x n Jacobian (a double-valued method gives 1 x n)");
        out.println("  --trace            print the forward primal trace and the reverse adjoint trace");
        out.println("                     (Baydin et al. 2018, Tables 2 and 3) and the tape size");
        out.println("  --dot [FILE]       the computational graph as Graphviz DOT, written to FILE; without FILE");
        out.println("                     stdout carries only the DOT (pipe it into dot -Tpng) and the rest goes to stderr");
        out.println("  --check            compare with central differences (a table per coordinate); exit 1 if one fails");
        out.println("  --eps E            relative step of --check (default " + sci(GradientCheck.DEFAULT_EPS) + ")");
        out.println("  --atol A, --rtol R tolerances of --check: pass if |ad - fd| <= A + R |fd| (default "
                + sci(GradientCheck.DEFAULT_ATOL) + ", " + sci(GradientCheck.DEFAULT_RTOL) + ")");
        out.println("  -h, --help         print this text");
        out.println("--trace and --dot need a double-valued method and no --jacobian. Options also take --name=value.");
        out.println();
        out.println("Exit codes: 0 done, 1 not differentiable (not instrumented, inactive output, the method threw)");
        out.println("or --check failed, 2 bad arguments (also unknown class or method, wrong number of values).");
        out.println();
        out.println("Example: java -jar ad4j-agent.jar grad --cp app.jar --method com.acme.Model#loss --at -1.2,1 --check");
    }

    private static String sci(double d) {
        return String.format(java.util.Locale.ROOT, "%.0e", d);
    }

    @Override
    public int execute(String[] args, PrintStream out, PrintStream err) {
        GradArguments a;
        try {
            a = GradArguments.parse(args);
        } catch (BadArguments e) {
            err.println("ad4j grad: " + e.getMessage());
            return 2;
        }
        if (a.help) {
            usage(out);
            return 0;
        }
        URL[] urls;
        try {
            urls = urls(a.classPath);
        } catch (BadArguments e) {
            err.println("ad4j grad: " + e.getMessage());
            return 2;
        }
        WildcardMatcher includes = new WildcardMatcher(a.includes);
        WildcardMatcher excludes = new WildcardMatcher(a.excludes);
        Predicate<String> selected = n -> includes.matches(n) && !excludes.matches(n) && !ClassSelector.isProtected(n);
        try (InstrumentingClassLoader loader = new InstrumentingClassLoader(urls, selected,
                GradCommand.class.getClassLoader())) {
            TargetMethod target = resolve(a, loader, selected, err);
            // With --dot and no file, stdout is kept for the DOT alone so that it can be piped.
            PrintStream report = GradArguments.STDOUT.equals(a.dot) ? err : out;
            return target.isVector() || a.jacobian ? jacobian(a, target, report) : scalar(a, target, out, report, err);
        } catch (BadArguments e) {
            err.println("ad4j grad: " + e.getMessage());
            return 2;
        } catch (NotInstrumentedException e) {
            err.println("ad4j grad: no rewritten code ran in " + a.className + "#" + a.methodName
                    + ": --includes '" + a.includes + "' must select its class");
            return 1;
        } catch (InactiveOutputException e) {
            err.println("ad4j grad: the result of " + a.className + "#" + a.methodName + " does not depend on --at"
                    + " (constant in x, or computed outside --includes '" + a.includes + "' or through a passive"
                    + " conversion such as a cast to int or float)");
            return 1;
        } catch (ADException | InstrumentationFailure | TargetMethod.Failure e) {
            err.println("ad4j grad: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("ad4j grad: " + e);
            return 1;
        }
    }

    private static TargetMethod resolve(GradArguments a, ClassLoader loader, Predicate<String> selected, PrintStream err)
            throws BadArguments {
        if (ClassSelector.isProtected(a.className)) {
            throw new BadArguments("class " + a.className + " belongs to the JDK or to ad4j and is never rewritten");
        }
        if (!selected.test(a.className)) {
            err.println("ad4j grad: warning: --includes '" + a.includes + "'"
                    + (a.excludes.isEmpty() ? "" : " --excludes '" + a.excludes + "'")
                    + " does not select " + a.className + " itself; its arithmetic is not recorded");
        }
        Class<?> c;
        try {
            c = Class.forName(a.className, false, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new BadArguments("class " + a.className + " not found on --cp " + String.join(
                    java.io.File.pathSeparator, a.classPath));
        }
        try {
            TargetMethod target = TargetMethod.find(c, a.methodName, a.point.length);
            if (target.isVector() && !a.jacobian) {
                throw new BadArguments(target.name() + " returns double[]: pass --jacobian for its Jacobian");
            }
            return target;
        } catch (IllegalAccessException | RuntimeException | LinkageError e) {
            // getDeclaredMethods resolves the parameter types; a missing dependency surfaces here
            throw new BadArguments("cannot access " + a.className + "#" + a.methodName + ": " + e);
        }
    }

    private static int scalar(GradArguments a, TargetMethod target, PrintStream out, PrintStream report,
            PrintStream err) {
        ScalarFunction f = target.scalar();
        double value;
        double[] gradient;
        Recording r = null;
        if (a.trace || a.dot != null) {
            r = AD.record(f, a.point);
            value = r.value();
            gradient = r.gradient();
        } else {
            ValueAndGradient vg = AD.valueAndGradient(f, a.point);
            value = vg.value();
            gradient = vg.gradient();
        }
        header(report, target, a.point);
        report.println("value     " + value);
        report.println("gradient  " + Formatting.vector(gradient));
        if (a.trace) {
            report.println();
            report.println("Forward primal trace (Table 2)");
            report.print(r.primalTrace());
            report.println();
            report.println("Reverse adjoint trace (Table 3)");
            report.print(r.adjointTrace());
            report.println();
            report.println("tape: " + r.stats());
        }
        int code = 0;
        if (a.check) {
            GradientCheck.Result result = checker(a).compare(f, a.point, gradient);
            report.println();
            report.print(result);
            code = result.passed() ? 0 : 1;
        }
        if (a.dot != null) {
            if (GradArguments.STDOUT.equals(a.dot)) {
                out.print(r.dot());
            } else {
                try {
                    Files.writeString(Path.of(a.dot), r.dot(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("ad4j grad: cannot write --dot " + a.dot + ": "
                            + (e instanceof NoSuchFileException ? "no such directory" : e.getClass().getSimpleName()
                            + " " + e.getMessage()));
                    return 1;
                }
                report.println();
                report.println("DOT graph written to " + a.dot);
            }
        }
        return code;
    }

    private static int jacobian(GradArguments a, TargetMethod target, PrintStream report) {
        VectorFunction f;
        double[] value;
        double[][] jac;
        if (target.isVector()) {
            f = target.vector();
            jac = AD.jacobian(f, a.point);
            value = f.apply(a.point.clone());
        } else {
            ScalarFunction s = target.scalar();
            f = x -> new double[] {s.apply(x)};
            ValueAndGradient vg = AD.valueAndGradient(s, a.point);
            jac = new double[][] {vg.gradient()};
            value = new double[] {vg.value()};
        }
        header(report, target, a.point);
        report.println("value     " + Formatting.vector(value));
        report.println("jacobian  " + jac.length + " x " + a.point.length);
        report.print(Formatting.matrix(jac, "  "));
        if (a.check) {
            GradientCheck.Result result = checker(a).compareJacobian(f, a.point, jac);
            report.println();
            report.print(result);
            return result.passed() ? 0 : 1;
        }
        return 0;
    }

    private static void header(PrintStream report, TargetMethod target, double[] x) {
        report.println("method    " + target.name());
        report.println("at        " + Formatting.vector(x));
    }

    private static GradientCheck checker(GradArguments a) {
        return GradientCheck.withDefaults().eps(a.eps).atol(a.atol).rtol(a.rtol);
    }

    private static URL[] urls(List<String> classPath) throws BadArguments {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            Path p = Path.of(classPath.get(i));
            if (!Files.exists(p)) {
                throw new BadArguments("--cp entry '" + classPath.get(i) + "' does not exist");
            }
            try {
                urls[i] = p.toAbsolutePath().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new BadArguments("--cp entry '" + classPath.get(i) + "' is not a usable path: " + e.getMessage());
            }
        }
        return urls;
    }
}
