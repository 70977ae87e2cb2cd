package sightline.attendance.reports;

import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;

/** The formats a report downloads in, by file suffix. */
enum ReportFormat {
  CSV("csv", "text/csv"),
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  PDF("pdf", "application/pdf");

  private final String suffix;
  private final MediaType mediaType;

  ReportFormat(String suffix, String mediaType) {
    this.suffix = suffix;
    this.mediaType = MediaType.parseMediaType(mediaType);
  }

  String suffix() {
    return suffix;
  }

  MediaType mediaType() {
    return mediaType;
  }

  static Optional<ReportFormat> bySuffix(String suffix) {
    for (ReportFormat format : values()) {
      if (format.suffix.equals(suffix.toLowerCase(Locale.ROOT))) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
