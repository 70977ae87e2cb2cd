package sightline.identity.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import sightline.identity.AccountId;
import sightline.identity.EmailAlreadyUsed;
import sightline.identity.reset.Invitations;

/**
 * Runs roster imports in the background so that a large roster (up to {@link RosterImport#MAX_ROWS} rows, tens of
 * seconds) shows its progress instead of holding the administrator's request open. The import itself is still one
 * transaction: the counter reports rows written so far, and nothing is visible to anyone else until all of them
 * commit. Jobs live in memory for an hour (one server, as with rate limits); only the administrator who started a
 * job can see it.
 */
@Component
class RosterJobs {

  private static final Logger log = LoggerFactory.getLogger(RosterJobs.class);
  private static final Duration KEPT = Duration.ofHours(1);

  enum State { RUNNING, IMPORTED, FAILED }

  /**
   * What the progress page shows; {@code problem} is a message key when the import failed; {@code invited} the
   * addresses that were sent a sign-in invitation after the import.
   */
  record Progress(int done, int total, State state, @Nullable String problem, List<String> invited) {

    public boolean running() {
      return state == State.RUNNING;
    }
  }

  private static final class Job {
    final AccountId owner;
    final int total;
    final Instant started;
    final AtomicInteger done = new AtomicInteger();
    volatile State state = State.RUNNING;
    volatile @Nullable String problem;
    final List<String> invited = new CopyOnWriteArrayList<>();

    Job(AccountId owner, int total, Instant started) {
      this.owner = owner;
      this.total = total;
      this.started = started;
    }
  }

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final RosterImport roster;
  private final Invitations invitations;
  private final Clock clock;

  RosterJobs(RosterImport roster, Invitations invitations, Clock clock) {
    this.roster = roster;
    this.invitations = invitations;
    this.clock = clock;
  }

  /**
   * Starts importing a roster that previewed clean, then, with {@code invite}, sends everyone imported a sign-in
   * invitation in {@code locale}; returns the job's id.
   */
  String start(List<RosterRow> rows, AccountId actor, boolean invite, Locale locale) {
    Instant now = clock.instant();
    jobs.values().removeIf(job -> job.state != State.RUNNING && job.started.plus(KEPT).isBefore(now));
    String id = UUID.randomUUID().toString();
    Job job = new Job(actor, rows.size(), now);
    jobs.put(id, job);
    Thread.ofVirtual().name("roster-import-" + id).start(() -> run(job, rows, actor, invite, locale));
    return id;
  }

  /** The job's progress, if it exists and {@code viewer} started it. */
  Optional<Progress> progress(String id, AccountId viewer) {
    Job job = jobs.get(id);
    if (job == null || !job.owner.equals(viewer)) {
      return Optional.empty();
    }
    return Optional.of(new Progress(job.done.get(), job.total, job.state, job.problem, List.copyOf(job.invited)));
  }

  private void run(Job job, List<RosterRow> rows, AccountId actor, boolean invite, Locale locale) {
    try {
      List<AccountId> created = roster.importAll(rows, actor, job.done::set);
      if (invite) {
        // After the commit: an invitation for an account that was rolled back would be a dead link.
        created.forEach(account -> invitations.invite(account, locale).ifPresent(job.invited::add));
      }
      job.state = State.IMPORTED;
    } catch (EmailAlreadyUsed e) {
      job.problem = "roster.changedSincePreview";
      job.state = State.FAILED;
    } catch (RuntimeException e) {
      log.error("Roster import of {} rows failed; nothing was imported", job.total, e);
      job.problem = "roster.failed";
      job.state = State.FAILED;
    }
  }
}
