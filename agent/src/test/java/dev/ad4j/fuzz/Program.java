package dev.ad4j.fuzz;

/**
 * A generated program: static members (helpers, nested classes, fields) plus the entry point
 * {@code public static double <prefix>f(double[] x)}, all named with a prefix unique in its
 * batch so that many programs share one generated class.
 *
 * @param prefix the prefix of every member name, e.g. {@code p17_}
 * @param members the members, as a block of nodes
 * @param point where the program is evaluated and differentiated
 */
record Program(String prefix, Node members, double[] point) {

    /** @return the name of the entry point */
    String entry() {
        return prefix + "f";
    }

    /** @return the members' source */
    String source() {
        return members.render();
    }

    /** @return a copy that the minimiser may edit */
    Program copy() {
        return new Program(prefix, members.copy(), point.clone());
    }

    /** @return the source of a class holding the given programs */
    static String classSource(String pkg, String simpleName, Iterable<Program> programs) {
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(pkg).append(";\n\n");
        sb.append("public final class ").append(simpleName).append(" {\n");
        for (Program p : programs) {
            sb.append(p.source()).append('\n');
        }
        sb.append("}\n");
        return Node.indent(sb.toString(), 0);
    }
}
