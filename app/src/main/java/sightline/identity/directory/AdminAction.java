package sightline.identity.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;

/** One administrator action on an account, as recorded; never changed after it is written. */
@Entity
@Table(schema = "identity", name = "admin_action")
public class AdminAction {

  /** What was done. */
  public enum Kind {
    CREATED, UPDATED, ROLES_CHANGED, DISABLED, ENABLED, UNLOCKED, PASSWORD_RESET, APPROVED,
    /** The account's TOTP second factor was removed; it sets one up anew. */
    TWO_FACTOR_RESET,
    /** The roles that must use a second factor changed; concerns no single account (account id null). */
    TWO_FACTOR_REQUIREMENT
  }

  @Id
  private UUID id;

  private @Nullable UUID actorId;

  private @Nullable UUID accountId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Kind action;

  private @Nullable String detail;

  private Instant at;

  protected AdminAction() {
    // for JPA
  }

  AdminAction(@Nullable AccountId actor, @Nullable AccountId account, Kind action, @Nullable String detail,
      Instant at) {
    this.id = UUID.randomUUID();
    this.actorId = actor == null ? null : actor.value();
    this.accountId = account == null ? null : account.value();
    this.action = action;
    this.detail = detail;
    this.at = at;
  }

  AdminActionRecord toRecord() {
    return new AdminActionRecord(at, actorId == null ? null : new AccountId(actorId),
        accountId == null ? null : new AccountId(accountId),
        action.name(), detail);
  }
}
