package org.soteria.operations;

import java.io.PrintStream;

/**
 * How long work tells its operator where it is: each step as it starts, and within a long one rows, rate and,
 * when the share done is known, the time left. On a terminal the running figures redraw one line with a bar; in a
 * log or a pipe each is a plain line of its own.
 */
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

    /** Part way through {@code what} with the share done known (0 to 1): rows, rate, and the time left. */
    default void share(String what, long rows, double fraction, long nanos) {
        during(what, rows, 0, nanos);
    }

    /** Plain lines on a stream (standard error, so that standard output stays the command's result). */
    static Progress lines(PrintStream out, String command) {
        return new Lines(out, command, false);
    }

    /** Standard error: a redrawn line with a bar on a terminal, plain lines otherwise. */
    static Progress standardError(String command) {
        String term = System.getenv("TERM");
        boolean terminal = System.console() != null && term != null && !"dumb".equals(term);
        return new Lines(System.err, command, terminal);
    }

    /** The two ways of telling: {@code redraw} on a terminal, plain lines otherwise. */
    final class Lines implements Progress {

        private static final int BAR = 24;

        private final PrintStream out;
        private final String command;
        private final boolean redraw;
        private boolean drawn;

        Lines(PrintStream out, String command, boolean redraw) {
            this.out = out;
            this.command = command;
            this.redraw = redraw;
        }

        @Override
        public synchronized void step(String message) {
            endDrawing();
            out.println(command + ": " + message);
        }

        @Override
        public void during(String what, long rows, long bytes, long nanos) {
            double seconds = Math.max(1e-3, nanos / 1e9);
            String text = bytes > 0
                    ? String.format("%s: %,d rows, %,.1f MB so far (%,.1f MB/s)", what, rows, bytes / 1e6,
                            bytes / 1e6 / seconds)
                    : String.format("%s: %,d rows (%,.0f rows/s)", what, rows, rows / seconds);
            tell(text, null);
        }

        @Override
        public void share(String what, long rows, double fraction, long nanos) {
            double seconds = Math.max(1e-3, nanos / 1e9);
            double f = Math.max(0, Math.min(1, fraction));
            String left = f > 0.01 && f < 1 ? String.format(", about %s left", duration(seconds * (1 - f) / f)) : "";
            tell(String.format("%s: %,d rows, %,.0f rows/s, %.0f%%%s", what, rows, rows / seconds, f * 100, left), f);
        }

        private synchronized void tell(String text, Double fraction) {
            if (!redraw) {
                out.println(command + ":   " + text);
                return;
            }
            String bar = fraction == null ? "" : "[" + "#".repeat((int) Math.round(fraction * BAR))
                    + " ".repeat(BAR - (int) Math.round(fraction * BAR)) + "] ";
            out.print("\r\033[2K" + bar + text);
            out.flush();
            drawn = true;
        }

        private void endDrawing() {
            if (drawn) {
                out.println();
                drawn = false;
            }
        }

        static String duration(double seconds) {
            long s = Math.round(seconds);
            return s < 90 ? s + " s" : s < 5400 ? Math.round(s / 60.0) + " min" : String.format("%.1f h", s / 3600.0);
        }
    }
}
