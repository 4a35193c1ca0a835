package org.soteria.performance;

import java.util.List;
import java.util.Locale;

/**
 * Server-rendered SVG charts. Each is an image with a title and description for screen readers,
 * drawn with presentation attributes only (the CSP allows no inline styles), and always shown
 * beside a table of its numbers.
 */
public final class Charts {

    /** GOV.UK colours that stay distinguishable for common colour blindness, in order. */
    static final String[] COLOURS = {"#1d70b8", "#f47738", "#00703c", "#912b88", "#d4351c", "#505a5f", "#28a197",
        "#6f72af"};
    private static final int WIDTH = 640;

    private Charts() {
    }

    /** One labelled bar. */
    public record Bar(String label, double value, String text) {
    }

    /** Horizontal bars, longest = full width; {@code text} is printed at the end of each bar. */
    public static String bars(String id, String title, String description, List<Bar> bars) {
        int rowHeight = 34;
        int labelWidth = 220;
        int height = bars.size() * rowHeight + 10;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder svg = open(id, title, description, WIDTH, height);
        int y = 5;
        for (Bar b : bars) {
            double w = max <= 0 ? 0 : (WIDTH - labelWidth - 150) * b.value() / max;
            svg.append(text(0, y + 21, b.label(), "start"));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"24\" fill=\"%s\"/>",
                    labelWidth, y + 4, w, COLOURS[0]));
            svg.append(text(labelWidth + (int) w + 6, y + 21, b.text(), "start"));
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    /** Stacked columns of shares (each column sums to 1 or is empty), with a legend. */
    public static String stacked(String id, String title, String description, List<String> columns,
            List<String> series, double[][] shares) {
        int height = 300 + ((series.size() + 1) / 2) * 22;
        int left = 40;
        int plotHeight = 240;
        StringBuilder svg = open(id, title, description, WIDTH, height);
        double colWidth = (WIDTH - left - 10) / (double) Math.max(1, columns.size());
        svg.append(text(0, 20, "100%", "start")).append(text(0, plotHeight + 10, "0%", "start"));
        for (int c = 0; c < columns.size(); c++) {
            double y = plotHeight + 10;
            for (int s = 0; s < series.size(); s++) {
                double h = shares[c][s] * plotHeight;
                y -= h;
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                        left + c * colWidth + 1, y, Math.max(1, colWidth - 2), h, COLOURS[s % COLOURS.length]));
            }
            if (columns.size() <= 12 || c % 3 == 0) {
                svg.append(text((int) (left + c * colWidth), plotHeight + 30, columns.get(c), "start"));
            }
        }
        int ly = plotHeight + 50;
        for (int s = 0; s < series.size(); s++) {
            int lx = s % 2 == 0 ? 0 : WIDTH / 2;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>",
                    lx, ly - 12, COLOURS[s % COLOURS.length]));
            svg.append(text(lx + 20, ly, series.get(s), "start"));
            if (s % 2 == 1) {
                ly += 22;
            }
        }
        return svg.append("</svg>").toString();
    }

    /** A vertical line at a point of a chart, with the words a pointer over it shows (an action that went live). */
    public record Mark(int point, String words) {
    }

    /**
     * An XmR (individuals) chart: the values, their mean and natural process limits, signals marked
     * with a larger ring, and marks (improvement actions going live) as vertical lines. A value that is not a
     * number (a month without data) has no point, and the line breaks there.
     */
    public static String xmr(String id, String title, String description, List<String> labels, Xmr chart,
            List<Mark> marks) {
        int height = 300;
        int left = 60;
        int top = 15;
        int plotHeight = 230;
        StringBuilder svg = open(id, title, description, WIDTH, height);
        double[] v = chart.values();
        double lo = Math.min(chart.lowerLimit(), min(v));
        double hi = Math.max(chart.upperLimit(), max(v));
        if (hi - lo < 1e-9) {
            hi = lo + 1;
        }
        double span = hi - lo;
        double step = (WIDTH - left - 20) / (double) Math.max(1, v.length - 1);
        java.util.function.DoubleUnaryOperator y = x -> top + plotHeight - (x - lo) / span * plotHeight;
        line(svg, left, y.applyAsDouble(chart.mean()), WIDTH - 20, y.applyAsDouble(chart.mean()), "#0b0c0c", null);
        line(svg, left, y.applyAsDouble(chart.upperLimit()), WIDTH - 20, y.applyAsDouble(chart.upperLimit()),
                "#d4351c", "6 4");
        line(svg, left, y.applyAsDouble(chart.lowerLimit()), WIDTH - 20, y.applyAsDouble(chart.lowerLimit()),
                "#d4351c", "6 4");
        svg.append(text(0, (int) y.applyAsDouble(chart.upperLimit()) + 4, percent(chart.upperLimit()), "start"));
        svg.append(text(0, (int) y.applyAsDouble(chart.mean()) + 4, percent(chart.mean()), "start"));
        svg.append(text(0, (int) y.applyAsDouble(chart.lowerLimit()) + 4, percent(chart.lowerLimit()), "start"));
        for (Mark m : marks) {
            double x = left + m.point() * step;
            svg.append(String.format(Locale.ROOT, "<g><title>%s</title>", escape(m.words())));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#912b88\" "
                    + "stroke-width=\"2.5\" stroke-dasharray=\"2 3\"/>", x, top, x, top + plotHeight));
            svg.append("</g>");
        }
        StringBuilder path = new StringBuilder();
        boolean drawing = false;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                drawing = false;
                continue;
            }
            path.append(path.isEmpty() ? "" : " ").append(drawing ? "L" : "M").append(String.format(Locale.ROOT,
                    "%.1f %.1f", left + i * step, y.applyAsDouble(v[i])));
            drawing = true;
        }
        if (!path.isEmpty()) {
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(COLOURS[0])
                    .append("\" stroke-width=\"2\"/>");
        }
        for (int i = 0; i < v.length; i++) {
            boolean signal = chart.signals()[i];
            if (!Double.isNaN(v[i])) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"/>",
                        left + i * step, y.applyAsDouble(v[i]), signal ? 6 : 3, signal ? "#d4351c" : COLOURS[0]));
            }
            if (labels.size() <= 12 || i % 3 == 0) {
                svg.append(text((int) (left + i * step) - 14, top + plotHeight + 25, labels.get(i), "start"));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** An XmR chart's numbers: mean, limits (mean ± 2.66 × mean moving range) and which points are signals. */
    public record Xmr(double[] values, double mean, double averageMovingRange, double upperLimit, double lowerLimit,
            boolean[] signals) {

        /**
         * Signals: a point outside the limits, or eight in a row on one side of the mean (rules 1 and 2
         * of Wheeler's, the ones the NHS "Making Data Count" guidance uses for special cause). A value that is not
         * a number is a period without data: the mean, the moving ranges (between the periods with data either
         * side of it) and the runs pass over it, and it is never a signal.
         */
        public static Xmr of(double[] values) {
            int[] present = java.util.stream.IntStream.range(0, values.length).filter(i -> !Double.isNaN(values[i]))
                    .toArray();
            int n = present.length;
            double mean = 0;
            for (int i : present) {
                mean += values[i];
            }
            mean = n == 0 ? 0 : mean / n;
            double mr = 0;
            for (int k = 1; k < n; k++) {
                mr += Math.abs(values[present[k]] - values[present[k - 1]]);
            }
            mr = n < 2 ? 0 : mr / (n - 1);
            double upper = mean + 2.66 * mr;
            double lower = Math.max(0, mean - 2.66 * mr);
            boolean[] signals = new boolean[values.length];
            for (int i : present) {
                signals[i] = values[i] > upper || values[i] < lower;
            }
            int run = 0;
            int side = 0;
            for (int k = 0; k < n; k++) {
                int s = Double.compare(values[present[k]], mean);
                if (s != 0 && s == side) {
                    run++;
                } else {
                    side = s;
                    run = s == 0 ? 0 : 1;
                }
                if (run >= 8) {
                    for (int j = k - run + 1; j <= k; j++) {
                        signals[present[j]] = true;
                    }
                }
            }
            return new Xmr(values, mean, mr, upper, lower, signals);
        }
    }

    public static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    /** The least of the values that are numbers; 0 when none is. */
    private static double min(double[] v) {
        return java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).min().orElse(0);
    }

    /** The greatest of the values that are numbers; 1 when none is. */
    private static double max(double[] v) {
        return java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).max().orElse(1);
    }

    /** A point of a scatter chart; a highlighted one is drawn larger, in its own colour, with its label. */
    public record Dot(double x, double y, String label, boolean highlighted) {
    }

    /** A line through points, in a colour, solid or dashed, with the label its legend gives (none when blank). */
    public record Curve(String label, double[] xs, double[] ys, String colour, boolean dashed) {
    }

    /**
     * A scatter chart of proportions (y from 0) against a count (x from 0), with curves such as a funnel
     * plot's control limits; each curve is named in a legend under the chart.
     */
    public static String scatter(String id, String title, String description, String xLabel, String yLabel,
            List<Dot> dots, List<Curve> curves) {
        return scatter(id, title, description, xLabel, yLabel, dots, curves, true);
    }

    /** Steps an axis of amounts may take, times a power of ten. */
    private static final double[] STEPS = {1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};

    /** The top of an axis of amounts: four equal steps of a round size (see {@link #STEPS}), at or above {@code max}. */
    static double roundUp(double max) {
        double raw = Math.max(1, max / 4);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : STEPS) {
            if (raw <= step * power + 1e-9) {
                return 4 * step * power;
            }
        }
        return 40 * power;
    }

    /** The y axis's tick: a percentage for proportions, else a whole number (days, for example). */
    private static String tick(double y, boolean proportion) {
        if (proportion) {
            return percent(y);
        }
        return Math.abs(y - Math.round(y)) < 1e-9 ? String.format(Locale.ROOT, "%,d", Math.round(y))
                : String.format(Locale.ROOT, "%.1f", y);
    }

    /** As {@link #scatter(String, String, String, String, String, List, List)}; y any amount from 0 unless {@code proportion}. */
    public static String scatter(String id, String title, String description, String xLabel, String yLabel,
            List<Dot> dots, List<Curve> curves, boolean proportion) {
        int height = 380;
        int left = 60;
        int right = WIDTH - 20;
        int top = 20;
        int bottom = height - 80;
        double maxX = 1;
        double maxY = 0.01;
        for (Dot d : dots) {
            maxX = Math.max(maxX, d.x() * 1.05);
            maxY = Math.max(maxY, d.y() * 1.1);
        }
        for (Curve c : curves) {
            for (double y : c.ys()) {
                maxY = Math.max(maxY, proportion ? Math.min(1, y) : y * 1.1);
            }
        }
        maxY = proportion ? Math.min(1, maxY) : roundUp(maxY);
        double mx = maxX;
        double my = maxY;
        java.util.function.DoubleUnaryOperator px = x -> left + (right - left) * x / mx;
        java.util.function.DoubleUnaryOperator py = y -> bottom - (bottom - top) * Math.min(y, my) / my;
        StringBuilder svg = open(id, title, description, WIDTH, height);
        line(svg, left, bottom, right, bottom, "#0b0c0c", null);
        line(svg, left, top, left, bottom, "#0b0c0c", null);
        for (int i = 0; i <= 4; i++) {
            double y = my * i / 4;
            svg.append(text(left - 6, (int) py.applyAsDouble(y) + 5, tick(y, proportion), "end"));
            double x = mx * i / 4;
            svg.append(text((int) px.applyAsDouble(x), bottom + 18, String.format(Locale.ROOT, "%,d", Math.round(x)),
                    "middle"));
        }
        svg.append(text((left + right) / 2, bottom + 36, xLabel, "middle"));
        svg.append("<text x=\"14\" y=\"").append((top + bottom) / 2).append("\" font-size=\"14\" font-family=\"Arial, "
                + "sans-serif\" fill=\"#0b0c0c\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append((top + bottom) / 2).append(")\">").append(escape(yLabel)).append("</text>");
        int legendX = left;
        for (Curve c : curves) {
            String colour = c.colour();
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < c.xs().length; i++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(c.xs()[i]),
                        py.applyAsDouble(c.ys()[i])));
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\"")
                    .append(c.dashed() ? " stroke-dasharray=\"6 4\"" : "").append(" points=\"").append(points)
                    .append("\"/>");
            if (!c.label().isBlank()) {
                line(svg, legendX, height - 18, legendX + 24, height - 18, colour, c.dashed() ? "6 4" : null);
                svg.append(text(legendX + 28, height - 13, c.label(), "start"));
                legendX += 36 + c.label().length() * 7;
            }
        }
        for (Dot d : dots) {
            if (!d.highlighted()) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>",
                        px.applyAsDouble(d.x()), py.applyAsDouble(d.y()), "#505a5f"));
            }
        }
        for (Dot d : dots) {
            if (d.highlighted()) {
                double cx = px.applyAsDouble(d.x());
                double cy = py.applyAsDouble(d.y());
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"%s\" "
                        + "stroke=\"#0b0c0c\" stroke-width=\"2\"/>", cx, cy, COLOURS[0]));
                svg.append(text((int) cx + (cx > right - 120 ? -10 : 10), (int) cy - 10, d.label(),
                        cx > right - 120 ? "end" : "start"));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** A line chart of several series of proportions over the same labels; a null value leaves a gap. */
    public static String lines(String id, String title, String description, List<String> labels,
            java.util.Map<String, Double[]> series) {
        return lines(id, title, description, labels, series, true);
    }

    /** As {@link #lines(String, String, String, List, java.util.Map)}; y any amount from 0 unless {@code proportion}. */
    public static String lines(String id, String title, String description, List<String> labels,
            java.util.Map<String, Double[]> series, boolean proportion) {
        int height = 320;
        int left = 60;
        int right = WIDTH - 20;
        int top = 20;
        int bottom = height - 70;
        double maxY = 0.01;
        for (Double[] values : series.values()) {
            for (Double v : values) {
                if (v != null) {
                    maxY = Math.max(maxY, v * 1.15);
                }
            }
        }
        double my = proportion ? Math.min(1, maxY) : roundUp(maxY);
        int n = labels.size();
        java.util.function.IntToDoubleFunction px = i -> n <= 1 ? (left + right) / 2.0
                : left + (right - left) * (double) i / (n - 1);
        java.util.function.DoubleUnaryOperator py = y -> bottom - (bottom - top) * y / my;
        StringBuilder svg = open(id, title, description, WIDTH, height);
        line(svg, left, bottom, right, bottom, "#0b0c0c", null);
        line(svg, left, top, left, bottom, "#0b0c0c", null);
        for (int i = 0; i <= 4; i++) {
            double y = my * i / 4;
            svg.append(text(left - 6, (int) py.applyAsDouble(y) + 5, tick(y, proportion), "end"));
        }
        for (int i = 0; i < n; i++) {
            svg.append(text((int) px.applyAsDouble(i), bottom + 18, labels.get(i), "middle"));
        }
        int k = 0;
        int legendX = left;
        for (java.util.Map.Entry<String, Double[]> e : series.entrySet()) {
            String colour = COLOURS[k % COLOURS.length];
            String dash = k == 0 ? null : "6 4";
            k++;
            Double[] v = e.getValue();
            for (int i = 0; i + 1 < v.length; i++) {
                if (v[i] != null && v[i + 1] != null) {
                    line(svg, px.applyAsDouble(i), py.applyAsDouble(v[i]), px.applyAsDouble(i + 1),
                            py.applyAsDouble(v[i + 1]), colour, dash);
                }
            }
            for (int i = 0; i < v.length; i++) {
                if (v[i] != null) {
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>",
                            px.applyAsDouble(i), py.applyAsDouble(v[i]), colour));
                }
            }
            line(svg, legendX, height - 18, legendX + 24, height - 18, colour, dash);
            svg.append(text(legendX + 28, height - 13, e.getKey(), "start"));
            legendX += 40 + e.getKey().length() * 8;
        }
        return svg.append("</svg>").toString();
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String colour,
            String dash) {
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\"%s/>",
                x1, y1, x2, y2, colour, dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
    }

    private static StringBuilder open(String id, String title, String description, int width, int height) {
        return new StringBuilder().append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" role=\"img\" ")
                .append("viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" aria-labelledby=\"")
                .append(id).append("-title ").append(id).append("-desc\"><title id=\"").append(id).append("-title\">")
                .append(escape(title)).append("</title><desc id=\"").append(id).append("-desc\">")
                .append(escape(description)).append("</desc>");
    }

    private static String text(int x, int y, String s, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"14\" font-family=\"Arial, sans-serif\" fill=\"#0b0c0c\""
                + " text-anchor=\"" + anchor + "\">" + escape(s) + "</text>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
