package sightline.identity.delivery;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** E-mail through Spring Mail's SMTP client ({@code spring.mail.*}). */
final class SmtpSender implements MessageSender {

  private final JavaMailSender mail;
  private final String from;

  SmtpSender(JavaMailSender mail, String from) {
    this.mail = mail;
    this.from = from;
  }

  @Override
  public void send(String recipient, String subject, String text) {
    var message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(recipient);
    message.setSubject(subject);
    message.setText(text);
    mail.send(message);
  }
}
