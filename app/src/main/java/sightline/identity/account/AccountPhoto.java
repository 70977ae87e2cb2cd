package sightline.identity.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import sightline.identity.AccountId;

/** An account's profile photo as the server re-encoded it. */
@Entity
@Table(schema = "identity", name = "account_photo")
class AccountPhoto {

  @Id
  private UUID accountId;

  @Column(name = "jpeg")
  private byte[] jpeg;

  private Instant updatedAt;

  protected AccountPhoto() {
    // for JPA
  }

  AccountPhoto(AccountId account, byte[] jpeg, Instant updatedAt) {
    this.accountId = account.value();
    this.jpeg = jpeg.clone();
    this.updatedAt = updatedAt;
  }

  byte[] jpeg() {
    return jpeg.clone();
  }

  Instant updatedAt() {
    return updatedAt;
  }
}
