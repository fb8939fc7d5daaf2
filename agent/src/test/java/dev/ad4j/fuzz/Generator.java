package dev.ad4j.fuzz;

import static dev.ad4j.fuzz.Node.block;
import static dev.ad4j.fuzz.Node.expr;
import static dev.ad4j.fuzz.Node.fixed;
import static dev.ad4j.fuzz.Node.leaf;
import static dev.ad4j.fuzz.Node.stmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates well-formed random numeric Java methods from a seed. Every local is declared at the
 * top of its method so that deleting any statement keeps the program compilable; domain-limited
 * functions are wrapped so that they stay in their domain (log(1 + e²), sqrt(e² + 1/4), …).
 * Kinks and branches are allowed: the oracle skips points where the function is not smooth.
 */
final class Generator {

    private static final double[] CONSTANTS = {0.5, 1.5, 2.0, -0.75, 3.0, 0.1, -1.25, 0.3};

    private final Random rnd;
    private final Set<Feature> features;
    private String prefix;
    private int n;
    private List<String> helpers;
    private List<Integer> helperArity;
    private boolean recursive;
    private boolean thrower;
    private boolean box;

    Generator(long seed, Set<Feature> features) {
        this.rnd = new Random(seed);
        this.features = features;
    }

    /** What is in scope where an expression or statement is generated. */
    private static final class Scope {
        final List<String> doubles = new ArrayList<>();
        final List<String> assignable = new ArrayList<>();
        final List<String> arrays = new ArrayList<>();
        final List<String> loopVars = new ArrayList<>();
        final List<String> unary = new ArrayList<>();
        final List<String> binary = new ArrayList<>();
        final List<String> objects = new ArrayList<>();
        boolean hasX;
        int helperLimit;
        int depth;

        Scope inner() {
            Scope s = new Scope();
            s.doubles.addAll(doubles);
            s.assignable.addAll(assignable);
            s.arrays.addAll(arrays);
            s.loopVars.addAll(loopVars);
            s.unary.addAll(unary);
            s.binary.addAll(binary);
            s.objects.addAll(objects);
            s.hasX = hasX;
            s.helperLimit = helperLimit;
            s.depth = depth + 1;
            return s;
        }
    }

    private boolean on(Feature f) {
        return features.contains(f);
    }

    /** @return a new program whose member names start with {@code prefix} */
    Program generate(String prefix) {
        this.prefix = prefix;
        this.n = 1 + rnd.nextInt(5);
        this.helpers = new ArrayList<>();
        this.helperArity = new ArrayList<>();
        List<Node> members = new ArrayList<>();
        recursive = on(Feature.RECURSION) && rnd.nextInt(3) == 0;
        thrower = on(Feature.TRY_CATCH) && rnd.nextInt(3) == 0;
        box = on(Feature.OBJECTS) && rnd.nextInt(2) == 0;
        if (on(Feature.STATIC_FIELDS)) {
            members.add(stmt("static double " + prefix + "s;"));
        }
        if (box) {
            members.add(stmt("static final class " + prefix + "Box {\ndouble v;\ndouble w = 0.5;\n"
                    + prefix + "Box(double v) {\nthis.v = v;\n}\ndouble scaled(double s) {\nreturn v * s + w;\n}\n"
                    + "void bump(double s) {\nw += v * s;\n}\n}"));
        }
        if (thrower) {
            members.add(stmt("static double " + prefix + "t(double a) {\nif (a > 0.5) {\n"
                    + "throw new IllegalStateException();\n}\nreturn a * a;\n}"));
        }
        if (on(Feature.CALLS)) {
            int count = rnd.nextInt(3);
            for (int k = 0; k < count; k++) {
                members.add(helper(k));
            }
        }
        if (recursive) {
            members.add(recursiveHelper());
        }
        members.add(entry());
        return new Program(prefix, block(members), point());
    }

