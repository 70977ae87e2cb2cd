package sightline.engagement.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.web.util.HtmlUtils;
import sightline.engagement.EngagementState;
import sightline.engagement.timeline.BucketTimes;

/**
 * The report's charts as inline SVG (no script, no inline style, so the pages keep their content security policy):
 * a student's timeline as a strip of buckets coloured by the state that took most of each, and the class average
 * over time as a line. Each chart carries a text label for screen readers; colours are never the only cue (the
 * tables beside them give the figures).
 */
public final class Charts {

  static final int WIDTH = 600;

  private Charts() {
  }

  /** The colour of a state, the same as on the dashboard (engagement.css). */
  public static String colour(EngagementState state) {
    return switch (state) {
      case ATTENTIVE -> "#198754";
      case LOOKING_AWAY -> "#fd7e14";
      case EYES_CLOSED -> "#d4a106";
      case DROWSY -> "#6f42c1";
      case ABSENT -> "#6c757d";
      case SOMEONE_ELSE -> "#dc3545";
    };
  }

  /**
   * A strip of {@code timeline}'s buckets between {@code from} and {@code to}, each with a tooltip from
   * {@code label}.
   */
  public static String strip(List<BucketTimes> timeline, Instant from, Instant to, Duration bucket, String ariaLabel,
      Function<EngagementState, String> label) {
    double span = Math.max(1, Duration.between(from, to).toMillis());
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"engagement-strip\" viewBox=\"0 0 ").append(WIDTH).append(" 16\" role=\"img\" ")
        .append("preserveAspectRatio=\"none\" aria-label=\"").append(escape(ariaLabel)).append("\">")
        .append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"16\" fill=\"#f1f3f5\"/>");
    for (BucketTimes b : timeline) {
      if (b.times().totalMillis() == 0) {
        continue;
      }
      double x = WIDTH * Duration.between(from, b.start()).toMillis() / span;
      double w = Math.max(1, WIDTH * bucket.toMillis() / span);
      EngagementState state = SessionReport.StudentLine.dominant(b.times());
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"16\" fill=\"%s\">",
          x, w, colour(state))).append("<title>").append(escape(label.apply(state))).append("</title></rect>");
    }
    return svg.append("</svg>").toString();
  }

  /** The class average (0–100%) between {@code from} and {@code to}, with 0, 50 and 100% gridlines. */
  public static String classAverage(List<SessionReport.ClassPoint> points, Instant from, Instant to,
      String ariaLabel) {
    int height = 120;
    double span = Math.max(1, Duration.between(from, to).toMillis());
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"engagement-chart\" viewBox=\"0 0 ").append(WIDTH + 40).append(' ').append(height + 10)
        .append("\" role=\"img\" aria-label=\"").append(escape(ariaLabel)).append("\">");
    for (int percent : new int[] {0, 50, 100}) {
      double y = 5 + height * (100 - percent) / 100.0;
      svg.append(String.format(Locale.ROOT, "<line x1=\"36\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#adb5bd\" "
          + "stroke-width=\"0.5\"/><text x=\"0\" y=\"%.1f\" font-size=\"10\" fill=\"#495057\">%d%%</text>",
          WIDTH + 40, y, y, y + 3, percent));
    }
    if (!points.isEmpty()) {
      svg.append("<polyline fill=\"none\" stroke=\"#0d6efd\" stroke-width=\"2\" points=\"");
      for (SessionReport.ClassPoint p : points) {
        double x = 40 + WIDTH * Duration.between(from, p.at()).toMillis() / span;
        double y = 5 + height * (100 - p.percent()) / 100.0;
        svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      svg.append("\"/>");
    }
    return svg.append("</svg>").toString();
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text);
  }
}
