package dev.ad4j.agent.internal.rewrite;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.agent.testing.HugeMethodClass;
import org.junit.jupiter.api.Test;

class ClassRewriterFailureTest {

    @Test
    void method_that_grows_past_64k_is_reported_by_name_and_left_exactly_as_it_was() {
        byte[] original = HugeMethodClass.bytes();
        InstrumentationFailure failure = assertThrows(InstrumentationFailure.class,
                () -> ClassRewriter.rewrite(original));
        assertTrue(failure.getMessage().contains("com.example.big.Huge"), failure.getMessage());
        assertTrue(failure.getMessage().contains("method sum([D)D: grows past the JVM's 64 KB method limit"),
                failure.getMessage());
        assertNull(failure.fallback(), "a class without double fields needs no companions: original bytes stay");
    }
}
