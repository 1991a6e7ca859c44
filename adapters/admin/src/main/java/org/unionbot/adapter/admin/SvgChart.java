package org.unionbot.adapter.admin;

import java.util.List;
import java.util.Locale;

/**
 * Server-rendered horizontal bar charts as inline SVG: no script, no library, readable by screen readers
 * (a {@code <title>} per chart and per bar, and the numbers printed beside each bar), printable and
 * fine on a phone (the viewBox scales to the width).
 */
public final class SvgChart {

    /** One bar: its label, and segments drawn left to right (for example sent / failed / pending). */
    public record Bar(String label, List<Segment> segments) {
        int total() {
            return segments.stream().mapToInt(Segment::value).sum();
        }
    }

    /** @param cssClass colour class from console.css ({@code ok}, {@code bad}, {@code wait}, {@code rest}) */
    public record Segment(String name, int value, String cssClass) {}

    private SvgChart() {}

    /**
     * @param max the value of a full-width bar; 0 uses the largest total (use 100 for percentages)
     */
    public static String bars(String title, List<Bar> bars, int max, String unit) {
        int rowHeight = 28;
        int labelWidth = 180;
        int barWidth = 320;
        int width = labelWidth + barWidth + 110;
        int height = Math.max(1, bars.size()) * rowHeight + 8;
        int scale = max > 0 ? max : Math.max(1, bars.stream().mapToInt(Bar::total).max().orElse(1));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\" preserveAspectRatio=\"xMinYMin meet\""
                        + " xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>",
                width, height, esc(title)));
        int y = 4;
        for (Bar bar : bars) {
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" class=\"label\">%s</text>", y + 18,
                    esc(shorten(bar.label(), 14))));
            int x = labelWidth;
            StringBuilder detail = new StringBuilder();
            for (Segment s : bar.segments()) {
                int w = (int) Math.round((double) s.value() * barWidth / scale);
                if (w > 0) {
                    svg.append(String.format(Locale.ROOT,
                            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"20\" class=\"%s\"><title>%s %s：%d%s</title></rect>",
                            x, y + 4, w, s.cssClass(), esc(bar.label()), esc(s.name()), s.value(), esc(unit)));
                }
                x += w;
                if (detail.length() > 0) {
                    detail.append(" / ");
                }
                detail.append(s.value());
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"value\">%s%s</text>",
                    labelWidth + barWidth + 8, y + 18, esc(detail.toString()), esc(unit)));
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
