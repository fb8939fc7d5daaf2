package dev.ad4j.internal.tape;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a small method of the runtime or the tape that rewritten code calls on its hot paths
 * and that the JIT must inline wherever it is called. (It lives with the tape so that the tape
 * needs nothing from the runtime, which is built on it.) HotSpot stops inlining into a method once the bytecode it has
 * inlined reaches 8000 bytes ({@code DesiredMethodLimit}) or its graph 18,000 nodes, and a
 * recording body is several times its original's size: in a big one (an RK4 step written out
 * in one method) every tape read, element check and elementary-mode test after that point was
 * a call, and the gradient cost twice as much as with the step split into small methods. It
 * also inlines a method that already has compiled code of its own only if that code is small
 * ({@code -XX:InlineSmallCode}, 2500 bytes): the statement helpers with several leaves compile
 * to more once some caller ran them often enough to compile them alone. The agent's build gives
 * the methods marked so, in the runtime jar the agent puts on the boot class path, the JDK's own
 * {@code @ForceInline}, which HotSpot honours for boot classes and which lifts both limits;
 * loaded any other way the mark does nothing. Only small methods on paths taken every time are
 * marked: forcing the rarely taken ones (shadow lookups, growth) inline too made the large GMM
 * 1.5x slower.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AlwaysInline {

    /**
     * Whether each instrumented class calls a copy of its own (the statement helpers
     * {@code accN}, {@code exprN}): HotSpot profiles branches per method, and a class compiled
     * after others ran would otherwise inherit the paths they took.
     */
    boolean perClass() default false;
}
