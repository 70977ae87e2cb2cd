package sightline.attendance.reports;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A report as the export formats write it: a heading (school, title, period) and a table. Cells are strings or
 * numbers; a number stays a number in XLSX; null is an empty cell.
 */
record ReportTable(String school, String title, String period, List<String> headers,
    List<List<@Nullable Object>> rows) {

  ReportTable {
    headers = List.copyOf(headers);
    rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row)))
        .toList();
  }
}
