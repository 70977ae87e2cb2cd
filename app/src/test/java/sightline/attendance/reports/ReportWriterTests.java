package sightline.attendance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Every export is read back with a library: CSV by commons-csv, XLSX by POI, PDF by PDFBox's text extraction. */
class ReportWriterTests {

  private final ReportWriter writer = new ReportWriter("");
  private final ReportTable table = new ReportTable("Springfield High", "Attendance report: BIO-101 Biology",
      "Period: 2026-11-02 – 2026-11-23", List.of("Student", "Present", "Percentage"),
      List.of(row("Ana Álvarez", 3, 75.0), row("=HYPERLINK(\"x\")", 1, null), row("Ben, \"the\" student", 4, 100.0)));

  @Test
  void csvHasTheHeadingAsCommentsThenAHeaderRowAndOneRecordPerStudent() throws IOException {
    String csv = new String(write(ReportFormat.CSV), StandardCharsets.UTF_8);

    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
        .get().parse(new StringReader(csv)).getRecords();

    assertThat(csv).startsWith("# Springfield High").contains("# Period: 2026-11-02 – 2026-11-23");
    assertThat(records).hasSize(3);
    assertThat(records.get(0).get("Student")).isEqualTo("Ana Álvarez");
    assertThat(records.get(0).get("Percentage")).isEqualTo("75.0");
    assertThat(records.get(1).get("Student")).as("a formula is not left for a spreadsheet to run")
        .isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(records.get(1).get("Percentage")).isEmpty();
    assertThat(records.get(2).get("Student")).isEqualTo("Ben, \"the\" student");
  }

  @Test
  void xlsxKeepsNumbersAsNumbersUnderTheHeading() throws IOException {
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(write(ReportFormat.XLSX)))) {
      var sheet = workbook.getSheetAt(0);

      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Springfield High");
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Period: 2026-11-02 – 2026-11-23");
      assertThat(sheet.getRow(4).getCell(2).getStringCellValue()).isEqualTo("Percentage");
      assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Ana Álvarez");
      assertThat(sheet.getRow(5).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(sheet.getRow(5).getCell(2).getNumericCellValue()).isEqualTo(75.0);
      assertThat(sheet.getRow(6).getCell(0).getCellType()).as("text, never a formula").isEqualTo(CellType.STRING);
      assertThat(sheet.getLastRowNum()).isEqualTo(7);
    }
  }

  @Test
  void pdfTextHasTheSchoolThePeriodAndEveryStudent() throws IOException {
    try (var document = Loader.loadPDF(write(ReportFormat.PDF))) {
      String text = new PDFTextStripper().getText(document);

      assertThat(text).contains("Springfield High", "Attendance report: BIO-101 Biology",
          "Period: 2026-11-02 – 2026-11-23", "Ana Álvarez", "Percentage", "75.0", "100.0");
    }
  }

  @Test
  void pdfRunsOverAsManyPagesAsTheRowsNeed() throws IOException {
    List<List<@Nullable Object>> rows = new ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      rows.add(row("Student " + i, i, 50.0));
    }
    var long_ = new ReportTable("Springfield High", "Long", "Period", List.of("Student", "Present", "Percentage"),
        rows);
    var out = new ByteArrayOutputStream();
    writer.write(long_, ReportFormat.PDF, out);

    try (var document = Loader.loadPDF(out.toByteArray())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      assertThat(text).containsPattern("Student 1\\s+1\\s").contains("Student 120");
    }
  }

  @Test
  void aScriptHelveticaLacksPrintsAsQuestionMarksInsteadOfFailing() throws IOException {
    var hindi = new ReportTable("विद्यालय", "Report", "Period", List.of("Student"), List.of(row("अनीता")));
    var out = new ByteArrayOutputStream();
    writer.write(hindi, ReportFormat.PDF, out);

    try (var document = Loader.loadPDF(out.toByteArray())) {
      assertThat(new PDFTextStripper().getText(document)).contains("???");
    }
  }

  @Test
  void fileNamesAreAsciiWordsJoinedByDashes() {
    assertThat(ReportDownloads.fileName("BIO-101 (A) Über Biología")).isEqualTo("bio-101-a-uber-biologia");
    assertThat(ReportDownloads.fileName("विद्यालय")).isEqualTo("attendance");
  }

  private byte[] write(ReportFormat format) throws IOException {
    var out = new ByteArrayOutputStream();
    writer.write(table, format, out);
    return out.toByteArray();
  }

  private static List<@Nullable Object> row(@Nullable Object... cells) {
    return new ArrayList<>(Arrays.asList(cells));
  }
}
