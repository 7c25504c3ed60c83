package netlab.process;

import java.time.Duration;

/** Where long work reports how it is going (the CLI prints it on stderr; tests may ignore it). */
public interface Progress {
    Progress SILENT = new Progress() {};

    default void stageStarted(String stage, int units, int ops) {}

    default void unitDone(String stage, int done, int total) {}

    default void stageDone(String stage, Duration took) {}

    default void info(String message) {}

    default void warn(String message) {}
}
