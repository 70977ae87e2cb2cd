package sightline.identity;

/** Where a one-time code goes: an e-mail address or a phone number (SMS). */
enum Channel {
  EMAIL, SMS
}
