package org.fupin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The figures a benchmark measured, each beside the baseline it is compared with. Every figure is
 * printed; when {@code bench/run} asks (system property {@code fupin.bench.figures} naming a file)
 * it is also appended there as a tab-separated row, from which bench/README.md's table is made.
 * The baseline is measured in the same run wherever the machine allows, so that a ratio compares
 * like with like on the day.
 */
public final class BenchmarkFigures {

    public static final String FILE_PROPERTY = "fupin.bench.figures";

    /**
     * One row of the table.
     *
     * @param benchmark     which benchmark measured it, e.g. "search"
     * @param figure        what was measured, e.g. "p99, full name among 500,000 households"
     * @param value         the measurement
     * @param unit          its unit, e.g. "ms" or "rows/s"
     * @param baseline      what it is compared with, e.g. "one household by id, p99"
     * @param baselineValue the baseline's measurement, in the same unit
     * @param aim           the aim the issue set, in words ("≥ 0.25 of the baseline"), or "" when none was set
     */
    public record Figure(String benchmark, String figure, double value, String unit, String baseline, double baselineValue, String aim) {

        public double ratio() {
            return value / baselineValue;
        }
    }

    private BenchmarkFigures() {
    }

    public static void record(Figure figure) {
        System.out.printf(Locale.ROOT, "figure | %s | %s | %,.1f %s | %s %,.1f %s | ratio %.2f | %s%n", figure.benchmark(), figure.figure(),
                figure.value(), figure.unit(), figure.baseline(), figure.baselineValue(), figure.unit(), figure.ratio(), figure.aim());
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        String row = String.join("\t", clean(figure.benchmark()), clean(figure.figure()), String.format(Locale.ROOT, "%.3f", figure.value()),
                clean(figure.unit()), clean(figure.baseline()), String.format(Locale.ROOT, "%.3f", figure.baselineValue()), clean(figure.aim()))
                + "\n";
        try {
            Files.writeString(Path.of(file), row, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append the benchmark figure to " + file, e);
        }
    }

    /** Tabs and line breaks would break the row apart. */
    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ');
    }
}
