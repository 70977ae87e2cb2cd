package sightline.courses.enrolment;

import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;

/**
 * One line of a course roster file as read, with what is wrong with it.
 *
 * @param line     the line number in the file (the header is line 1)
 * @param student  the student account the e-mail address belongs to; null when there is none
 * @param enrolled whether that student is on the roster already (not a problem: importing again changes nothing)
 * @param problems message keys, empty when the row can be imported
 */
record ImportRow(int line, String email, String name, @Nullable AccountId student, boolean enrolled,
    List<String> problems) implements Serializable {

  ImportRow {
    problems = List.copyOf(problems);
  }

  boolean valid() {
    return problems.isEmpty();
  }
}
