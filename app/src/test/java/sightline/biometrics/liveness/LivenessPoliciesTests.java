package sightline.biometrics.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import sightline.identity.AccountId;
import sightline.vision.liveness.LivenessPolicy;

class LivenessPoliciesTests {

  private static final Instant T = Instant.parse("2026-12-07T16:00:00Z");

  @Test
  void aReadThatQueriedBeforeAnAdoptCannotPutTheOldVersionBackInTheCache() throws Exception {
    var version1 = new SitePolicy(1, LivenessPolicy.defaults(), true, true, true, SitePolicy.Source.DEFAULT, "", T,
        null);
    // The database: every read of the newest version answers version 1; the first read (the racing reader) only
    // once the adopt has finished, as a query that started before the commit and returned after it would.
    JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
    var readerQuerying = new CountDownLatch(1);
    var adopted = new CountDownLatch(1);
    var reads = new AtomicInteger();
    when(jdbc.sql(anyString()).query(any(RowMapper.class)).single()).thenAnswer(call -> {
      if (reads.getAndIncrement() == 0) {
        readerQuerying.countDown();
        assertThat(adopted.await(10, TimeUnit.SECONDS)).isTrue();
      }
      return version1;
    });
    var policies = new LivenessPolicies(jdbc, Clock.fixed(T, ZoneOffset.UTC));

    CompletableFuture<SitePolicy> reader = CompletableFuture.supplyAsync(policies::current);
    assertThat(readerQuerying.await(10, TimeUnit.SECONDS)).isTrue();
    SitePolicy version2 = policies.adopt(LivenessPolicies.Change.of(version1), SitePolicy.Source.ADMIN, "raise",
        new AccountId(UUID.randomUUID()));
    adopted.countDown();
    reader.get(10, TimeUnit.SECONDS);

    assertThat(version2.version()).isEqualTo(2);
    assertThat(policies.current().version()).as("the adopted version stays cached").isEqualTo(2);
  }
}
