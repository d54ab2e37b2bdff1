package vn.chotdon.simulation.bench;

import java.util.List;
import java.util.Locale;

/** A line chart as inline SVG, drawn here so that the report needs nothing from the network. */
final class SvgChart {

    record Series(String name, String color, List<double[]> points) {
    }

    private static final int WIDTH = 760;
    private static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 150;
    private static final int TOP = 28;
    private static final int BOTTOM = 36;

    private SvgChart() {
    }

    /** logY: a logarithmic y axis (latencies spanning milliseconds to seconds). */
    static String lines(String title, String xLabel, String yLabel, boolean logY, List<Series> series) {
        double maxX = 1;
        double maxY = logY ? 10 : 1;
        double minY = logY ? 1 : 0;
        for (Series s : series) {
            for (double[] p : s.points()) {
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
                if (logY && p[1] > 0) {
                    minY = Math.min(minY, p[1]);
                }
            }
        }
        if (logY) {
            minY = Math.pow(10, Math.floor(Math.log10(minY)));
            maxY = Math.pow(10, Math.ceil(Math.log10(maxY)));
        } else {
            maxY = niceCeiling(maxY);
        }
        Scale scale = new Scale(maxX, minY, maxY, logY);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' "
                + "font-family='sans-serif' font-size='11'>", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='16' font-size='13' font-weight='bold'>%s</text>", LEFT,
                escape(title)));
        int plotRight = WIDTH - RIGHT;
        int plotBottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>", LEFT,
                TOP, plotRight - LEFT, plotBottom - TOP));
        for (double tick : yTicks(minY, maxY, logY)) {
            double y = scale.y(tick);
            svg.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#eee'/>"
                    + "<text x='%d' y='%.1f' text-anchor='end'>%s</text>", LEFT, plotRight, y, y, LEFT - 4, y + 4, label(tick)));
        }
        double xStep = niceCeiling(maxX / 8);
        for (double x = 0; x <= maxX + 1e-9; x += xStep) {
            svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' text-anchor='middle'>%s</text>", scale.x(x),
                    plotBottom + 14, label(x)));
        }
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle'>%s</text>", (LEFT + plotRight) / 2,
                HEIGHT - 4, escape(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text x='12' y='%d' transform='rotate(-90 12 %d)' text-anchor='middle'>%s</text>",
                (TOP + plotBottom) / 2, (TOP + plotBottom) / 2, escape(yLabel)));
        int legend = TOP + 6;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            for (double[] p : s.points()) {
                if (logY && p[1] <= 0) {
                    continue;
                }
                path.append(path.length() == 0 ? "M" : "L")
                        .append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(p[0]), scale.y(p[1])));
            }
            if (path.length() > 0) {
                svg.append(String.format(Locale.ROOT, "<path d='%s' fill='none' stroke='%s' stroke-width='1.6'/>", path,
                        s.color()));
            }
            svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='12' height='3' fill='%s'/>"
                    + "<text x='%d' y='%d'>%s</text>", plotRight + 8, legend, s.color(), plotRight + 24, legend + 5,
                    escape(s.name())));
            legend += 16;
        }
        return svg.append("</svg>").toString();
    }

    private record Scale(double maxX, double minY, double maxY, boolean logY) {
        double x(double value) {
            return LEFT + (WIDTH - RIGHT - LEFT) * value / maxX;
        }

        double y(double value) {
            double share = logY ? (Math.log10(Math.max(value, minY)) - Math.log10(minY)) / (Math.log10(maxY) - Math.log10(minY))
                    : value / maxY;
            return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * share;
        }
    }

    private static List<Double> yTicks(double minY, double maxY, boolean logY) {
        java.util.ArrayList<Double> ticks = new java.util.ArrayList<>();
        if (logY) {
            for (double t = minY; t <= maxY * 1.0001; t *= 10) {
                ticks.add(t);
            }
        } else {
            for (int i = 0; i <= 4; i++) {
                ticks.add(maxY * i / 4);
            }
        }
        return ticks;
    }

    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
