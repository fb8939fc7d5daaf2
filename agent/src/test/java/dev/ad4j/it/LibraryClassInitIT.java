package dev.ad4j.it;


import com.example.libs.clinit.FirstCall;
import dev.ad4j.AD;
import dev.ad4j.agent.testing.Checks;
import org.junit.jupiter.api.Test;

/**
 * A class initialized in the middle of a recorded call: commons-math3's and Hipparchus'
 * {@code Gamma.logGamma} called for the first time inside {@code AD.gradient} returned a zero
 * derivative (silently, when the output also depends on other inputs), because
 * {@code Gamma.<clinit>} runs instrumented code between the caller passing the argument and the
 * callee reading it. {@link com.example.libs.clinit.Tables} reproduces it in a few lines.
 */
class LibraryClassInitIT {

    @Test
    void derivative_survives_a_class_initialized_by_the_recorded_call() throws Throwable {
        // Must be the first use of Tables in this JVM: nothing else touches com.example.libs.clinit.
        Checks.assertClose(new double[] {6, 1}, AD.gradient(FirstCall::f, new double[] {2, 1}), 1e-12);
        Checks.assertClose(new double[] {6, 1}, AD.gradient(FirstCall::f, new double[] {2, 1}), 1e-12);
    }
}
