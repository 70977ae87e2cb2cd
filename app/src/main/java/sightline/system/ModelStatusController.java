package sightline.system;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import sightline.vision.model.ModelCheck;
import sightline.vision.model.ModelStore;

/** Lists the model files this server runs on, where they come from, and whether each is intact. */
@RestController
@Tag(name = "System")
class ModelStatusController {

  private final ModelStore models;

  ModelStatusController(ModelStore models) {
    this.models = models;
  }

  @GetMapping("/api/v1/models")
  @Operation(summary = "Model files: npm package, SHA-256, purpose and whether the file on disk matches")
  List<ModelStatus> listModels() {
    return models.checkAll().stream().map(ModelStatus::of).toList();
  }

  /**
   * One model file as the API shows it.
   *
   * @param intact whether the file is present with the pinned SHA-256
   * @param problem why it is not intact, or null
   */
  record ModelStatus(String name, String purpose, String npmPackage, String sha256, boolean intact,
      @Nullable String problem) {

    static ModelStatus of(ModelCheck check) {
      var file = check.file();
      return new ModelStatus(file.name(), file.purpose(), file.npmPackage(), file.sha256(), check.ok(),
          check.problem());
    }
  }
}
