package fr.moncompte.portal.web.charts;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart of one value per month, drawn on the server as SVG (no script: the pages' content security policy stays
 * strict, and the chart is there without JavaScript). Its title and summary are the chart's text alternative; the
 * figures go in a table beside it, so nothing is said by the drawing alone.
 *
 * @param title   what the chart shows ("Montants facturés TTC, 12 derniers mois")
 * @param summary the text alternative: the period, the total, the highest month
 * @param bars    the months, oldest first
 */
public record MonthChart(String title, String summary, List<Bar> bars, String legend, String secondLegend)
        implements Serializable {

    /** A chart of one series. */
    public MonthChart(String title, String summary, List<Bar> bars) {
        this(title, summary, bars, null, null);
    }

    /** The drawing's size in SVG units; the page scales it to its width. */
    public static final int WIDTH = 720, HEIGHT = 240, AXIS = 200, BAR = 40, STEP = 60, LEFT = 10;

    /**
     * One month.
     *
     * @param label  the month as the table and the axis name it ("janv. 2026")
     * @param text   the value as written in the table ("1 234,56 €")
     * @param x      the bar's left edge
     * @param y      its top
     * @param height its height (at least 1 for a value above zero, so that it shows)
     */
    public record Bar(String label, String shortLabel, String text, int x, int y, int height, int secondY,
                      int secondHeight) implements Serializable {

        public Bar(String label, String shortLabel, String text, int x, int y, int height) {
            this(label, shortLabel, text, x, y, height, AXIS + 10, 0);
        }

        /** The same bar with a second value drawn inside it on the same scale (e.g. how many of them are paid). */
        public Bar within(int second) {
            return new Bar(label, shortLabel, text, x, y, height, AXIS + 10 - second, second);
        }
    }

    /** Bars scaled so that the highest value fills the axis. */
    public static List<Bar> bars(List<String> labels, List<String> shortLabels, List<String> texts,
                                 List<BigDecimal> values) {
        BigDecimal highest = values.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            BigDecimal value = values.get(i).max(BigDecimal.ZERO);
            int height = highest.signum() <= 0 ? 0 : value.multiply(BigDecimal.valueOf(AXIS))
                    .divide(highest, 0, RoundingMode.HALF_UP).intValue();
            if (value.signum() > 0 && height == 0) {
                height = 1;
            }
            bars.add(new Bar(labels.get(i), shortLabels.get(i), texts.get(i), LEFT + i * STEP, AXIS - height + 10,
                    height));
        }
        return List.copyOf(bars);
    }
}
