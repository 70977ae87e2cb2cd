package sightline.diagnosis.diagnose;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Administrators download farmers' feedback as a labelled dataset ({@code /admin/**} is ADMIN-only). */
@Controller
class FeedbackExportController {

  private final FeedbackExport export;
  private final Clock clock;

  FeedbackExportController(FeedbackExport export, Clock clock) {
    this.export = export;
    this.clock = clock;
  }

  @GetMapping("/admin/diagnosis/feedback.zip")
  void exportFeedback(HttpServletResponse response) throws IOException {
    response.setContentType("application/zip");
    response.setHeader("Content-Disposition", "attachment; filename=\"plant-feedback-"
        + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".zip\"");
    export.writeTo(response.getOutputStream());
  }
}
