package sightline.system;

import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import sightline.vision.model.ModelCheck;
import sightline.vision.model.ModelStore;

/** {@code /actuator/health} component "models": UP while every manifest file is present with its pinned SHA-256. */
@Component("models")
class ModelsHealthIndicator extends AbstractHealthIndicator {

  private final ModelStore models;

  ModelsHealthIndicator(ModelStore models) {
    super("Model files could not be checked");
    this.models = models;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    List<ModelCheck> checks = models.checkAll();
    List<String> problems = checks.stream().filter(check -> !check.ok()).map(ModelCheck::problem).toList();
    (problems.isEmpty() ? builder.up() : builder.down())
        .withDetail("verified", checks.size() - problems.size())
        .withDetail("expected", checks.size())
        .withDetail("problems", problems);
  }
}
