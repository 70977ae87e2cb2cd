package sightline.attendance.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link ReportTable} as CSV (commons-csv; the heading as {@code #} comment lines before the header row),
 * XLSX (Apache POI; numbers as numeric cells) or PDF (PDFBox; landscape A4, the table over as many pages as it
 * needs). The PDF uses Helvetica, which covers Latin text; a TrueType font named by
 * {@code sightline.reports.pdf-font} (e.g. Noto Sans Devanagari) is embedded instead for other scripts, else
 * characters Helvetica lacks print as "?". Thread-safe.
 */
@Component
class ReportWriter {

  private static final float MARGIN = 36;
  private static final float FONT_SIZE = 9;
  private static final float LINE = 13;

  private final @Nullable Path pdfFont;

  ReportWriter(@Value("${sightline.reports.pdf-font:}") String pdfFont) {
    this.pdfFont = pdfFont.isBlank() ? null : Path.of(pdfFont);
  }

  void write(ReportTable table, ReportFormat format, OutputStream out) throws IOException {
    switch (format) {
      case CSV -> csv(table, out);
      case XLSX -> xlsx(table, out);
      case PDF -> pdf(table, out);
    }
  }

  private static void csv(ReportTable table, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#')
        .setHeaderComments(table.school(), table.title(), table.period())
        .setHeader(table.headers().toArray(String[]::new)).get();
    try (CSVPrinter printer = new CSVPrinter(writer, format)) {
      for (List<@Nullable Object> row : table.rows()) {
        printer.printRecord(row.stream().map(ReportWriter::csvCell).toList());
      }
    }
  }

  /** A text cell that a spreadsheet would run as a formula is quoted with an apostrophe (CSV injection). */
  private static @Nullable Object csvCell(@Nullable Object cell) {
    if (cell instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return cell;
  }

  private static void xlsx(ReportTable table, OutputStream out) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet("Report");
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle heading = workbook.createCellStyle();
      heading.setFont(bold);
      int r = 0;
      for (String line : List.of(table.school(), table.title(), table.period())) {
        Cell cell = sheet.createRow(r++).createCell(0);
        cell.setCellValue(line);
        cell.setCellStyle(heading);
      }
      r++;
      Row header = sheet.createRow(r++);
      for (int c = 0; c < table.headers().size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(table.headers().get(c));
        cell.setCellStyle(heading);
        // A fixed width: autoSizeColumn measures with AWT fonts, slow and absent on a headless server.
        sheet.setColumnWidth(c, c == 0 ? 32 * 256 : 14 * 256);
      }
      for (List<@Nullable Object> values : table.rows()) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < values.size(); c++) {
          Object value = values.get(c);
          if (value instanceof Number number) {
            row.createCell(c).setCellValue(number.doubleValue());
          } else if (value != null) {
            row.createCell(c).setCellValue(value.toString());
          }
        }
      }
      workbook.write(out);
    }
  }

  private void pdf(ReportTable table, OutputStream out) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDFont font = pdfFont != null && Files.isReadable(pdfFont) ? PDType0Font.load(document, pdfFont.toFile())
          : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDFont boldFont = pdfFont != null && Files.isReadable(pdfFont) ? font
          : new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
      float usable = size.getWidth() - 2 * MARGIN;
      float[] widths = columnWidths(table.headers().size(), usable);
      List<List<String>> lines = new ArrayList<>();
      for (List<@Nullable Object> row : table.rows()) {
        lines.add(row.stream().map(cell -> cell == null ? "" : format(cell)).toList());
      }
      int index = 0;
      do {
        PDPage page = new PDPage(size);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          float y = size.getHeight() - MARGIN;
          if (index == 0) {
            y = text(content, boldFont, 14, MARGIN, y, table.school(), usable) - 6;
            y = text(content, boldFont, 12, MARGIN, y, table.title(), usable) - 2;
            y = text(content, font, 10, MARGIN, y, table.period(), usable) - 8;
          }
          y = row(content, boldFont, y, table.headers(), widths);
          while (index < lines.size() && y > MARGIN + LINE) {
            y = row(content, font, y, lines.get(index++), widths);
          }
        }
      } while (index < lines.size());
      document.save(out);
    }
  }

  private static String format(Object cell) {
    if (cell instanceof Double d) {
      return String.format(java.util.Locale.ROOT, "%.1f", d);
    }
    return cell.toString();
  }

  /** The first column (names) gets three shares of the width, every other column one. */
  private static float[] columnWidths(int columns, float usable) {
    float share = usable / (columns + 2);
    float[] widths = new float[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = c == 0 ? 3 * share : share;
    }
    return widths;
  }

  private static float row(PDPageContentStream content, PDFont font, float y, List<String> cells, float[] widths)
      throws IOException {
    float x = MARGIN;
    for (int c = 0; c < cells.size() && c < widths.length; c++) {
      text(content, font, FONT_SIZE, x, y, cells.get(c), widths[c] - 4);
      x += widths[c];
    }
    return y - LINE;
  }

  /** Writes one line, cut to fit {@code width}; returns the next line's baseline. */
  private static float text(PDPageContentStream content, PDFont font, float size, float x, float y, String text,
      float width) throws IOException {
    String printable = fit(font, size, printable(font, text), width);
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y - size);
    content.showText(printable);
    content.endText();
    return y - size - 4;
  }

  private static String printable(PDFont font, String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(cp -> {
      String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
      try {
        font.encode(ch);
        out.append(ch);
      } catch (IOException | IllegalArgumentException e) {
        out.append('?');
      }
    });
    return out.toString();
  }

  private static String fit(PDFont font, float size, String text, float width) {
    String cut = text;
    try {
      while (!cut.isEmpty() && font.getStringWidth(cut) / 1000 * size > width) {
        cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cut.length() < text.length() && cut.length() > 1
        ? cut.substring(0, cut.offsetByCodePoints(cut.length(), -1)) + "." : cut;
  }
}
