package sightline.attendance.webhooks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.identity.SignedInUser;
import sightline.system.PageView;

/** Administrators manage outbound webhooks and read their delivery logs ({@code /admin/**} is ADMIN only). */
@Controller
class WebhooksAdminController {

  private static final String LIST_VIEW = "attendance/webhooks";
  private static final String WEBHOOK_VIEW = "attendance/webhook";
  private static final int LOG_PAGE_SIZE = 25;

  record CreateWebhookForm(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 2000) String url,
      @NotEmpty Set<WebhookEventType> events) {
    static CreateWebhookForm empty() {
      return new CreateWebhookForm("", "https://", EnumSet.allOf(WebhookEventType.class));
    }
  }

  private final Webhooks webhooks;

  WebhooksAdminController(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  @GetMapping("/admin/webhooks")
  String listWebhooks(Model model) {
    model.addAttribute("form", CreateWebhookForm.empty());
    return showList(model);
  }

  @PostMapping("/admin/webhooks")
  String createWebhook(@AuthenticationPrincipal SignedInUser admin,
      @Valid @ModelAttribute("form") CreateWebhookForm form, BindingResult errors, Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        var created = webhooks.create(form.name(), form.url(), form.events(), admin.id().value());
        // Shown once, on the page this redirect leads to; afterwards only the sealed copy exists.
        redirect.addFlashAttribute("newSecret", created.secret());
        redirect.addFlashAttribute("notice", "webhooks.created");
        return "redirect:/admin/webhooks/" + created.id();
      } catch (WebhookUrlRefused e) {
        errors.rejectValue("url", "webhooks.urlRefused");
      }
    }
    return showList(model);
  }

  @GetMapping("/admin/webhooks/{id}")
  String showWebhook(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("webhook", webhooks.get(id));
    model.addAttribute("deliveries", PageView.of(webhooks.deliveries(id, Math.max(page, 0), LOG_PAGE_SIZE)));
    return WEBHOOK_VIEW;
  }

  @PostMapping("/admin/webhooks/{id}/disable")
  String disableWebhook(@PathVariable UUID id, RedirectAttributes redirect) {
    webhooks.disable(id);
    redirect.addFlashAttribute("notice", "webhooks.disabled");
    return "redirect:/admin/webhooks/" + id;
  }

  @PostMapping("/admin/webhooks/{id}/enable")
  String enableWebhook(@PathVariable UUID id, RedirectAttributes redirect) {
    webhooks.enable(id);
    redirect.addFlashAttribute("notice", "webhooks.enabled");
    return "redirect:/admin/webhooks/" + id;
  }

  @PostMapping("/admin/webhooks/{id}/delete")
  String deleteWebhook(@PathVariable UUID id, RedirectAttributes redirect) {
    webhooks.delete(id);
    redirect.addFlashAttribute("notice", "webhooks.deleted");
    return "redirect:/admin/webhooks";
  }

  @PostMapping("/admin/webhooks/{id}/deliveries/{delivery}/retry")
  String retryDelivery(@PathVariable UUID id, @PathVariable UUID delivery, RedirectAttributes redirect) {
    webhooks.retry(id, delivery);
    redirect.addFlashAttribute("notice", "webhooks.retried");
    return "redirect:/admin/webhooks/" + id;
  }

  private String showList(Model model) {
    model.addAttribute("webhooks", webhooks.list());
    model.addAttribute("eventTypes", WebhookEventType.values());
    return LIST_VIEW;
  }
}
