package sightline.attendance.reports;

import java.util.ArrayList;
import java.util.List;
import sightline.attendance.AttendanceStatus;

/**
 * The report's two charts as geometry for an inline SVG (the template draws rectangles; no chart library, no
 * script): records per status for each session, stacked upwards, and each student's statuses, stacked sideways.
 * Coordinates are in the SVG's viewBox units; the picture scales with the page.
 */
final class ReportCharts {

  static final int WIDTH = 640;
  private static final int SESSION_CHART_HEIGHT = 220;
  private static final int AXIS = 20;
  private static final int ROW = 18;
  private static final int LABEL_WIDTH = 200;
  private static final int MAX_LABEL = 28;

  /**
   * One coloured rectangle, with what it shows in words (for the API and tests; the page's table says the same to
   * screen readers, and the SVG is one labelled image).
   */
  record Segment(double x, double y, double width, double height, String fill, String title) {}

  /** A text label at a position. */
  record Label(double x, double y, String text) {}

  /** A chart: its size, rectangles and labels. */
  record Chart(int width, int height, List<Segment> segments, List<Label> labels) {

    public boolean isEmpty() {
      return segments.isEmpty();
    }
  }

  /** A status and its colour, for the legend. */
  record LegendEntry(AttendanceStatus status, String fill) {}

  private ReportCharts() {}

  static List<LegendEntry> legend() {
    return java.util.Arrays.stream(AttendanceStatus.values()).map(s -> new LegendEntry(s, fill(s))).toList();
  }

  /** Fill colours by status, dark enough against white for the legend's 3:1 non-text contrast. */
  static String fill(AttendanceStatus status) {
    return switch (status) {
      case PRESENT -> "#198754";
      case LATE -> "#b35c00";
      case EXCUSED -> "#0d6efd";
      case ABSENT -> "#b02a37";
    };
  }

  /**
   * Records per session, a stacked column each, in session order; labelled with the session's number.
   *
   * @param statusNames the localised name of each status, in {@link AttendanceStatus} order
   */
  static Chart perSession(CourseReport report, List<String> statusNames) {
    List<CourseReport.SessionSummary> sessions = report.sessions();
    int most = sessions.stream().mapToInt(CourseReport.SessionSummary::marked).max().orElse(0);
    List<Segment> segments = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    if (most == 0) {
      return new Chart(WIDTH, SESSION_CHART_HEIGHT, segments, labels);
    }
    double plot = SESSION_CHART_HEIGHT - AXIS;
    double slot = (double) WIDTH / sessions.size();
    double barWidth = Math.max(1, slot * 0.7);
    for (int i = 0; i < sessions.size(); i++) {
      var session = sessions.get(i);
      double x = i * slot + (slot - barWidth) / 2;
      double top = plot;
      for (AttendanceStatus status : AttendanceStatus.values()) {
        int count = session.count(status);
        if (count == 0) {
          continue;
        }
        double height = plot * count / most;
        top -= height;
        segments.add(new Segment(round(x), round(top), round(barWidth), round(height), fill(status),
            (i + 1) + ". " + shorten(session.session().title()) + ": " + statusNames.get(status.ordinal()) + " "
                + count));
      }
      // Label every session when they fit, else about every tenth, so the numbers never overlap.
      int every = Math.max(1, (int) Math.ceil(sessions.size() / 20.0));
      if (i % every == 0) {
        labels.add(new Label(round(i * slot + slot / 2), SESSION_CHART_HEIGHT - 5, Integer.toString(i + 1)));
      }
    }
    return new Chart(WIDTH, SESSION_CHART_HEIGHT, segments, labels);
  }

  /** Each student's records by status, a stacked row each, in the report's order, scaled to the most sessions. */
  static Chart perStudent(CourseReport report, List<String> statusNames) {
    List<CourseReport.StudentSummary> students = report.students();
    int most = students.stream().mapToInt(CourseReport.StudentSummary::sessionsCounted).max().orElse(0);
    List<Segment> segments = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    int height = Math.max(ROW, students.size() * ROW);
    if (most == 0) {
      return new Chart(WIDTH, height, segments, labels);
    }
    double plot = WIDTH - LABEL_WIDTH;
    for (int i = 0; i < students.size(); i++) {
      var student = students.get(i);
      double y = i * ROW + 2;
      labels.add(new Label(LABEL_WIDTH - 6, y + ROW - 6, shorten(student.name())));
      double x = LABEL_WIDTH;
      for (AttendanceStatus status : AttendanceStatus.values()) {
        int count = student.count(status);
        if (count == 0) {
          continue;
        }
        double width = plot * count / most;
        segments.add(new Segment(round(x), y, round(width), ROW - 4, fill(status),
            shorten(student.name()) + ": " + statusNames.get(status.ordinal()) + " " + count));
        x += width;
      }
    }
    return new Chart(WIDTH, height, segments, labels);
  }

  private static String shorten(String text) {
    return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1) + "…";
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
