package dev.zebrastream.eval;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** HM against shots per method, one panel per setting, written as one PNG with XChart. */
public final class HmPlot {

    private static final int PANEL_WIDTH = 560;
    private static final int PANEL_HEIGHT = 460;
    private static final int MAX_COLUMNS = 3;

    private HmPlot() {
    }

    public static void write(List<CellSummary> cells, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<XYChart> panels = new ArrayList<>();
        for (String setting : cells.stream().map(CellSummary::setting).distinct().toList()) {
            panels.add(panel(setting, cells.stream().filter(c -> c.setting().equals(setting)).toList()));
        }
        int columns = columns(panels.size());
        int rows = panels.size() / columns;
        String name = png.toString();
        BitmapEncoder.saveBitmap(panels, rows, columns, name.endsWith(".png") ? name.substring(0, name.length() - 4)
                : name, BitmapEncoder.BitmapFormat.PNG);
    }

    /** XChart fills every cell of its grid, so the column count must divide the panel count. */
    static int columns(int panels) {
        for (int c = Math.min(MAX_COLUMNS, panels); c > 1; c--) {
            if (panels % c == 0) {
                return c;
            }
        }
        return 1;
    }

    /**
     * Shots on a log2 axis (1, 2, 4, ... evenly spaced), HM in percent with the seed spread (sample standard
     * deviation) as error bars in the series' colour.
     */
    private static XYChart panel(String setting, List<CellSummary> cells) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(setting)
                .xAxisTitle("shots per base class").yAxisTitle("HM (%)").build();
        XYStyler style = chart.getStyler();
        style.setYAxisDecimalPattern("0.0");
        style.setErrorBarsColorSeriesColor(true);
        style.setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal)
                .setMarkerSize(6).setChartBackgroundColor(Color.WHITE)
                .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        style.setxAxisTickLabelsFormattingFunction(x -> Long.toString(Math.round(Math.pow(2, x))));
        for (String method : cells.stream().map(CellSummary::method).distinct().toList()) {
            List<CellSummary> series = cells.stream().filter(c -> c.method().equals(method)).toList();
            XYSeries s = chart.addSeries(method,
                    series.stream().mapToDouble(c -> Math.log(c.shots()) / Math.log(2)).toArray(),
                    series.stream().mapToDouble(c -> 100 * c.hm().mean()).toArray(),
                    series.stream().mapToDouble(c -> 100 * c.hm().std()).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        return chart;
    }
}
