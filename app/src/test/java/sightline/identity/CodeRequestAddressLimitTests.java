package sightline.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * One client address asking for codes and reset links for ever new recipients (each under its own per-recipient
 * limit) is stopped by the per-address limit, so it cannot fill the message queue and crowd out other people's
 * codes. With the default limit: the other tests' configuration raises it, since all their callers are 127.0.0.1.
 */
@TestPropertySource(properties = {"sightline.rate-limits.code-request-address.capacity=60",
    "sightline.rate-limits.code-request-address.period=10m"})
class CodeRequestAddressLimitTests extends WithDeliveryServers {

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;

  private MvcTestResult post(String uri, String json, String address) {
    return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).with(request -> {
      request.setRemoteAddr(address);
      return request;
    }).exchange();
  }

  private MvcTestResult requestCode(String recipient, String address) {
    return post("/api/v1/auth/codes", "{\"recipient\":\"" + recipient + "\"}", address);
  }

  private MvcTestResult requestReset(String email, String address) {
    return post("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}", address);
  }

  @Test
  void sixtyCodeAndResetRequestsFromOneAddressForRandomRecipientsThenA429AndOtherAddressesStillGetTheirCodes() {
    String flooder = "203.0.113." + (1 + (int) (Math.random() * 250));
    for (int i = 0; i < 60; i++) {
      String random = "nobody-" + UUID.randomUUID() + "@example.org";
      assertThat(i % 2 == 0 ? requestCode(random, flooder) : requestReset(random, flooder))
          .as("request %d", i).hasStatus(HttpStatus.ACCEPTED);
    }
    var limited = requestCode("nobody-" + UUID.randomUUID() + "@example.org", flooder);
    assertThat(limited).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(Long.parseLong(limited.getResponse().getHeader("Retry-After"))).isBetween(1L, 600L);
    assertThat(requestReset("nobody-" + UUID.randomUUID() + "@example.org", flooder))
        .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    var page = mvc.post().uri("/sign-in/code").with(csrf()).with(request -> {
      request.setRemoteAddr(flooder);
      return request;
    }).param("recipient", "nobody-" + UUID.randomUUID() + "@example.org").exchange();
    assertThat(page).hasStatus(HttpStatus.TOO_MANY_REQUESTS);

    AccountView someone = directory.create(new NewAccount("someone-" + UUID.randomUUID() + "@example.org",
        "Someone", EnumSet.of(Role.STUDENT), null, "a password nobody types here"));
    assertThat(requestCode(someone.email(), "198.51.100.23")).hasStatus(HttpStatus.ACCEPTED);
    assertThat(DeliveryTestServers.codeIn(DeliveryTestServers.awaitMailTo(someone.email()))).hasSize(6);
  }
}
