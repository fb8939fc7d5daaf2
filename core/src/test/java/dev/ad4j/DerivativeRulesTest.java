package dev.ad4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What {@link DerivativeRules#register} refuses, at registration rather than at the next gradient. */
class DerivativeRulesTest {

    /** A class whose methods rules may or may not apply to (read from its class file, never loaded for the check). */
    static final class Methods {
        static double twice(double v) {
            return 2 * v;
        }

        double scaled(double v) {
            return 3 * v;
        }
    }

    private static final String OWNER = "dev.ad4j.DerivativeRulesTest$Methods";

    @Test
    void a_null_rule_is_refused_naming_the_method() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> DerivativeRules.register(OWNER, "twice", "(D)D", null));
        assertEquals("the derivative rule registered for " + OWNER + ".twice(D)D is null", e.getMessage());
        assertEquals(-1, DerivativeRules.lookup(OWNER.replace('.', '/'), "twice", "(D)D"), "nothing registered");
    }

    @Test
    void a_rule_of_an_instance_method_is_refused_naming_the_method() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DerivativeRules.register(OWNER, "scaled", "(D)D", (args, result, partials) -> partials[0] = 3));
        assertEquals("derivative rules apply to static methods only; " + OWNER + ".scaled(D)D is an instance method",
                e.getMessage());
        assertEquals(-1, DerivativeRules.lookup(OWNER.replace('.', '/'), "scaled", "(D)D"), "nothing registered");
    }

    @Test
    void rules_of_static_methods_and_of_classes_not_on_the_class_path_are_accepted() {
        DerivativeRules.register(OWNER, "twice", "(D)D", (args, result, partials) -> partials[0] = 2);
        assertTrue(DerivativeRules.lookup(OWNER.replace('.', '/'), "twice", "(D)D") >= 0);
        DerivativeRules.register("com.acme.NotOnTheClassPath", "f", "(DD)D", (args, result, partials) -> { });
        assertTrue(DerivativeRules.lookup("com/acme/NotOnTheClassPath", "f", "(DD)D") >= 0);
        assertThrows(IllegalArgumentException.class,
                () -> DerivativeRules.register(OWNER, "twice", "(I)D", (args, result, partials) -> { }));
    }
}
