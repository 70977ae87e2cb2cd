package sightline.courses.enrolment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;
import sightline.courses.CourseId;
import sightline.courses.catalogue.CoursesService;
import sightline.courses.catalogue.EnrolmentSource;
import sightline.identity.AccountId;
import sightline.identity.AccountView;

/**
 * Reads a course roster CSV (a column {@code email}, and optionally {@code name}, which is only shown) into rows with
 * per-row problems, and enrols the students of the rows without problems in one transaction. Students must have an
 * account already: accounts are an administrator's business (the accounts roster import), courses a teacher's.
 */
@Component
class EnrolmentImport {

  /** More rows than this are refused: a class roster, not a school's. */
  static final int MAX_ROWS = 2_000;

  // Deliberately simple, as identity's roster: one @, no spaces, a dot in the domain.
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final CoursesService courses;

  EnrolmentImport(CoursesService courses) {
    this.courses = courses;
  }

  /**
   * Reads and checks every row; never writes.
   *
   * @throws ImportUnreadable when the file has no email column, too many rows or is no CSV
   */
  List<ImportRow> preview(CourseId course, Reader csv) throws IOException {
    var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
        .setTrim(true).setIgnoreHeaderCase(true).setAllowMissingColumnNames(false).get();
    Set<AccountId> enrolled = courses.enrolledStudents(course);
    var rows = new ArrayList<ImportRow>();
    Set<String> seen = new HashSet<>();
    try (var parser = format.parse(csv)) {
      if (!parser.getHeaderMap().containsKey("email")) {
        throw new ImportUnreadable("courses.import.missingColumn", "email");
      }
      for (CSVRecord record : parser) {
        if (rows.size() == MAX_ROWS) {
          throw new ImportUnreadable("courses.import.tooManyRows", Integer.toString(MAX_ROWS));
        }
        rows.add(check(record, seen, enrolled));
      }
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new ImportUnreadable("courses.import.unreadable", e.getMessage() == null ? "" : e.getMessage());
    }
    return rows;
  }

  /** Enrols the students of the rows without problems; returns how many were new to the roster. */
  int importValid(CourseId course, List<ImportRow> rows, AccountId by) {
    List<AccountId> students = rows.stream().filter(ImportRow::valid).map(ImportRow::student)
        .filter(java.util.Objects::nonNull).toList();
    return courses.enrolAll(course, students, EnrolmentSource.IMPORT, by);
  }

  private ImportRow check(CSVRecord record, Set<String> seen, Set<AccountId> enrolled) {
    int line = (int) record.getRecordNumber() + 1;
    String email = value(record, "email");
    String name = value(record, "name");
    List<String> problems = new ArrayList<>();
    AccountView student = null;
    if (!EMAIL.matcher(email).matches() || email.length() > 254) {
      problems.add("courses.import.badEmail");
    } else if (!seen.add(email.toLowerCase(Locale.ROOT))) {
      problems.add("courses.import.duplicateInFile");
    } else {
      student = courses.studentWithEmail(email).orElse(null);
      if (student == null) {
        problems.add("courses.import.noStudent");
      }
    }
    return new ImportRow(line, email, student != null ? student.displayName() : name,
        student == null ? null : student.id(), student != null && enrolled.contains(student.id()), problems);
  }

  private static String value(CSVRecord record, String column) {
    return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
  }
}
