package dev.zebrastream.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The confusion matrix as a PNG: one row per true class, shaded by the share of its clips predicted as
 * each column's class, the diagonal outlined, and each row's clip count and accuracy beside it.
 */
public final class ConfusionPlot {

    private static final int CELL = 14;
    private static final int LABELS = 170;
    private static final int MARGIN = 12;

    private ConfusionPlot() {
    }

    public static void write(Confusion confusion, String title, Path png) throws IOException {
        int n = confusion.classes().size();
        int grid = n * CELL;
        int width = LABELS + grid + 90;
        int height = MARGIN * 3 + LABELS + grid;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, MARGIN, MARGIN + 10);
        int top = MARGIN * 3 + LABELS;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int row = 0; row < n; row++) {
            drawRow(g, confusion, row, top);
        }
        drawColumnLabels(g, confusion, top);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void drawRow(Graphics2D g, Confusion confusion, int row, int top) {
        int total = confusion.rowTotal(row);
        int y = top + row * CELL;
        for (int col = 0; col < confusion.classes().size(); col++) {
            double share = total == 0 ? 0 : confusion.counts()[row][col] / (double) total;
            int shade = (int) Math.round(255 * (1 - share));
            g.setColor(new Color(shade, shade, 255));
            g.fillRect(LABELS + col * CELL, y, CELL, CELL);
        }
        g.setColor(Color.RED);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LABELS + row * CELL, y, CELL - 1, CELL - 1);
        g.setColor(Color.BLACK);
        String name = confusion.classes().get(row);
        g.drawString(name, LABELS - 4 - g.getFontMetrics().stringWidth(name), y + CELL - 3);
        double accuracy = total == 0 ? 0 : confusion.counts()[row][row] / (double) total;
        g.drawString(String.format(Locale.ROOT, "%3.0f%% of %d", 100 * accuracy, total),
                LABELS + confusion.classes().size() * CELL + 6, y + CELL - 3);
    }

    private static void drawColumnLabels(Graphics2D g, Confusion confusion, int top) {
        AffineTransform original = g.getTransform();
        for (int col = 0; col < confusion.classes().size(); col++) {
            g.setTransform(original);
            g.translate(LABELS + col * CELL + CELL - 3, top - 4);
            g.rotate(-Math.PI / 2);
            g.drawString(confusion.classes().get(col), 0, 0);
        }
        g.setTransform(original);
    }
}
