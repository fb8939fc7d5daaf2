package com.example.cli;

/** Methods grad cannot differentiate, for its error messages. */
public final class BrokenFixture {
    private BrokenFixture() {
    }

    /** A vector function that returns null. */
    public static double[] none(double[] x) {
        return null;
    }

    /** A class whose static initializer throws, so that calling its method fails. */
    public static final class FailingInit {
        static final double K = load();

        private FailingInit() {
        }

        private static double load() {
            throw new IllegalStateException("calibration table missing");
        }

        public static double f(double[] x) {
            return K * x[0];
        }
    }
}
