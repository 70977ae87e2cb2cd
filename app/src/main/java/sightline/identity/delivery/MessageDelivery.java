package sightline.identity.delivery;

import jakarta.annotation.PreDestroy;
import java.util.Arrays;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Picks the e-mail and SMS senders from {@link DeliverySettings} at start-up and sends in the background, never
 * holding a database connection during network I/O. A failed send is logged without the message's content.
 * Start-up fails with one sentence when a channel is misconfigured or when the development {@link LoggingSender} is
 * chosen in the {@code postgres} (production) profile.
 *
 * <p>{@link #composeAndSend} also takes the <em>deciding</em> off the request thread: whether a recipient has an
 * account, storing the code or token, and writing the message all happen on one background thread, so that a
 * request for a known recipient does exactly the same work before it answers as one for an unknown recipient
 * (parse, rate limit, hand over) and takes the same time. The composing starts {@link #COMPOSE_DELAY} later, once
 * the answer has left: composing for a known recipient costs more CPU than for an unknown one, and done at once it
 * would compete with the rest of its own request on a busy machine and make that request slower again. One thread, a
 * bounded queue: requests are composed in the order they came, a flood of them cannot take every database
 * connection, and beyond 1,000 waiting the newest are dropped with a warning at most once a minute (their callers
 * were told "sent if the recipient may receive it" either way). So that one client address cannot fill the queue
 * with requests for made-up recipients and crowd out real people's codes, code and reset requests are also limited
 * per address ({@link #ADDRESS_LIMIT}).
 */
@Component
public class MessageDelivery {

  private static final Logger log = LoggerFactory.getLogger(MessageDelivery.class);
  private static final int MAX_WAITING = 1_000;
  /**
   * The named limit of {@code system.RateLimits} on code and reset requests per client address, together (60 per 10
   * minutes by default, {@code sightline.rate-limits.code-request-address.*}).
   */
  public static final String ADDRESS_LIMIT = "code-request-address";
  private static final Duration WARN_EVERY = Duration.ofMinutes(1);
  /** Longer than a request takes after it hands its message over, short against how fast people read mail. */
  static final Duration COMPOSE_DELAY = Duration.ofMillis(100);

  private final MessageSender email;
  private final MessageSender sms;
  private final Executor executor;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE);
  private final ScheduledThreadPoolExecutor composer = new ScheduledThreadPoolExecutor(1,
      Thread.ofPlatform().name("message-composer").daemon().factory());

  /** A message ready to go. */
  public record Message(Channel channel, String to, String subject, String text) {}

  MessageDelivery(DeliverySettings settings, ObjectProvider<JavaMailSender> mail, Environment environment,
      @Qualifier("applicationTaskExecutor") Executor executor) {
    boolean production = Arrays.asList(environment.getActiveProfiles()).contains("postgres");
    this.email = switch (settings.email()) {
      case SMTP -> new SmtpSender(mail.getIfAvailable(() -> {
        throw new IllegalStateException("sightline.identity.delivery.email=smtp needs spring.mail.host (and "
            + "spring.mail.port, username, password as your mail server requires)");
      }), settings.from());
      case LOG -> development("email", production);
      case NONE -> new DisabledSender("e-mail");
      case HTTP -> throw new IllegalStateException("sightline.identity.delivery.email must be smtp, log or none");
    };
    this.sms = switch (settings.sms()) {
      case HTTP -> {
        if (settings.smsUrl() == null) {
          throw new IllegalStateException("sightline.identity.delivery.sms=http needs "
              + "sightline.identity.delivery.sms-url");
        }
        yield new HttpSmsSender(settings.smsUrl(), settings.smsBody(), settings.smsContentType(),
            settings.smsAuthorization());
      }
      case LOG -> development("sms", production);
      case NONE -> new DisabledSender("SMS");
      case SMTP -> throw new IllegalStateException("sightline.identity.delivery.sms must be http, log or none");
    };
    this.executor = executor;
  }

  private static MessageSender development(String channel, boolean production) {
    if (production) {
      throw new IllegalStateException("sightline.identity.delivery." + channel + "=log writes one-time codes to the "
          + "log and is refused in the postgres (production) profile: choose "
          + ("email".equals(channel) ? "smtp (with spring.mail.host)" : "http (with sms-url)") + " or none");
    }
    return new LoggingSender(channel);
  }

  /**
   * Runs {@code compose} on the composing thread, {@link #COMPOSE_DELAY} from now, and sends the message it returns, if any; returns at once.
   * {@code compose} runs outside any transaction and request: it opens its own transaction (which has committed
   * when it returns, so the message never announces a code that was rolled back) and gets the caller's locale as
   * a value, not from the thread.
   */
  public void composeAndSend(Supplier<@Nullable Message> compose) {
    if (composer.getQueue().size() >= MAX_WAITING) {
      dropped.incrementAndGet();
      long now = System.nanoTime();
      long last = lastWarning.get();
      if ((last == Long.MIN_VALUE || now - last >= WARN_EVERY.toNanos()) && lastWarning.compareAndSet(last, now)) {
        log.warn("{} messages wait to be composed: dropping new ones ({} dropped since start-up)", MAX_WAITING,
            dropped.get());
      }
      return;
    }
    composer.schedule(() -> {
      try {
        Message message = compose.get();
        if (message != null) {
          send(message.channel(), message.to(), message.subject(), message.text());
        }
      } catch (RuntimeException e) {
        log.warn("Could not compose a message: {}", e.toString());
      }
    }, COMPOSE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops composing when the application closes; what still waits is dropped. */
  @PreDestroy
  void close() {
    composer.shutdownNow();
  }

  private void send(Channel channel, String recipient, String subject, String text) {
    MessageSender sender = channel == Channel.EMAIL ? email : sms;
    executor.execute(() -> {
      try {
        sender.send(recipient, subject, text);
      } catch (RuntimeException e) {
        log.warn("Could not send a {} message: {}", channel, e.getMessage());
      }
    });
  }
}
