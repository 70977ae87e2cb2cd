package sightline.attendance.webhooks;

/** The attendance events a webhook may receive; the constant's name is the {@code type} receivers see. */
public enum WebhookEventType {
  CheckInRecorded,
  CheckInCorrected
}
