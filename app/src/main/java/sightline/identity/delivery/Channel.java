package sightline.identity.delivery;

/** Where a one-time code goes: an e-mail address or a phone number (SMS). */
public enum Channel {
  EMAIL, SMS
}
