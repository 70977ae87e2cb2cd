package sightline.identity.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

class RecipientTests {

  @Test
  void readsEmailAddressesInAnyCase() {
    assertThat(Recipient.parse("  Asha.Rao@Example.ORG ")).isEqualTo(new Recipient(Channel.EMAIL, "asha.rao@example.org"));
  }

  @Test
  void normalisesPhoneNumbersToE164() {
    assertThat(Recipient.parse("+91 98765-43210")).isEqualTo(new Recipient(Channel.SMS, "+919876543210"));
    assertThat(Recipient.parse("0034 (612) 345 678")).isEqualTo(new Recipient(Channel.SMS, "+34612345678"));
  }

  @Test
  void refusesWhatIsNeither() {
    for (String typed : new String[] {"9876543210", "+0123456789", "not an address", "a@b", "+91 98765 43210 123456"}) {
      assertThatExceptionOfType(NotAnEmailOrPhoneNumber.class).as(typed).isThrownBy(() -> Recipient.parse(typed));
    }
  }

  @Test
  void phoneOnlyAccountsGetAnUndeliverablePlaceholderAddress() {
    String placeholder = Recipient.parse("+919876543210").placeholderEmail();
    assertThat(placeholder).isEqualTo("919876543210@phone.invalid");
    assertThat(Recipient.isPlaceholder(placeholder)).isTrue();
    assertThat(Recipient.isPlaceholder("someone@example.org")).isFalse();
  }
}
