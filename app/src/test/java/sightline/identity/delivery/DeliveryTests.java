package sightline.identity.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mock.env.MockEnvironment;

/** The HTTP SMS sender against a real HTTP server on 127.0.0.1, and the choice of senders at start-up. */
class DeliveryTests {

  private HttpServer gateway;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> headers = new CopyOnWriteArrayList<>();
  private volatile int status = 200;

  @BeforeEach
  void startGateway() throws Exception {
    gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext("/send", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      headers.add(exchange.getRequestHeaders().getFirst("Content-Type") + " | "
          + exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    gateway.start();
  }

  @AfterEach
  void stopGateway() {
    gateway.stop(0);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/send");
  }

  @Test
  void postsTheTemplateWithJsonEscapedValues() {
    var sender = new HttpSmsSender(url(), "{\"to\":\"{to}\",\"text\":\"{text}\"}", "application/json", "Key abc");
    sender.send("+919876543210", "ignored", "123456 is \"your\" code\nbye");
    assertThat(bodies).containsExactly("{\"to\":\"+919876543210\",\"text\":\"123456 is \\\"your\\\" code\\nbye\"}");
    assertThat(headers).containsExactly("application/json | Key abc");
  }

  @Test
  void formEncodesValuesForFormBodies() {
    var sender = new HttpSmsSender(url(), "to={to}&body={text}", "application/x-www-form-urlencoded", null);
    sender.send("+919876543210", "ignored", "123456 & more");
    assertThat(bodies).containsExactly("to=%2B919876543210&body=123456+%26+more");
  }

  @Test
  void aGatewayErrorIsAFailure() {
    status = 500;
    var sender = new HttpSmsSender(url(), "{text}", "text/plain", null);
    assertThatIllegalStateException().isThrownBy(() -> sender.send("+919876543210", "", "hi"))
        .withMessageContaining("HTTP 500");
  }

  @Test
  void theDevelopmentSenderIsRefusedInTheProductionProfile() {
    var production = new MockEnvironment();
    production.setActiveProfiles("postgres");
    var logging = new DeliverySettings(DeliverySettings.Via.LOG, DeliverySettings.Via.NONE, "x@example.org", null,
        "", "application/json", null);
    assertThatIllegalStateException()
        .isThrownBy(() -> new MessageDelivery(logging, noMail(), production, Runnable::run))
        .withMessageContaining("sightline.identity.delivery.email=log")
        .withMessageContaining("refused in the postgres (production) profile");

    var development = new MockEnvironment();
    assertThat(new MessageDelivery(logging, noMail(), development, Runnable::run)).isNotNull();
  }

  @Test
  void smtpWithoutAMailServerFailsAtStartWithTheSettingToFix() {
    var smtp = new DeliverySettings(DeliverySettings.Via.SMTP, DeliverySettings.Via.NONE, "x@example.org", null,
        "", "application/json", null);
    assertThatIllegalStateException()
        .isThrownBy(() -> new MessageDelivery(smtp, noMail(), new MockEnvironment(), Runnable::run))
        .withMessageContaining("spring.mail.host");
  }

  private static org.springframework.beans.factory.ObjectProvider<JavaMailSender> noMail() {
    return new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
  }
}
