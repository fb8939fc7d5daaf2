package dev.ad4j.agent.internal.cli;

import dev.ad4j.AD;
import dev.ad4j.Recording;
import dev.ad4j.ScalarFunction;
import dev.ad4j.agent.InstrumentingClassLoader;
import dev.ad4j.agent.demo.SurveyExample;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Locale;

/**
 * The built-in demo: the survey's example function, an ordinary compiled class loaded through
 * ad4j's rewriting (no {@code -javaagent} needed), differentiated at (2, 5) with its primal and
 * adjoint traces printed like the survey's Tables 2 and 3.
 */
public final class DemoCommand implements Command {

    private static final double[] POINT = {2, 5};

    @Override
    public int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0) {
            err.println("ad4j: the demo takes no arguments");
            return 2;
        }
        String name = SurveyExample.class.getName();
        try (InstrumentingClassLoader loader = new InstrumentingClassLoader(
                new URL[0], name::equals, DemoCommand.class.getClassLoader())) {
            ScalarFunction f = StaticFunctions.scalar(loader.loadClass(name), "f");
            Recording r = AD.record(f, POINT);
            out.println("ad4j demo: y = ln x1 + x1*x2 - sin x2 at (x1, x2) = (2, 5)");
            out.println("(Baydin et al., Automatic differentiation in machine learning: a survey, JMLR 2018;");
            out.println(" the function is the compiled class " + name + ", rewritten as it loaded)");
            out.println();
            out.println("Forward primal trace (Table 2)");
            out.print(r.primalTrace());
            out.println();
            out.println("Reverse adjoint trace (Table 3)");
            out.print(r.adjointTrace());
            out.println();
            double[] g = r.gradient();
            out.println(String.format(Locale.ROOT, "y = %.3f", r.value()));
            out.println(String.format(Locale.ROOT, "gradient = (%.3f, %.3f)", g[0], g[1]));
            out.println("tape: " + r.stats());
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            err.println("ad4j: cannot load the demo function: " + e);
            return 1;
        }
    }
}
