package sightline.engagement.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import sightline.engagement.EngagementState;
import sightline.engagement.timeline.BucketTimes;

/**
 * A session report as CSV (one line per student, seconds per state) and as PDF (the same table and the class
 * average chart), in the caller's language.
 */
@Component
class ReportExports {

  private final MessageSource messages;

  ReportExports(MessageSource messages) {
    this.messages = messages;
  }

  String csv(SessionReport report, Locale locale) {
    var out = new StringWriter();
    try (var csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      csv.printRecord(header(locale));
      for (SessionReport.StudentLine line : report.students()) {
        var record = new java.util.ArrayList<Object>();
        record.add(line.student().value());
        record.add(safe(line.name()));
        record.add(line.percent() < 0 ? "" : line.percent());
        record.add(line.presentSeconds());
        for (EngagementState state : EngagementState.values()) {
          record.add(line.seconds(state));
        }
        record.add(line.totals().identityChecks());
        record.add(line.totals().identityMismatches());
        csv.printRecord(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** One student's buckets as CSV, for their own download. */
  String timelineCsv(List<BucketTimes> timeline, Locale locale) {
    var out = new StringWriter();
    try (var csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      var header = new java.util.ArrayList<Object>();
      header.add(text("engagement.csv.bucket", locale));
      for (EngagementState state : EngagementState.values()) {
        header.add(text("engagement.csv.seconds", locale, text("engagement.state." + state, locale)));
      }
      csv.printRecord(header);
      for (BucketTimes b : timeline) {
        var record = new java.util.ArrayList<Object>();
        record.add(b.start());
        for (EngagementState state : EngagementState.values()) {
          record.add(b.times().millis(state) / 1000.0);
        }
        csv.printRecord(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private List<String> header(Locale locale) {
    var header = new java.util.ArrayList<String>();
    header.add(text("engagement.csv.student", locale));
    header.add(text("engagement.csv.name", locale));
    header.add(text("engagement.csv.percent", locale));
    header.add(text("engagement.csv.present", locale));
    for (EngagementState state : EngagementState.values()) {
      header.add(text("engagement.csv.seconds", locale, text("engagement.state." + state, locale)));
    }
    header.add(text("engagement.csv.checks", locale));
    header.add(text("engagement.csv.mismatches", locale));
    return header;
  }

  byte[] pdf(SessionReport report, Locale locale, ZoneId zone) {
    var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    var times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", locale).withZone(zone);
    try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
      var page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      var content = new PDPageContentStream(document, page);
      float y = 800;
      y = line(content, bold, 14, 40, y, pdfText(text("engagement.report.title", locale) + ": "
          + report.course().label()));
      y = line(content, font, 10, 40, y, pdfText(report.session().title() + ", "
          + times.format(report.session().startsAt()) + " - " + times.format(report.session().closesAt())));
      int classPercent = report.classPercent();
      y = line(content, font, 10, 40, y, pdfText(text("engagement.report.classPercent", locale) + ": "
          + (classPercent < 0 ? "-" : classPercent + "%")));
      y -= 6;
      y = chart(content, font, report, y);
      y -= 10;
      y = line(content, bold, 9, 40, y, pdfText(text("engagement.csv.name", locale)) + "   "
          + pdfText(text("engagement.csv.percent", locale)) + "   " + pdfText(text("engagement.csv.present", locale))
          + "   " + pdfText(text("engagement.csv.mismatches", locale)));
      for (SessionReport.StudentLine student : report.students()) {
        if (y < 60) {
          content.close();
          page = new PDPage(PDRectangle.A4);
          document.addPage(page);
          content = new PDPageContentStream(document, page);
          y = 800;
        }
        y = line(content, font, 9, 40, y, pdfText(student.name()) + "   "
            + (student.percent() < 0 ? "-" : student.percent() + "%") + "   "
            + minutes(student.presentSeconds()) + "   " + student.totals().identityMismatches());
      }
      content.close();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static float chart(PDPageContentStream content, PDType1Font font, SessionReport report, float top)
      throws IOException {
    float left = 60;
    float width = 480;
    float height = 100;
    float bottom = top - height;
    content.setStrokingColor(0.7f, 0.7f, 0.7f);
    content.setLineWidth(0.5f);
    for (int percent : new int[] {0, 50, 100}) {
      float y = bottom + height * percent / 100f;
      content.moveTo(left, y);
      content.lineTo(left + width, y);
      content.stroke();
      line(content, font, 8, 40, y + 8, percent + "%");
    }
    List<SessionReport.ClassPoint> points = report.classAverage();
    if (points.size() > 1) {
      Instant from = report.session().startsAt().isBefore(points.getFirst().at()) ? report.session().startsAt()
          : points.getFirst().at();
      Instant to = points.getLast().at();
      double span = Math.max(1, Duration.between(from, to).toMillis());
      content.setStrokingColor(0.05f, 0.43f, 0.99f);
      content.setLineWidth(1.5f);
      boolean first = true;
      for (SessionReport.ClassPoint p : points) {
        float x = (float) (left + width * Duration.between(from, p.at()).toMillis() / span);
        float y = bottom + height * p.percent() / 100f;
        if (first) {
          content.moveTo(x, y);
          first = false;
        } else {
          content.lineTo(x, y);
        }
      }
      content.stroke();
    }
    content.setStrokingColor(0f, 0f, 0f);
    return bottom - 6;
  }

  private static float line(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
      throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y);
    content.showText(text);
    content.endText();
    return y - size * 1.5f;
  }

  private static String minutes(long seconds) {
    return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }

  /** The PDF's standard font covers Latin-1 only; other letters (Devanagari names) print as '?'. */
  private static String pdfText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.append(c >= 0x20 && c <= 0xFF ? (char) c : '?'));
    return out.toString();
  }

  /** Spreadsheet programs run cells that start with these as formulas. */
  private static String safe(String cell) {
    return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }

  private String text(String code, Locale locale, Object... args) {
    return messages.getMessage(code, args, locale);
  }
}
