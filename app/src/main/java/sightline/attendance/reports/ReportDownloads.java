package sightline.attendance.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A report table as a file download, for the pages and the API alike. */
@Component
class ReportDownloads {

  private final ReportWriter writer;

  ReportDownloads(ReportWriter writer) {
    this.writer = writer;
  }

  ResponseEntity<byte[]> download(ReportTable table, ReportFormat format, String name) {
    var out = new ByteArrayOutputStream();
    try {
      writer.write(table, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String file = fileName(name) + "." + format.suffix();
    return ResponseEntity.ok().contentType(format.mediaType())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
        .body(out.toByteArray());
  }

  /** A file name of ASCII letters, digits and dashes, from a course code or session title. */
  static String fileName(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
        .replaceAll("[^A-Za-z0-9]+", "-")
        .replaceAll("(^-+|-+$)", "").toLowerCase(Locale.ROOT);
    return ascii.isEmpty() ? "attendance" : ascii.length() > 60 ? ascii.substring(0, 60) : ascii;
  }

  static ReportFormat format(String suffix) {
    return ReportFormat.bySuffix(suffix).orElseThrow(() -> new UnknownReportFormat(suffix));
  }
}
