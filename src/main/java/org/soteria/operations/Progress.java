package org.soteria.operations;

import java.io.PrintStream;

/** How long work tells its operator where it is: each step as it starts, and within a long one rows and rate. */
public interface Progress {

    /** Nothing told (tests, and work whose caller reports itself). */
    Progress SILENT = new Progress() {
        @Override
        public void step(String message) {
        }

        @Override
        public void during(String what, long rows, long bytes, long nanos) {
        }
    };

    void step(String message);

    /** Part way through {@code what}: rows and bytes done in {@code nanos} since it started. */
    void during(String what, long rows, long bytes, long nanos);

    /** Plain lines on a stream (standard error, so that standard output stays the command's result). */
    static Progress lines(PrintStream out, String command) {
        return new Progress() {
            @Override
            public void step(String message) {
                out.println(command + ": " + message);
            }

            @Override
            public void during(String what, long rows, long bytes, long nanos) {
                double seconds = Math.max(1e-3, nanos / 1e9);
                out.printf("%s:   %s: %,d rows, %,.1f MB so far (%,.1f MB/s)%n", command, what, rows, bytes / 1e6,
                        bytes / 1e6 / seconds);
            }
        };
    }
}
