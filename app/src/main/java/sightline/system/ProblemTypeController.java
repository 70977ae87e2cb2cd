package sightline.system;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page behind every problem {@code type} URI ({@code /problems/<slug>}): what the problem means and what to do,
 * in the reader's language. The texts are {@code problemPage.<slug>.title} and {@code .text} in the message
 * bundles; a slug without them is a 404, so an unknown type never gets a made-up page.
 */
@Controller
class ProblemTypeController {

  private final MessageSource messages;

  ProblemTypeController(MessageSource messages) {
    this.messages = messages;
  }

  @GetMapping("/problems/{slug}")
  String showProblemType(@PathVariable String slug, Locale locale, Model model) {
    if (!slug.matches("[a-z0-9-]{1,60}")) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    try {
      model.addAttribute("problemTitle", messages.getMessage("problemPage." + slug + ".title", null, locale));
      model.addAttribute("problemText", messages.getMessage("problemPage." + slug + ".text", null, locale));
    } catch (NoSuchMessageException unknown) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("slug", slug);
    return "system/problem";
  }
}
