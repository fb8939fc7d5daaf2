package dev.ad4j.internal.runtime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a runtime helper that rewritten code calls once per recorded statement and that the JIT
 * must inline wherever it is called. HotSpot inlines a method that already has compiled code of
 * its own only if that code is small ({@code -XX:InlineSmallCode}, 2500 bytes): the statement
 * helpers with several leaves compile to more once some caller ran them often enough to compile
 * them alone, and from then on every newly compiled method calls them, reloading the tape's
 * fields after each call. The agent's build gives the methods marked so, in the runtime jar the
 * agent puts on the boot class path, the JDK's own {@code @ForceInline}, which HotSpot honours
 * for boot classes; loaded any other way the mark does nothing.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AlwaysInline {
}
