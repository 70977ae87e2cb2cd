package sightline.diagnosis.models;

import java.io.IOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.identity.SignedInUser;

/**
 * The administrators' page for plant diagnosis: the models (upload a new one, activate one, restore the previous
 * one) and the export of farmers' feedback. {@code /admin/**} is ADMIN-only (system's security rules).
 */
@Controller
class ModelsAdminController {

  static final String PAGE = "/admin/diagnosis";

  private final PlantModels models;

  ModelsAdminController(PlantModels models) {
    this.models = models;
  }

  @GetMapping(PAGE)
  String showModels(Model model) {
    model.addAttribute("models", models.list());
    return "diagnosis/models";
  }

  @PostMapping(PAGE + "/models")
  String uploadModel(@RequestParam("model") MultipartFile onnx, @RequestParam("metadata") MultipartFile metadata,
      @AuthenticationPrincipal SignedInUser admin, RedirectAttributes redirect) throws IOException {
    if (onnx.isEmpty() || metadata.isEmpty()) {
      throw new ModelRejected("upload: both the ONNX file and its metadata file are needed");
    }
    String version = models.upload(onnx.getBytes(), metadata.getBytes(), admin.id());
    redirect.addFlashAttribute("activated", version);
    return "redirect:" + PAGE;
  }

  @PostMapping(PAGE + "/models/activate")
  String activateModel(@RequestParam String version, @AuthenticationPrincipal SignedInUser admin,
      RedirectAttributes redirect) {
    models.activate(version, admin.id());
    redirect.addFlashAttribute("activated", version);
    return "redirect:" + PAGE;
  }

  @PostMapping(PAGE + "/models/restore-previous")
  String restorePreviousModel(@AuthenticationPrincipal SignedInUser admin, RedirectAttributes redirect) {
    redirect.addFlashAttribute("activated", models.restorePrevious(admin.id()));
    return "redirect:" + PAGE;
  }
}
