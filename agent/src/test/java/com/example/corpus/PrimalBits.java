package com.example.corpus;

/**
 * Prints the raw bits of every corpus program's primal results, so that a JVM without the agent
 * and one with it can be compared bit for bit.
 */
public final class PrimalBits {

    private PrimalBits() {
    }

    public static void main(String[] args) {
        for (Program p : Corpus.programs()) {
            System.out.print(p.primalBits());
        }
    }
}
