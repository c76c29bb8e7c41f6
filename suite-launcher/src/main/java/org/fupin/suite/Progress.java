package org.fupin.suite;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the user sees while the suite comes up: one line per step, such as
 * {@code [ 3/8] Kafka broker ......... ready (9.8 s)}, and on failure which part failed and
 * the end of the log that says why.
 */
public final class Progress {

    private static final int LABEL_WIDTH = 26;
    private static final int FAILURE_TAIL_LINES = 20;

    private final PrintStream out;
    private final PrintStream err;
    private int total;
    private int number;
    private boolean lineOpen;
    /** Bars are drawn only on a terminal: in a log file or a pipe, a redrawn line is noise. */
    private final boolean bars;

    public Progress(PrintStream out, PrintStream err) {
        this(out, err, System.console() != null);
    }

    /** With {@code bars}, {@link Step#bar} draws whatever the streams are (tests); the two-argument form asks the console. */
    public Progress(PrintStream out, PrintStream err, boolean bars) {
        this.out = out;
        this.err = err;
        this.bars = bars;
    }

    public static Progress console() {
        return new Progress(System.out, System.err);
    }

    /** Numbers the next steps {@code [ 1/steps]} onwards; zero leaves them unnumbered. */
    public void plan(int steps) {
        total = steps;
        number = 0;
    }

    /** Prints the step's label at once, so that a slow step shows what it is waiting for. */
    public Step step(String label) {
        closeLine();
        String prefix = total > 0 ? String.format(Locale.ROOT, "[%2d/%d] ", Math.min(++number, total), total) : "";
        String header = prefix + label + " " + ".".repeat(Math.max(3, LABEL_WIDTH - label.length())) + " ";
        out.print(header);
        out.flush();
        lineOpen = true;
        return new Step(System.nanoTime(), header);
    }

    public void info(String line) {
        closeLine();
        out.println(line);
    }

    /** Reports a failure: the part, the reason, the log to read and the last lines of that log. */
    public void failed(SuiteException failure) {
        if (lineOpen) {
            out.println("failed");
            lineOpen = false;
        }
        out.flush();
        Path log = failure.log();
        err.println("FAILED: " + failure.part() + ": " + failure.reason() + "." + (log == null ? "" : " Read " + log));
        if (log != null) {
            List<String> tail = LogFiles.lastLines(log, FAILURE_TAIL_LINES);
            if (!tail.isEmpty()) {
                err.println("--- last " + tail.size() + " lines of " + log + " ---");
                tail.forEach(err::println);
                err.println("---");
            }
        }
        err.flush();
    }

    private void closeLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    /** A step in progress: notes may be added to its line until it is done. */
    public final class Step {

        private static final int BAR_WIDTH = 30;
        private static final long BAR_REDRAW_NANOS = 150_000_000L;

        private final long startNanos;
        private final String header;
        private long lastBarNanos;
        private boolean barShown;

        private Step(long startNanos, String header) {
            this.startNanos = startNanos;
            this.header = header;
        }

        /**
         * Shows how far a long step is, as {@code [#####-----] done/total} after its label, on
         * standard error and only on a terminal; redrawn at most every 150 ms.
         */
        public void bar(long done, long total) {
            long now = System.nanoTime();
            if (!bars || !lineOpen || total <= 0 || (done < total && now - lastBarNanos < BAR_REDRAW_NANOS)) {
                return;
            }
            lastBarNanos = now;
            int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
            err.print("\r" + header + "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total);
            err.flush();
            barShown = true;
        }

        /** Adds a remark to the open line, for a step that does something slow on the way. */
        public void note(String remark) {
            if (lineOpen) {
                out.print(remark + " ");
                out.flush();
            }
        }

        /** Ends the line with the outcome and, when it took a noticeable time, how long. */
        public void done(String outcome) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            String time = seconds >= 0.1 ? String.format(Locale.ROOT, " (%.1f s)", seconds) : "";
            if (barShown) {
                // Wipe the bar and write the label again where it stood, then the outcome after it.
                err.print("\r\033[K");
                err.flush();
                out.print(header);
                barShown = false;
            }
            if (!lineOpen) {
                out.print("    ");
            }
            out.println(outcome + time);
            out.flush();
            lineOpen = false;
        }
    }
}
