package sightline.identity.history;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;

/** One sign-in attempt as recorded; never changed after it is written. */
@Entity
@Table(schema = "identity", name = "sign_in_attempt")
class SignInAttempt {

  /** The column's length. */
  static final int MAX_USER_AGENT = 512;

  @Id
  private UUID id;

  private @Nullable UUID accountId;

  private String identifier;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR) // a VARCHAR with a CHECK on both databases, not H2's native ENUM
  private SignInMethod method;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR) // a VARCHAR with a CHECK on both databases, not H2's native ENUM
  private SignInOutcome outcome;

  private @Nullable String ip;

  private @Nullable String userAgent;

  private Instant at;

  protected SignInAttempt() {
    // for JPA
  }

  SignInAttempt(@Nullable AccountId account, String identifier, SignInMethod method, SignInOutcome outcome,
      @Nullable String ip, @Nullable String userAgent, Instant at) {
    this.id = UUID.randomUUID();
    this.accountId = account == null ? null : account.value();
    this.identifier = truncate(identifier, 254);
    this.method = method;
    this.outcome = outcome;
    this.ip = ip == null ? null : truncate(ip, 45);
    this.userAgent = userAgent == null ? null : truncate(userAgent, MAX_USER_AGENT);
    this.at = at;
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  SignInRecord toRecord() {
    return new SignInRecord(at, accountId == null ? null : new AccountId(accountId), identifier, method, outcome, ip,
        userAgent);
  }
}
