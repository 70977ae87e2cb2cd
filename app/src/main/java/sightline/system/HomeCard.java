package sightline.system;

import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * One card on the home page, contributed by the module that knows its content: declare it as a bean and
 * {@link Navigation} collects it. The home page renders the Thymeleaf fragment {@code template :: fragment} inside a
 * card, with the supplier's result in the variable {@code data}; a supplier that answers null hides the card for that
 * person. The supplier runs on every visit to the home page, so it should ask for little (counts, a few rows).
 *
 * @param section the heading the card appears under (the menu's groups double as the home page's sections)
 * @param template the template holding the fragment, e.g. {@code identity/home-cards}
 * @param fragment the fragment's name in that template
 * @param audience who sees the card; anonymous cards make up the landing page
 * @param order position within the section
 * @param data what the fragment shows, for the person it is given (null when nobody is signed in)
 */
public record HomeCard(MenuGroup section, String template, String fragment, Audience audience, int order,
    Function<@Nullable Authentication, @Nullable Object> data) {

  public HomeCard {
    Objects.requireNonNull(section);
    Objects.requireNonNull(audience);
    Objects.requireNonNull(data);
    if (template.isBlank() || fragment.isBlank()) {
      throw new IllegalArgumentException("a home card needs a template and a fragment");
    }
  }
}
