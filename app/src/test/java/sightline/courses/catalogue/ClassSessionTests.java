package sightline.courses.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseId;
import sightline.courses.Place;

class ClassSessionTests {

  private static final Instant START = Instant.parse("2026-12-07T09:00:00Z");
  private static final Instant END = START.plus(Duration.ofMinutes(90));
  private static final CourseId COURSE = CourseId.random();
  private static final Place ROOM = new Place(28.6139, 77.209, 100);

  private static ClassSession session() {
    return new ClassSession(ClassSessionId.random(), COURSE, null, new SessionPlan("Lecture", "B 204", START, END,
        ROOM));
  }

  @Test
  void isOpenFromItsStartUntilItsEnd() {
    ClassSessionView view = session().view();

    assertThat(view.isOpenAt(START.minusSeconds(1))).isFalse();
    assertThat(view.isOpenAt(START)).isTrue();
    assertThat(view.isOpenAt(END.minusSeconds(1))).isTrue();
    assertThat(view.isOpenAt(END)).isFalse();
    assertThat(view.isOnline()).isFalse();
  }

  @Test
  void opensEarlyOnceAndNotWhenAlreadyOpen() {
    ClassSession session = session();
    Instant early = START.minus(Duration.ofMinutes(15));

    assertThat(session.openEarly(early)).isTrue();
    assertThat(session.view().isOpenAt(early)).isTrue();
    assertThat(session.view().isOpenAt(early.minusSeconds(1))).isFalse();
    assertThat(session.openEarly(early.plusSeconds(60))).isFalse();
    assertThat(session().openEarly(START.plusSeconds(60))).isFalse();
  }

  @Test
  void closesEarlyAndStaysClosed() {
    ClassSession session = session();
    Instant closed = START.plus(Duration.ofMinutes(20));

    assertThat(session.close(closed)).isTrue();
    assertThat(session.view().closesAt()).isEqualTo(closed);
    assertThat(session.view().isOpenAt(closed)).isFalse();
    assertThat(session.view().hasEndedAt(closed)).isTrue();
    assertThat(session.close(closed.plusSeconds(1))).isFalse();
    assertThatThrownBy(() -> session.openEarly(closed.plusSeconds(1))).isInstanceOf(SessionAlreadyEnded.class);
  }

  @Test
  void closingBeforeTheStartCancelsIt() {
    ClassSession session = session();

    assertThat(session.close(START.minus(Duration.ofHours(1)))).isTrue();
    assertThat(session.view().isOpenAt(START)).isFalse();
  }

  @Test
  void anEndedSessionNeitherOpensNorCloses() {
    assertThatThrownBy(() -> session().openEarly(END)).isInstanceOf(SessionAlreadyEnded.class);
    assertThat(session().close(END)).isFalse();
  }

  @Test
  void aWeeklySeriesKeepsItsLocalTimeAcrossADaylightSavingChange() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    // Mondays 09:00 in Berlin; summer time starts on Sunday 29 March 2026.
    Instant first = Instant.parse("2026-03-16T08:00:00Z");
    SessionPlan plan = new SessionPlan("Lab", "", first, first.plus(Duration.ofHours(2)), null);

    List<ClassSession> series = ClassSession.series(COURSE, plan, LocalDate.of(2026, 4, 6), berlin);

    assertThat(series).extracting(s -> s.view().startsAt()).containsExactly(
        Instant.parse("2026-03-16T08:00:00Z"), Instant.parse("2026-03-23T08:00:00Z"),
        Instant.parse("2026-03-30T07:00:00Z"), Instant.parse("2026-04-06T07:00:00Z"));
    assertThat(series).allSatisfy(s -> {
      assertThat(Duration.between(s.view().startsAt(), s.view().endsAt())).isEqualTo(Duration.ofHours(2));
      assertThat(s.view().isOnline()).isTrue();
    });
  }

  @Test
  void aSeriesEndsOnTheLastDateItIncludes() {
    ZoneId utc = ZoneId.of("UTC");
    SessionPlan plan = new SessionPlan("Lecture", "", START, END, ROOM);

    assertThat(ClassSession.series(COURSE, plan, LocalDate.of(2026, 12, 13), utc)).hasSize(1);
    assertThat(ClassSession.series(COURSE, plan, LocalDate.of(2026, 12, 14), utc)).hasSize(2);
    assertThat(ClassSession.series(COURSE, plan, null, utc)).hasSize(1);
    assertThat(ClassSession.series(COURSE, plan, LocalDate.of(2027, 12, 6), utc)).hasSize(ClassSession.MAX_SERIES);
  }

  @Test
  void refusesPlansThatBreakARule() {
    ZoneId utc = ZoneId.of("UTC");
    assertRejected(new SessionPlan("Lecture", "", START, START, null), null, "endsAt");
    assertRejected(new SessionPlan("Lecture", "", START, START.plus(Duration.ofHours(13)), null), null, "endsAt");
    assertRejected(new SessionPlan(" ", "", START, END, null), null, "title");
    assertRejected(new SessionPlan("Lecture", "r".repeat(101), START, END, null), null, "room");
    assertRejected(new SessionPlan("Lecture", "", START, END, null), LocalDate.of(2026, 12, 6), "until");
    assertRejected(new SessionPlan("Lecture", "", START, END, null), LocalDate.of(2027, 12, 13), "until");
  }

  private static void assertRejected(SessionPlan plan, LocalDate until, String field) {
    assertThatThrownBy(() -> ClassSession.series(COURSE, plan, until, ZoneId.of("UTC")))
        .isInstanceOfSatisfying(SessionRejected.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
