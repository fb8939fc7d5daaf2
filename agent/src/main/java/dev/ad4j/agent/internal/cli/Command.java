package dev.ad4j.agent.internal.cli;

import java.io.PrintStream;

/** One command of the command-line tool. */
public interface Command {

    /** @return the process exit code: 0 on success, 2 on bad arguments, 1 on failure */
    int execute(String[] args, PrintStream out, PrintStream err);
}
