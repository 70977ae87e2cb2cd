package sightline.attendance.staff;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import sightline.courses.Place;
import sightline.identity.AccountId;

/** The school's place where staff check in: one row, set and changed by an administrator. */
@Entity
@Table(schema = "attendance", name = "staff_place")
class SchoolPlace {

  static final short ONLY = 1;

  @Id
  private short id;
  private double latitude;
  private double longitude;
  private int radiusMetres;
  private UUID updatedBy;
  private Instant updatedAt;

  protected SchoolPlace() {
    // for JPA
  }

  SchoolPlace(Place place, AccountId by, Instant at) {
    this.id = ONLY;
    change(place, by, at);
  }

  void change(Place place, AccountId by, Instant at) {
    this.latitude = place.latitude();
    this.longitude = place.longitude();
    this.radiusMetres = place.radiusMetres();
    this.updatedBy = by.value();
    this.updatedAt = at;
  }

  Place place() {
    return new Place(latitude, longitude, radiusMetres);
  }

  AccountId updatedBy() {
    return new AccountId(updatedBy);
  }

  Instant updatedAt() {
    return updatedAt;
  }
}
