package sightline.identity.signin;

/**
 * A second factor sent together with the password in one request (the API): set as the {@code details} of the
 * {@code UsernamePasswordAuthenticationToken}, the password provider checks it right after the password.
 *
 * @param code a six-digit TOTP code or a recovery code
 */
public record SecondFactorAnswer(String code) {

  @Override
  public String toString() {
    return "SecondFactorAnswer[code=…]"; // never log the code
  }
}
