package dev.ad4j.agent.internal.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void includes_and_excludes_use_jaccoco_wildcards_that_match_dots() {
        AgentOptions o = new AgentOptions("includes=com.acme.*:org.?oo.Bar,excludes=com.acme.internal.*");
        assertTrue(o.selector().selects("com.acme.model.Loss"));
        assertTrue(o.selector().selects("org.foo.Bar"));
        assertFalse(o.selector().selects("com.acme.internal.Cache"));
        assertFalse(o.selector().selects("com.other.Loss"));
    }

    @Test
    void protected_packages_are_never_selected_and_explicit_patterns_selecting_them_are_reported() {
        AgentOptions all = new AgentOptions("includes=*");
        assertFalse(all.selector().selects("java.lang.Math"));
        assertFalse(all.selector().selects("dev.ad4j.internal.runtime.Rt"));
        assertFalse(all.selector().selects("dev.ad4j.agent.shaded.asm.ClassReader"));
        assertTrue(all.selector().selects("com.acme.Model"));
        assertTrue(all.protectedSelections().stream().anyMatch(w -> w.contains("java.lang.Math")));
        assertTrue(new AgentOptions("includes=java.*").protectedSelections().get(0).contains("never instrumented"));
        assertTrue(new AgentOptions("").protectedSelections().isEmpty(), "the default includes is not reported");
        assertTrue(new AgentOptions("includes=com.acme.*").protectedSelections().isEmpty());
    }

    @Test
    void unknown_and_malformed_options_name_the_fault() {
        assertEquals("unknown agent option 'colour'; known options: "
                + "[includes, excludes, maxTape, strict, verbose, diagnostics, rules, dump]",
                assertThrows(IllegalArgumentException.class, () -> new AgentOptions("colour=blue")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AgentOptions("includes"))
                .getMessage().contains("expected key=value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AgentOptions("includes=a.*,includes=b.*"))
                .getMessage().contains("given twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AgentOptions("includes=a::b"))
                .getMessage().contains("empty pattern"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AgentOptions("strict=yes"))
                .getMessage().contains("must be true or false"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AgentOptions("maxTape=-3m"))
                .getMessage().contains("malformed size '-3m'"));
    }

    @Test
    void sizes_take_k_m_g_suffixes_and_options_render_back() {
        assertEquals(64L << 20, AgentOptions.parseSize("64m"));
        assertEquals(2L << 30, AgentOptions.parseSize("2G"));
        assertEquals(512L << 10, AgentOptions.parseSize("512k"));
        assertEquals(1000, AgentOptions.parseSize("1000"));
        String text = "includes=com.acme.*,maxTape=64m,diagnostics=true";
        assertEquals(text, new AgentOptions(text).toString());
        assertTrue(new AgentOptions(text).diagnostics());
        assertEquals(64L << 20, new AgentOptions(text).maxTapeBytes());
    }
}
