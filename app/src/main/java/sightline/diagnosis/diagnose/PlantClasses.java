package sightline.diagnosis.diagnose;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import sightline.vision.classify.RejectRule;

/**
 * Names and advice for the model's classes, and the retake answer, in the reader's language, from
 * {@code messages/diagnosis*.properties} ({@code diagnosis.class.<label>.<field>}). A class an uploaded model
 * brings without texts is named by its label and has no advice.
 */
@Component
class PlantClasses {

  /** The tips shown with every "please retake" answer, as message keys {@code diagnosis.retake.tip.<tip>}. */
  static final List<String> RETAKE_TIPS = List.of("oneLeaf", "fillFrame", "daylight", "background", "focus", "crop");

  /**
   * What to do about one class.
   *
   * @param label the model's label
   * @param name the class's name for people
   * @param about what it is; null when there are no texts for this class
   */
  record Advice(String label, String name, @Nullable String about, @Nullable String symptoms,
      @Nullable String organic, @Nullable String chemical, @Nullable String prevention) {}

  /** A class as a choice in the feedback form. */
  record Choice(String label, String name) {}

  /** The retake answer: why, and the tips. */
  record Retake(String title, String reason, List<String> tips) {}

  private final MessageSource messages;

  PlantClasses(MessageSource messages) {
    this.messages = messages;
  }

  String name(String label, Locale locale) {
    String name = text(label, "name", locale);
    return name != null ? name : label.replace('_', ' ');
  }

  Advice advice(String label, Locale locale) {
    return new Advice(label, name(label, locale), text(label, "about", locale), text(label, "symptoms", locale),
        text(label, "organic", locale), text(label, "chemical", locale), text(label, "prevention", locale));
  }

  List<Choice> choices(List<String> labels, Locale locale) {
    return labels.stream().map(label -> new Choice(label, name(label, locale))).toList();
  }

  Retake retake(RejectRule.Reason reason, Locale locale) {
    return new Retake(messages.getMessage("diagnosis.retake.title", null, locale),
        messages.getMessage("diagnosis.retake.reason." + reason.name(), null, locale),
        tips(locale));
  }

  /** The photo tips, on the upload page and with every request to retake. */
  List<String> tips(Locale locale) {
    return RETAKE_TIPS.stream().map(tip -> messages.getMessage("diagnosis.retake.tip." + tip, null, locale)).toList();
  }

  String disclaimer(Locale locale) {
    return messages.getMessage("diagnosis.disclaimer.text", null, locale);
  }

  private @Nullable String text(String label, String field, Locale locale) {
    return messages.getMessage("diagnosis.class." + label + "." + field, null, null, locale);
  }
}