    private double[] point() {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -2 + 4 * rnd.nextDouble();
        }
        return x;
    }

    private Node helper(int k) {
        int arity = 1 + rnd.nextInt(3);
        String[] params = {"a", "b", "c"};
        Scope s = new Scope();
        s.depth = 2;
        StringBuilder sig = new StringBuilder("static double " + prefix + "h" + k + "(");
        for (int i = 0; i < arity; i++) {
            sig.append(i > 0 ? ", " : "").append("double ").append(params[i]);
            s.doubles.add(params[i]);
            s.assignable.add(params[i]);
        }
        s.helperLimit = k;
        List<Node> body = new ArrayList<>();
        body.add(fixed("double u = #0;", expression(s, 2)));
        s.doubles.add("u");
        s.assignable.add("u");
        int statements = rnd.nextInt(3);
        for (int i = 0; i < statements; i++) {
            body.add(statement(s));
        }
        body.add(fixed("return #0;", expression(s, 2)));
        helpers.add(prefix + "h" + k);
        helperArity.add(arity);
        return stmt(sig + ") {\n#0\n}", block(body));
    }

    private Node recursiveHelper() {
        Scope s = new Scope();
        s.doubles.add("a");
        s.helperLimit = helpers.size();
        String name = prefix + "r";
        return stmt("static double " + name + "(double a, int d) {\nif (d <= 0) {\nreturn #0;\n}\n"
                + "return #1 + 0.5 * " + name + "(#2, d - 1);\n}",
                expression(s, 2), expression(s, 2), expression(s, 2));
    }

    private Node entry() {
        Scope s = new Scope();
        s.hasX = true;
        s.helperLimit = helpers.size();
        List<Node> body = new ArrayList<>();
        int vars = 2 + rnd.nextInt(3);
        for (int k = 0; k < vars; k++) {
            body.add(fixed("double v" + k + " = " + (rnd.nextBoolean() ? xElem() : CONSTANTS[k] + " * " + xElem()) + ";"));
            s.doubles.add("v" + k);
            s.assignable.add("v" + k);
        }
        for (int k = 0; k < n; k++) {
            s.doubles.add("x[" + k + "]");
        }
        if (on(Feature.ARRAYS)) {
            int arrays = rnd.nextInt(3);
            for (int k = 0; k < arrays; k++) {
                body.add(fixed("double[] a" + k + " = new double[" + n + "];"));
                s.arrays.add("a" + k);
            }
        }
        if (on(Feature.STATIC_FIELDS)) {
            body.add(fixed(prefix + "s = 0.25 * " + xElem() + ";"));
            s.doubles.add(prefix + "s");
            s.assignable.add(prefix + "s");
        }
        if (box) {
            body.add(fixed(prefix + "Box o0 = new " + prefix + "Box(" + xElem() + ");"));
            s.objects.add("o0");
            s.doubles.add("o0.v");
            s.assignable.add("o0.v");
            s.assignable.add("o0.w");
        }
        if (on(Feature.BOXING)) {
            body.add(fixed("Double d0 = " + xElem() + ";"));
            s.doubles.add("d0");
            s.doubles.add("d0.doubleValue()");
            s.assignable.add("d0");
        }
        if (on(Feature.LAMBDAS)) {
            lambdas(s, body);
        }
        int statements = 1 + rnd.nextInt(5);
        for (int i = 0; i < statements; i++) {
            body.add(statement(s));
        }
        Node result = expression(s, 2);
        for (String v : s.assignable) {
            if (rnd.nextInt(3) > 0 && !v.equals("o0.w")) {
                result = expr("(#0 + " + v + ")", result);
            }
        }
        for (String a : s.arrays) {
            result = expr("(#0 + " + a + "[" + rnd.nextInt(n) + "])", result);
        }
        body.add(fixed("return #0 + 0.125 * " + xElem() + ";", result));
        return fixed("public static double " + prefix + "f(double[] x) {\n#0\n}", block(body));
    }

    private void lambdas(Scope s, List<Node> body) {
        body.add(fixed("final double c0 = " + CONSTANTS[rnd.nextInt(CONSTANTS.length)] + " * " + xElem() + ";"));
        Scope ls = new Scope();
        ls.doubles.add("t");
        ls.doubles.add("c0");
        ls.helperLimit = helpers.size();
        body.add(fixed("java.util.function.DoubleUnaryOperator l0 = t -> #0;", expression(ls, 2)));
        body.add(fixed("java.util.function.DoubleUnaryOperator l1 = Math::" + pick("sin", "tanh", "atan", "cos") + ";"));
        Scope bs = new Scope();
        bs.doubles.add("t");
        bs.doubles.add("w");
        bs.helperLimit = helpers.size();
        body.add(fixed("java.util.function.DoubleBinaryOperator l2 = (t, w) -> #0;", expression(bs, 2)));
        s.unary.add("l0");
        s.unary.add("l1");
        s.binary.add("l2");
    }

    private String xElem() {
        return "x[" + rnd.nextInt(n) + "]";
    }

    private String pick(String... options) {
        return options[rnd.nextInt(options.length)];
    }

    // ------------------------------------------------------------------ statements

    private Node statement(Scope s) {
        for (;;) {
            int choice = rnd.nextInt(12);
            switch (choice) {
                case 0: case 1: case 2:
                    return assignment(s);
                case 3:
                    if (on(Feature.ARRAYS) && !s.arrays.isEmpty()) {
                        return arrayStore(s);
                    }
                    break;
                case 4: case 5:
                    if (on(Feature.LOOPS) && s.depth < 3) {
                        return loop(s);
                    }
                    break;
                case 6:
                    if (on(Feature.BRANCHES) && s.depth < 3) {
                        return stmt("if (#0 " + pick(">", "<", ">=", "<=") + " #1) {\n#2\n} else {\n#3\n}",
                                expression(s, 1), expression(s, 1), body(s.inner()), body(s.inner()));
                    }
                    break;
                case 7:
                    if (on(Feature.TRY_CATCH) && s.depth < 3) {
                        return tryCatch(s);
                    }
                    break;
                case 8:
                    if (!s.arrays.isEmpty() && (on(Feature.ARRAYCOPY) || on(Feature.CLONE) || on(Feature.ARRAYS_UTIL))) {
                        return arrayBulk(s);
                    }
                    break;
                case 9:
                    if (!s.objects.isEmpty()) {
                        return stmt(s.objects.get(0) + ".bump(#0);", expression(s, 2));
                    }
                    break;
                default:
                    return assignment(s);
            }
        }
    }

    private Node body(Scope s) {
        List<Node> stmts = new ArrayList<>();
        int count = 1 + rnd.nextInt(2);
        for (int i = 0; i < count; i++) {
            stmts.add(statement(s));
        }
        return block(stmts);
    }

    private Node assignment(Scope s) {
        String v = s.assignable.get(rnd.nextInt(s.assignable.size()));
        switch (rnd.nextInt(6)) {
            case 0: return stmt(v + " = #0;", expression(s, 3));
            case 1: return stmt(v + " -= #0;", expression(s, 3));
            case 2: return stmt(v + " *= 0.5 + 0.5 * Math.cos(#0);", expression(s, 2));
            case 3: return stmt(v + " /= 1.0 + #0 * #0;", expression(s, 2));
            default: return stmt(v + " += #0;", expression(s, 3));
        }
    }

    private String index(Scope s) {
        if (!s.loopVars.isEmpty() && rnd.nextBoolean()) {
            String i = s.loopVars.get(rnd.nextInt(s.loopVars.size()));
            return rnd.nextInt(3) == 0 ? "(" + i + " + 1) % " + n : i;
        }
        return Integer.toString(rnd.nextInt(n));
    }

    private Node arrayStore(Scope s) {
        String a = s.arrays.get(rnd.nextInt(s.arrays.size())) + "[" + index(s) + "]";
        switch (rnd.nextInt(4)) {
            case 0: return stmt(a + " = #0;", expression(s, 3));
            case 1: return stmt(a + " *= 0.5 + 0.25 * Math.sin(#0);", expression(s, 2));
            default: return stmt(a + " += #0;", expression(s, 3));
        }
    }

    private Node arrayBulk(Scope s) {
        String a = s.arrays.get(rnd.nextInt(s.arrays.size()));
        String b = s.arrays.get(rnd.nextInt(s.arrays.size()));
        for (;;) {
            switch (rnd.nextInt(5)) {
                case 0:
                    if (on(Feature.ARRAYCOPY)) {
                        return stmt("System.arraycopy(x, 0, " + a + ", 0, " + n + ");");
                    }
                    break;
                case 1:
                    if (on(Feature.ARRAYCOPY) && n > 1 && !a.equals(b)) {
                        return stmt("System.arraycopy(" + b + ", 0, " + a + ", 1, " + (n - 1) + ");");
                    }
                    break;
                case 2:
                    if (on(Feature.CLONE)) {
                        return stmt(a + " = " + (rnd.nextBoolean() ? "x" : b) + ".clone();");
                    }
                    break;
                case 3:
                    if (on(Feature.ARRAYS_UTIL)) {
                        return stmt(a + " = java.util.Arrays.copyOf(" + (rnd.nextBoolean() ? "x" : b) + ", " + n + ");");
                    }
                    break;
                default:
                    if (on(Feature.ARRAYS_UTIL)) {
                        return stmt("java.util.Arrays.fill(" + a + ", #0);", expression(s, 2));
                    }
            }
        }
    }

    private Node loop(Scope s) {
        Scope inner = s.inner();
        int d = s.depth;
        switch (s.hasX ? rnd.nextInt(4) : 1) {
            case 0: {
                inner.doubles.add("e" + d);
                String over = !s.arrays.isEmpty() && rnd.nextBoolean() ? s.arrays.get(rnd.nextInt(s.arrays.size())) : "x";
                return stmt("for (double e" + d + " : " + over + ") {\n#0\n}", body(inner));
            }
            case 1:
                return stmt("{\nint w" + d + " = 0;\nwhile (w" + d + " < 3) {\n#0\nw" + d + "++;\n}\n}", body(inner));
            default: {
                String i = "i" + d;
                inner.loopVars.add(i);
                inner.doubles.add("x[" + i + "]");
                for (String a : s.arrays) {
                    inner.doubles.add(a + "[" + i + "]");
                }
                return stmt("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++) {\n#0\n}", body(inner));
            }
        }
    }

    private Node tryCatch(Scope s) {
        if (thrower && rnd.nextBoolean()) {
            String v = s.assignable.get(rnd.nextInt(s.assignable.size()));
            return stmt("try {\n" + v + " += " + prefix + "t(#0);\n} catch (IllegalStateException ex" + s.depth + ") {\n#1\n}",
                    expression(s, 2), body(s.inner()));
        }
        return stmt("try {\n#0\nif (#1 > 0.8) {\nthrow new ArithmeticException();\n}\n#2\n} catch (ArithmeticException ex" + s.depth + ") {\n#3\n}",
                body(s.inner()), expression(s, 1), body(s.inner()), body(s.inner()));
    }

    // ------------------------------------------------------------------ expressions

    private Node expression(Scope s, int depth) {
        if (depth <= 0 || rnd.nextInt(5) == 0) {
            return leafOf(s);
        }
        int d = depth - 1;
        for (;;) {
            switch (rnd.nextInt(16)) {
                case 0: case 1: return expr("(#0 + #1)", expression(s, d), expression(s, d));
                case 2: return expr("(#0 - #1)", expression(s, d), expression(s, d));
                case 3: case 4: return expr("(#0 * #1)", expression(s, d), expression(s, d));
                case 5: return expr(pick("(#0 / (1.5 + #1 * #1))", "(#0 / (2.0 + Math.sin(#1)))"), expression(s, d), expression(s, d));
                case 6: return expr("(-#0)", expression(s, d));
                case 7: case 8:
                    if (on(Feature.MATH)) {
                        return math(s, d);
                    }
                    break;
                case 9:
                    if (on(Feature.KINKS)) {
                        return template(s, d, pick("Math.abs(#0)", "Math.min(#0, #1)", "Math.max(#0, #1)", "(#0 % 1.75)",
                                "Math.log(Math.abs(#0) + 1.0)", "(#0 % (1.0 + #1 * #1))"));
                    }
                    break;
                case 10:
                    if (on(Feature.BRANCHES)) {
                        return expr("(#0 " + pick(">", "<=") + " #1 ? #2 : #3)",
                                expression(s, d), expression(s, d), expression(s, d), expression(s, d));
                    }
                    break;
                case 11:
                    if (on(Feature.CONVERSIONS)) {
                        return expr(pick("((long) (#0 * 3.0) + #1)", "((int) (double) #0 * #1)", "(#0 * (double) (int) (#1 * 2.0))",
                                "(#0 + (double) Math.round(#1))"), expression(s, d), expression(s, d));
                    }
                    break;
                case 12:
                    if (s.helperLimit > 0) {
                        int k = rnd.nextInt(s.helperLimit);
                        int arity = helperArity.get(k);
                        Node[] args = new Node[arity];
                        StringBuilder t = new StringBuilder(helpers.get(k)).append('(');
                        for (int i = 0; i < arity; i++) {
                            args[i] = expression(s, d);
                            t.append(i > 0 ? ", " : "").append('#').append(i);
                        }
                        return expr(t.append(')').toString(), args);
                    }
                    break;
                case 13:
                    if (recursive && s.helperLimit == helpers.size() && !s.doubles.contains("a")) {
                        return expr(prefix + "r(#0, " + rnd.nextInt(5) + ")", expression(s, d));
                    }
                    break;
                case 14:
                    if (!s.unary.isEmpty()) {
                        return expr(s.unary.get(rnd.nextInt(s.unary.size())) + ".applyAsDouble(#0)", expression(s, d));
                    }
                    if (!s.binary.isEmpty()) {
                        return expr(s.binary.get(0) + ".applyAsDouble(#0, #1)", expression(s, d), expression(s, d));
                    }
                    break;
                case 15:
                    if (!s.objects.isEmpty()) {
                        return expr(s.objects.get(0) + ".scaled(#0)", expression(s, d));
                    }
                    if (!s.binary.isEmpty()) {
                        return expr(s.binary.get(0) + ".applyAsDouble(#0, #1)", expression(s, d), expression(s, d));
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private Node math(Scope s, int d) {
        String t = pick("Math.sin(#0)", "Math.cos(#0)", "Math.tanh(#0)", "Math.atan(#0)", "Math.exp(Math.sin(#0))",
                "Math.exp(0.5 * #0)", "Math.log(1.0 + #0 * #0)", "Math.sqrt(#0 * #0 + 0.25)",
                "Math.pow(1.25 + Math.sin(#0), #1)", "Math.pow(#0, 2)", "Math.pow(#0, 3.0)", "Math.atan2(#0, #1)",
                "Math.hypot(#0, #1)", "Math.cbrt(#0 * #0 + 1.0)", "Math.sinh(0.5 * #0)", "Math.expm1(0.5 * #0)",
                "Math.log1p(#0 * #0)", "StrictMath.sin(#0)", "StrictMath.exp(Math.cos(#0))");
        return template(s, d, t);
    }

    /** @return an expression node for {@code t} with as many generated children as it has markers */
    private Node template(Scope s, int d, String t) {
        int arity = 0;
        while (t.contains("#" + arity)) {
            arity++;
        }
        Node[] kids = new Node[arity];
        for (int i = 0; i < arity; i++) {
            kids[i] = expression(s, d);
        }
        return expr(t, kids);
    }

    private Node leafOf(Scope s) {
        int r = rnd.nextInt(10);
        if (r == 0) {
            double c = CONSTANTS[rnd.nextInt(CONSTANTS.length)];
            return leaf(c < 0 ? String.format(Locale.ROOT, "(%s)", c) : String.format(Locale.ROOT, "%s", c));
        }
        if (r == 1 && !s.arrays.isEmpty()) {
            return leaf(s.arrays.get(rnd.nextInt(s.arrays.size())) + "[" + index(s) + "]");
        }
        if (s.doubles.isEmpty()) {
            return leaf("1.0");
        }
        return leaf(s.doubles.get(rnd.nextInt(s.doubles.size())));
    }
}
