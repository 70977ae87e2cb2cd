package sightline.biometrics;

/** Where a person's face templates came from. Stored with each template; add values, never rename them. */
public enum EnrolmentSource {
  /** The guided camera enrolment, by the person themselves. */
  CAMERA,
  /** Photos an administrator uploaded. */
  PHOTO
}
