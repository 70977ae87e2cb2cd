package sightline.attendance.record;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInId;
import sightline.identity.AccountId;

/** A teacher's change of a record's status, kept for good; made only by {@link CheckIn#correct}. */
@Entity
@Table(schema = "attendance", name = "correction")
public class Correction {

  @Id
  private UUID id;
  private UUID checkInId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private AttendanceStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private AttendanceStatus toStatus;

  private String remark;
  private UUID byId;
  private Instant at;

  protected Correction() {
    // for JPA
  }

  Correction(CheckInId checkIn, AttendanceStatus from, AttendanceStatus to, String remark, AccountId by, Instant at) {
    this.id = UUID.randomUUID();
    this.checkInId = checkIn.value();
    this.fromStatus = from;
    this.toStatus = to;
    this.remark = remark;
    this.byId = by.value();
    this.at = at;
  }

  public AttendanceStatus from() {
    return fromStatus;
  }

  public AttendanceStatus to() {
    return toStatus;
  }

  public String remark() {
    return remark;
  }

  public Instant at() {
    return at;
  }

  public CorrectionView view() {
    return new CorrectionView(new CheckInId(checkInId), fromStatus, toStatus, remark, new AccountId(byId), at);
  }
}
