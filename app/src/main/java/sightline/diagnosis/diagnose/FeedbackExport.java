package sightline.diagnosis.diagnose;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import sightline.diagnosis.DiagnosisView;

/**
 * Farmers' feedback as a labelled dataset: a ZIP with one folder per right class holding the stored pictures
 * ({@code images/<label>/<diagnosis id>.jpg}, the folder-per-class layout {@code ./sightline eval plants} and the
 * training tool read) and {@code labels.csv} with what the model said. No account ids: the dataset is for training,
 * not for finding out who sent what.
 */
@Component
class FeedbackExport {

  static final String CSV_HEADER = "file,label,correct,predicted,probability,model_version,diagnosed_at,feedback_at";

  private final DiagnosisRepository diagnoses;
  private final DiagnosisPictureRepository pictures;
  private final TransactionOperations transactions;

  FeedbackExport(DiagnosisRepository diagnoses, DiagnosisPictureRepository pictures,
      TransactionOperations transactions) {
    this.diagnoses = diagnoses;
    this.pictures = pictures;
    this.transactions = transactions;
  }

  /** Writes the ZIP; one short read per picture, so no transaction stays open while the client downloads. */
  void writeTo(OutputStream out) throws IOException {
    List<UUID> ids = transactions.execute(tx -> diagnoses.idsWithFeedback());
    var csv = new StringBuilder(CSV_HEADER).append('\n');
    try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (UUID id : ids) {
        record Item(DiagnosisView view, byte[] jpeg) {}
        Item item = transactions.execute(tx -> diagnoses.findById(id).flatMap(d -> pictures.findById(id)
            .map(p -> new Item(d.view(), p.jpeg()))).orElse(null));
        if (item == null || item.view().feedback() == null) {
          continue;   // deleted since the list was read
        }
        var feedback = item.view().feedback();
        String file = "images/" + safe(feedback.label()) + "/" + id + ".jpg";
        zip.putNextEntry(new ZipEntry(file));
        zip.write(item.jpeg());
        zip.closeEntry();
        csv.append(String.join(",", file, cell(feedback.label()), Boolean.toString(feedback.correct()),
            cell(item.view().best().label()), Float.toString(item.view().best().probability()),
            cell(item.view().modelVersion()), item.view().createdAt().toString(), feedback.at().toString()))
            .append('\n');
      }
      zip.putNextEntry(new ZipEntry("labels.csv"));
      zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Labels come from model metadata an administrator uploaded: keep them to one path segment, and never {@code .},
   * {@code ..} or a hidden name (a leading dot becomes {@code _}).
   */
  static String safe(String label) {
    String segment = label.replaceAll("[^A-Za-z0-9._-]|^\\.", "_");
    return segment.isEmpty() ? "_" : segment;
  }

  /**
   * A CSV cell, quoted when needed; cells a spreadsheet would run as a formula (also after a leading tab or carriage
   * return, which some strip) are prefixed with '.
   */
  static String cell(String value) {
    String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return text.matches("[^,\"\\r\\n]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
  }
}
