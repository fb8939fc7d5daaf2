package dev.ad4j.agent.internal.cli;

/**
 * Numbers as {@code grad} prints them: {@link Double#toString}, the shortest text that reads
 * back as the same double, so printed results can be pasted into code or compared exactly.
 */
final class Formatting {

    private Formatting() {
    }

    /** {@code [5.5, 1.7163378145367738]}. */
    static String vector(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return sb.append(']').toString();
    }

    /** One bracketed row per line, columns right-aligned. */
    static String matrix(double[][] m, String indent) {
        int width = 0;
        for (double[] row : m) {
            for (double d : row) {
                width = Math.max(width, Double.toString(d).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (double[] row : m) {
            sb.append(indent).append('[');
            for (int j = 0; j < row.length; j++) {
                String s = Double.toString(row[j]);
                sb.append(j == 0 ? "" : ", ").append(" ".repeat(width - s.length())).append(s);
            }
            sb.append("]\n");
        }
        return sb.toString();
    }
}
