package dev.ad4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ValueAndGradientTest {

    @Test
    void to_string_writes_the_gradient_out() {
        assertEquals("ValueAndGradient[value=6.0, gradient=[3.0, 2.0]]",
                new ValueAndGradient(6, new double[] {3, 2}).toString());
    }
}
