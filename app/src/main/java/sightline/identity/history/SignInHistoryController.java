package sightline.identity.history;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;
import sightline.identity.SignedInUser;
import sightline.system.PageView;

/** Sign-in history: everyone sees their own; administrators see everyone's, filter it and export it as CSV. */
@Controller
class SignInHistoryController {

  private static final int PAGE_SIZE = 50;
  private static final int EXPORT_PAGE = 1000;

  private final SignInHistory history;

  SignInHistoryController(SignInHistory history) {
    this.history = history;
  }

  @GetMapping("/account/sign-ins")
  String showMySignIns(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("signIns", PageView.of(history.of(user.id(), Math.max(page, 0), PAGE_SIZE)));
    model.addAttribute("everyone", false);
    return "identity/sign-ins";
  }

  @GetMapping("/admin/sign-ins")
  String showAllSignIns(SignInFilterForm form, @RequestParam(defaultValue = "0") int page, Model model) {
    SignInFilter filter = form.toFilter();
    model.addAttribute("signIns", PageView.of(history.signIns(filter, Math.max(page, 0), PAGE_SIZE)));
    model.addAttribute("everyone", true);
    model.addAttribute("outcomes", SignInOutcome.values());
    model.addAttribute("methods", SignInMethod.values());
    return "identity/sign-ins";
  }

  /** The filtered history as CSV (UTF-8, RFC 4180), every matching row, newest first. */
  @GetMapping("/admin/sign-ins.csv")
  void exportSignIns(SignInFilterForm form, HttpServletResponse response) throws IOException {
    SignInFilter filter = form.toFilter();
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"sign-ins.csv\"");
    Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    out.write("time,account,identifier,method,outcome,ip,user_agent\r\n");
    for (int page = 0; ; page++) {
      var rows = history.signIns(filter, page, EXPORT_PAGE);
      for (SignInRecord row : rows) {
        out.write(String.join(",", SignInCsv.cell(row.at().toString()),
            SignInCsv.cell(row.account() == null ? "" : row.account().toString()), SignInCsv.cell(row.identifier()),
            row.method().name(), row.outcome().name(), SignInCsv.cell(row.ip()), SignInCsv.cell(row.userAgent())));
        out.write("\r\n");
      }
      if (!rows.hasNext()) {
        break;
      }
    }
    out.flush();
  }

  /** The history filter as the page's query parameters carry it; {@code from}/{@code to} are whole UTC days. */
  record SignInFilterForm(@Nullable String identifier, @Nullable SignInOutcome outcome, @Nullable SignInMethod method,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {

    SignInFilter toFilter() {
      return new SignInFilter(identifier, outcome, method,
          from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
          to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
  }
}
