package sightline.biometrics.matching;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import sightline.biometrics.TemplateCipher;
import sightline.identity.AccountId;
import sightline.vision.index.EmbeddingIndex;
import sightline.vision.index.Match;
import sightline.vision.index.Matches;
import sightline.vision.index.SearchOptions;

/**
 * Everyone's templates in memory, for 1:1 and 1:N: the vision {@link EmbeddingIndex}, filled from the sealed rows
 * at start-up and changed by enrolment and deletion after their transactions commit. One server (as the rate limits);
 * a second server would not see the first one's enrolments until it restarts. Thread-safe.
 */
@Component
public class TemplateIndex implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(TemplateIndex.class);
  /** {@code fr_feature} templates. */
  public static final int DIMENSIONS = 512;

  private final EmbeddingIndex<AccountId> index = EmbeddingIndex.create(DIMENSIONS);
  private final TemplateStore store;
  private final TemplateCipher cipher;
  private final TransactionOperations transactions;

  TemplateIndex(TemplateStore store, TemplateCipher cipher, TransactionOperations transactions) {
    this.store = store;
    this.cipher = cipher;
    this.transactions = transactions;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<TemplateStore.StoredTemplate> rows = transactions.execute(tx -> store.all());
    for (TemplateStore.StoredTemplate row : rows) {
      index.add(row.account(), row.id(), cipher.open(row.sealed(), TemplateStore.owner(row.account())));
    }
    log.info("Face index: {} templates of {} people", index.size(), index.identityCount());
  }

  /** A template of a person, with the id it is stored under. */
  public record Entry(UUID id, float[] vector) {
  }

  /**
   * Replaces the person's templates in the index: the new ones are added before the old ones go, so a search that
   * runs meanwhile always finds the person (by old or new templates), never nobody.
   */
  public void replace(AccountId account, Collection<Entry> entries) {
    List<UUID> old = index.templatesOf(account);
    entries.forEach(e -> index.add(account, e.id(), e.vector()));
    old.forEach(index::remove);
  }

  public int remove(AccountId account) {
    return index.removeIdentity(account);
  }

  public int templatesOf(AccountId account) {
    return index.templatesOf(account).size();
  }

  public int size() {
    return index.size();
  }

  /** The person's best template score for {@code probe} (max over their templates); empty when they have none. */
  public Optional<Match<AccountId>> best(AccountId account, float[] probe) {
    return index.searchWithin(probe, List.of(account), SearchOptions.defaults().withLimit(1)).best();
  }

  /**
   * The {@code limit} best people for {@code probe}, each by their best template, whatever their score; among
   * {@code group} only when it is given.
   */
  public Matches<AccountId> search(float[] probe, @org.jspecify.annotations.Nullable Collection<AccountId> group,
      int limit) {
    SearchOptions options = SearchOptions.defaults().withLimit(limit);
    return group == null ? index.search(probe, options) : index.searchWithin(probe, group, options);
  }

  /** Whether any of the group (everyone, when null) has templates. */
  public boolean anyEnrolled(@org.jspecify.annotations.Nullable Collection<AccountId> group) {
    return group == null ? index.size() > 0 : group.stream().anyMatch(a -> !index.templatesOf(a).isEmpty());
  }
}
