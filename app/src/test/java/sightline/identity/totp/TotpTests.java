package sightline.identity.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

  private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512_SEED = ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238 Appendix B: every time and mode of the table, 8 digits, 30-second steps. */
  @ParameterizedTest
  @CsvSource({
      "59, 94287082, 46119246, 90693936",
      "1111111109, 07081804, 68084774, 25091201",
      "1111111111, 14050471, 67062674, 99943326",
      "1234567890, 89005924, 91819424, 93441116",
      "2000000000, 69279037, 90698825, 38618901",
      "20000000000, 65353130, 77737706, 47863826"})
  void matchesTheRfc6238TestVectors(long time, String sha1, String sha256, String sha512) {
    assertThat(code("HmacSHA1", SHA1_SEED, time)).isEqualTo(sha1);
    assertThat(code("HmacSHA256", SHA256_SEED, time)).isEqualTo(sha256);
    assertThat(code("HmacSHA512", SHA512_SEED, time)).isEqualTo(sha512);
  }

  private static String code(String algorithm, byte[] seed, long time) {
    Totp totp = new Totp(algorithm, 8, 30);
    return totp.code(seed, totp.stepAt(time));
  }

  @Test
  void sixDigitCodesAreTheLastSixDigitsOfTheRfcValues() {
    // RFC 4226 truncation is modulo 10^digits, so the 6-digit code is the 8-digit one without its first two digits.
    Totp totp = Totp.SIGHTLINE;
    assertThat(totp.code(SHA1_SEED, totp.stepAt(59))).isEqualTo("287082");
    assertThat(totp.code(SHA1_SEED, totp.stepAt(1111111109))).isEqualTo("081804");
  }

  @Test
  void acceptsTheCodeOfOneStepBeforeOrAfterButNotTwo() {
    Totp totp = Totp.SIGHTLINE;
    long now = totp.stepAt(1_234_567_890);
    for (long offset = -1; offset <= 1; offset++) {
      String code = totp.code(SHA1_SEED, now + offset);
      assertThat(totp.match(SHA1_SEED, code, now, 1, Long.MIN_VALUE)).hasValue(now + offset);
    }
    assertThat(totp.match(SHA1_SEED, totp.code(SHA1_SEED, now - 2), now, 1, Long.MIN_VALUE)).isEmpty();
    assertThat(totp.match(SHA1_SEED, totp.code(SHA1_SEED, now + 2), now, 1, Long.MIN_VALUE)).isEmpty();
  }

  @Test
  void neverAcceptsAStepAgainNorAnEarlierOne() {
    Totp totp = Totp.SIGHTLINE;
    long now = totp.stepAt(2_000_000_000);
    String current = totp.code(SHA1_SEED, now);
    OptionalLong first = totp.match(SHA1_SEED, current, now, 1, Long.MIN_VALUE);
    assertThat(first).hasValue(now);
    assertThat(totp.match(SHA1_SEED, current, now, 1, first.getAsLong())).as("replay").isEmpty();
    assertThat(totp.match(SHA1_SEED, totp.code(SHA1_SEED, now - 1), now, 1, now)).as("older step").isEmpty();
    assertThat(totp.match(SHA1_SEED, totp.code(SHA1_SEED, now + 1), now, 1, now)).as("next step").hasValue(now + 1);
  }

  @Test
  void refusesCodesOfTheWrongShape() {
    Totp totp = Totp.SIGHTLINE;
    long now = totp.stepAt(59);
    assertThat(totp.match(SHA1_SEED, "28708", now, 1, Long.MIN_VALUE)).isEmpty();
    assertThat(totp.match(SHA1_SEED, "2870821", now, 1, Long.MIN_VALUE)).isEmpty();
    assertThat(totp.match(SHA1_SEED, "28a082", now, 1, Long.MIN_VALUE)).isEmpty();
    assertThat(totp.match(SHA1_SEED, " 287082 ", now, 1, Long.MIN_VALUE)).hasValue(now);
  }

  @Test
  void base32RoundTripsAndMatchesRfc4648() {
    // RFC 4648 section 10 test vectors, without padding.
    assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(Base32.encode("fooba".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTB");
    assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
    assertThat(new String(Base32.decode("mzxw 6ytb oi======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
    byte[] secret = new byte[20];
    new java.security.SecureRandom().nextBytes(secret);
    assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
    assertThatThrownBy(() -> Base32.decode("MZ1W")).isInstanceOf(IllegalArgumentException.class);
  }
}
