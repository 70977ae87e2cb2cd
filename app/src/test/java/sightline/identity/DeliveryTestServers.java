package sightline.identity;

import static org.assertj.core.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real delivery endpoints inside the test JVM, started once and shared: a GreenMail SMTP server and a JDK HTTP server
 * that plays an SMS gateway, both on 127.0.0.1 with free ports. Tests use fresh recipients and look only at messages
 * for them.
 */
public final class DeliveryTestServers {

  private static final GreenMail MAIL = startMail();
  private static final List<String> SMS_BODIES = new CopyOnWriteArrayList<>();
  private static final HttpServer SMS_GATEWAY = startSmsGateway();
  private static final Pattern SIX_DIGITS = Pattern.compile("\\b([0-9]{6})\\b");
  private static final Pattern RESET_LINK = Pattern.compile("https?://\\S+/password-reset/new\\?token=([A-Za-z0-9_-]+)");

  private DeliveryTestServers() {}

  /** Points the application at both servers: SMTP for e-mail, the HTTP gateway for SMS. */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    registry.add("sightline.identity.delivery.email", () -> "smtp");
    registry.add("sightline.identity.delivery.from", () -> "sightline@test.example");
    registry.add("sightline.identity.delivery.sms", () -> "http");
    registry.add("sightline.identity.delivery.sms-url",
        () -> "http://127.0.0.1:" + SMS_GATEWAY.getAddress().getPort() + "/messages");
    registry.add("sightline.identity.delivery.sms-authorization", () -> "Bearer test-gateway-key");
  }

  /** The body of the newest e-mail to {@code address}, waiting up to 10 s for it to arrive. */
  public static String awaitMailTo(String address) {
    return awaitMailsTo(address, 1).getLast();
  }

  /** The bodies of the first {@code count} e-mails to {@code address}, oldest first, waiting up to 10 s. */
  public static List<String> awaitMailsTo(String address, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      List<String> bodies = mailsTo(address);
      if (bodies.size() >= count) {
        return bodies;
      }
      pause();
    }
    return fail("no e-mail to " + address + " within 10 s");
  }

  /** The bodies of all e-mails received so far for {@code address}. */
  public static List<String> mailsTo(String address) {
    return List.of(MAIL.getReceivedMessages()).stream().filter(message -> isTo(message, address))
        .map(GreenMailUtil::getBody).map(body -> body.replace("=\r\n", "").replace("=3D", "=")).toList();
  }

  /** The six-digit code in a message. */
  public static String codeIn(String text) {
    Matcher matcher = SIX_DIGITS.matcher(text);
    return matcher.find() ? matcher.group(1) : fail("no code in: " + text);
  }

  /** The reset token in an e-mail's link. */
  public static String resetTokenIn(String text) {
    Matcher matcher = RESET_LINK.matcher(text);
    return matcher.find() ? matcher.group(1) : fail("no reset link in: " + text);
  }

  /** The newest SMS gateway request body that mentions {@code phone}, waiting up to 10 s. */
  public static String awaitSmsTo(String phone) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> body = SMS_BODIES.reversed().stream().filter(b -> b.contains("\"" + phone + "\"")).findFirst();
      if (body.isPresent()) {
        return body.get();
      }
      pause();
    }
    return fail("no SMS to " + phone + " within 10 s");
  }

  private static boolean isTo(MimeMessage message, String address) {
    try {
      return message.getRecipients(Message.RecipientType.TO) != null
          && List.of(message.getRecipients(Message.RecipientType.TO)).stream()
          .anyMatch(to -> to.toString().equalsIgnoreCase(address));
    } catch (MessagingException e) {
      return false;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
  }

  private static GreenMail startMail() {
    var mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    return mail;
  }

  private static HttpServer startSmsGateway() {
    try {
      var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/messages", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean authorized = "Bearer test-gateway-key".equals(exchange.getRequestHeaders().getFirst("Authorization"))
            && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (authorized) {
          SMS_BODIES.add(body);
        }
        exchange.sendResponseHeaders(authorized ? 202 : 401, -1);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
