package sightline.attendance.signals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import sightline.attendance.AttemptOutcome;
import sightline.attendance.CheckInMethod;
import sightline.attendance.record.AttemptView;
import sightline.attendance.record.CheckInView;
import sightline.attendance.record.Evidence;
import sightline.identity.AccountId;

/**
 * The rules that raise fraud signals from a session's attempts and records. Pure: no clock, no database.
 */
final class SignalRules {

  /** An accepted similarity less than this above the match threshold is flagged. */
  static final double NEAR_THRESHOLD_MARGIN = 0.05;
  /** This many refused attempts of one student in a session are flagged. */
  static final int REPEATED_FAILURES = 3;

  private SignalRules() {}

  /** One observation: who, when, and what the device and network said. */
  private record Sighting(AccountId student, Instant at, Evidence evidence) {}

  /**
   * The session's signals, in the order of the kinds, then by time.
   *
   * @param matchThreshold the face similarity a match needs ({@code FaceMatching.matchThreshold()})
   */
  static List<FraudSignal> evaluate(List<AttemptView> attempts, List<CheckInView> checkIns, double matchThreshold) {
    List<Sighting> sightings = new ArrayList<>();
    for (AttemptView attempt : attempts) {
      if (attempt.student() != null) {
        sightings.add(new Sighting(attempt.student(), attempt.at(), attempt.evidence()));
      }
    }
    for (CheckInView checkIn : checkIns) {
      sightings.add(new Sighting(checkIn.student(), checkIn.recordedAt(), checkIn.evidence()));
    }
    List<FraudSignal> signals = new ArrayList<>();
    signals.addAll(shared(sightings, Evidence::deviceHash, FraudSignal.Kind.SHARED_DEVICE,
        hash -> hash.substring(0, Math.min(12, hash.length()))));
    signals.addAll(shared(sightings, Evidence::ipAddress, FraudSignal.Kind.SHARED_ADDRESS, Function.identity()));
    signals.addAll(nearThreshold(checkIns, matchThreshold));
    signals.addAll(repeatedFailures(attempts));
    signals.addAll(outsidePlace(attempts));
    return signals;
  }

  /** One device or address seen with two or more students. */
  private static List<FraudSignal> shared(List<Sighting> sightings, Function<Evidence, @Nullable String> key,
      FraudSignal.Kind kind, Function<String, String> shown) {
    Map<String, List<Sighting>> byKey = new TreeMap<>();
    for (Sighting sighting : sightings) {
      String value = key.apply(sighting.evidence());
      if (value != null && !value.isBlank()) {
        byKey.computeIfAbsent(value, k -> new ArrayList<>()).add(sighting);
      }
    }
    List<FraudSignal> signals = new ArrayList<>();
    byKey.forEach((value, seen) -> {
      Set<AccountId> students = seen.stream().sorted(Comparator.comparing(Sighting::at)).map(Sighting::student)
          .collect(Collectors.toCollection(LinkedHashSet::new));
      if (students.size() >= 2) {
        signals.add(new FraudSignal(kind, List.copyOf(students), shown.apply(value), students.size(), null,
            first(seen), last(seen)));
      }
    });
    signals.sort(Comparator.comparing(FraudSignal::firstAt));
    return signals;
  }

  /** Face-verified records whose similarity passed the threshold by less than the margin. */
  private static List<FraudSignal> nearThreshold(List<CheckInView> checkIns, double threshold) {
    List<FraudSignal> signals = new ArrayList<>();
    for (CheckInView checkIn : checkIns) {
      Double similarity = checkIn.evidence().similarity();
      boolean faceChecked = checkIn.method() == CheckInMethod.SELF || checkIn.method() == CheckInMethod.KIOSK;
      if (faceChecked && similarity != null && similarity >= threshold
          && similarity < threshold + NEAR_THRESHOLD_MARGIN) {
        signals.add(new FraudSignal(FraudSignal.Kind.NEAR_THRESHOLD, List.of(checkIn.student()),
            String.format(Locale.ROOT, "%.2f", threshold), 1, similarity, checkIn.recordedAt(),
            checkIn.recordedAt()));
      }
    }
    signals.sort(Comparator.comparing(FraudSignal::firstAt));
    return signals;
  }

  /**
   * Students refused {@link #REPEATED_FAILURES} times or more. "Already checked in" is left out: it is a repeated
   * tap after success, not a failure to prove who one is.
   */
  private static List<FraudSignal> repeatedFailures(List<AttemptView> attempts) {
    Map<AccountId, List<AttemptView>> byStudent = attempts.stream()
        .filter(a -> a.student() != null && !a.outcome().accepted()
            && a.outcome() != AttemptOutcome.ALREADY_CHECKED_IN)
        .collect(Collectors.groupingBy(AttemptView::student));
    List<FraudSignal> signals = new ArrayList<>();
    byStudent.forEach((student, refused) -> {
      if (refused.size() >= REPEATED_FAILURES) {
        String reasons = refused.stream().map(a -> a.outcome().name()).distinct().sorted()
            .collect(Collectors.joining(","));
        signals.add(new FraudSignal(FraudSignal.Kind.REPEATED_FAILURES, List.of(student), reasons, refused.size(),
            null, refused.stream().map(AttemptView::at).min(Comparator.naturalOrder()).orElseThrow(),
            refused.stream().map(AttemptView::at).max(Comparator.naturalOrder()).orElseThrow()));
      }
    });
    signals.sort(Comparator.comparing(FraudSignal::firstAt));
    return signals;
  }

  /** Students who tried from outside the session's place, with the nearest distance they reported. */
  private static List<FraudSignal> outsidePlace(List<AttemptView> attempts) {
    Map<AccountId, List<AttemptView>> byStudent = attempts.stream()
        .filter(a -> a.student() != null && a.outcome() == AttemptOutcome.OUTSIDE_PLACE)
        .collect(Collectors.groupingBy(AttemptView::student));
    List<FraudSignal> signals = new ArrayList<>();
    byStudent.forEach((student, outside) -> {
      Double nearest = outside.stream().map(a -> a.evidence().distanceMetres()).filter(d -> d != null)
          .min(Comparator.naturalOrder()).orElse(null);
      signals.add(new FraudSignal(FraudSignal.Kind.OUTSIDE_PLACE, List.of(student), "", outside.size(), nearest,
          outside.stream().map(AttemptView::at).min(Comparator.naturalOrder()).orElseThrow(),
          outside.stream().map(AttemptView::at).max(Comparator.naturalOrder()).orElseThrow()));
    });
    signals.sort(Comparator.comparing(FraudSignal::firstAt));
    return signals;
  }

  private static Instant first(List<Sighting> seen) {
    return seen.stream().map(Sighting::at).min(Comparator.naturalOrder()).orElseThrow();
  }

  private static Instant last(List<Sighting> seen) {
    return seen.stream().map(Sighting::at).max(Comparator.naturalOrder()).orElseThrow();
  }
}
