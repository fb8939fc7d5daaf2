package com.example.late;

import dev.ad4j.AD;
import java.io.File;
import java.util.Arrays;
import net.bytebuddy.agent.ByteBuddyAgent;

/** Computes with one class, attaches the agent to its own JVM, then differentiates another. */
public final class LateAttach {

    private LateAttach() {
    }

    public static void main(String[] args) {
        System.out.println("before " + Early.f(new double[] {1, 2}));
        ByteBuddyAgent.attach(new File(args[0]), String.valueOf(ProcessHandle.current().pid()),
                "includes=com.example.late.*");
        System.out.println("late " + Arrays.toString(AD.gradient(Late::f, new double[] {1, 2})));
        try {
            AD.gradient(Early::f, new double[] {1, 2});
            System.out.println("early differentiated");
        } catch (RuntimeException e) {
            System.out.println("early " + e.getClass().getSimpleName());
        }
    }

    /** Loaded before the attach. */
    static final class Early {
        static double f(double[] x) {
            return x[0] * x[1];
        }
    }

    /** Loaded after the attach. */
    static final class Late {
        static double f(double[] x) {
            return x[0] * x[0] * x[1];
        }
    }
}
