package sightline.engagement.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.Courses;
import sightline.engagement.timeline.BucketTimes;
import sightline.engagement.timeline.TimelineStore;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;

/** Builds session reports from the stored timelines, the course's roster and the directory's names. */
@Component
public class SessionReports {

  private final TimelineStore store;
  private final Courses courses;
  private final AccountDirectory directory;

  SessionReports(TimelineStore store, Courses courses, AccountDirectory directory) {
    this.store = store;
    this.courses = courses;
    this.directory = directory;
  }

  /** The whole class's report (for the session's teachers; the caller checks). */
  public SessionReport of(ClassSessionView session, CourseView course) {
    Map<AccountId, List<BucketTimes>> stored = store.timelines(session.id());
    Set<AccountId> roster = courses.enrolledStudents(course.id());
    Map<AccountId, String> names = new LinkedHashMap<>();
    roster.forEach(student -> names.put(student, name(student)));
    // A student who left the course after class keeps their line.
    stored.keySet().forEach(student -> names.computeIfAbsent(student, this::name));
    return SessionReport.of(session, course, stored, names);
  }

  /** One student's own report of a session. */
  public SessionReport.StudentLine own(ClassSessionId session, AccountId student) {
    List<BucketTimes> timeline = store.timeline(session, student);
    return new SessionReport.StudentLine(student, name(student), timeline.stream().map(BucketTimes::times)
        .reduce(sightline.engagement.timeline.StateTimes.NONE, sightline.engagement.timeline.StateTimes::plus),
        timeline);
  }

  private String name(AccountId student) {
    return directory.find(student).map(AccountView::displayName).orElse("?");
  }
}
