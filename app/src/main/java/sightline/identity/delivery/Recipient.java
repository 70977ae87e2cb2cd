package sightline.identity.delivery;

import java.util.Locale;
import java.util.regex.Pattern;
import sightline.identity.directory.Account;

/**
 * Where a one-time code goes, as typed by a person: an e-mail address or a phone number.
 *
 * @param key the lookup form: a lower-cased e-mail address, or the phone number in E.164 ({@code +} and 8–15 digits)
 */
public record Recipient(Channel channel, String key) {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  /** Separators people type inside phone numbers. */
  private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s().\\-]");
  /** Accounts made by phone sign-up get an address in the reserved {@code .invalid} domain (RFC 2606). */
  static final String PHONE_ONLY_DOMAIN = "@phone.invalid";

  /**
   * Reads an e-mail address (anything with an {@code @}) or an international phone number such as
   * {@code +91 98765 43210}.
   *
   * @throws NotAnEmailOrPhoneNumber when it is neither
   */
  public static Recipient parse(String typed) {
    String text = typed.strip();
    if (text.contains("@")) {
      if (!EMAIL.matcher(text).matches() || text.length() > 254) {
        throw new NotAnEmailOrPhoneNumber();
      }
      return new Recipient(Channel.EMAIL, Account.emailKey(text));
    }
    String phone = PHONE_SEPARATORS.matcher(text).replaceAll("");
    if (phone.startsWith("00")) {
      phone = "+" + phone.substring(2);
    }
    if (!E164.matcher(phone).matches()) {
      throw new NotAnEmailOrPhoneNumber();
    }
    return new Recipient(Channel.SMS, phone);
  }

  /** The placeholder e-mail address of an account that signed up by phone; nothing is ever sent to it. */
  public String placeholderEmail() {
    return key.substring(1).toLowerCase(Locale.ROOT) + PHONE_ONLY_DOMAIN;
  }

  /** Whether an e-mail address is such a placeholder. */
  public static boolean isPlaceholder(String email) {
    return Account.emailKey(email).endsWith(PHONE_ONLY_DOMAIN);
  }
}
