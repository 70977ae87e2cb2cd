package sightline.system;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sightline.vision.model.ModelManifest;
import sightline.vision.model.ModelStore;

/**
 * The model files every vision capability loads from. Start-up verifies all of them, so a missing or damaged file
 * stops the server before it takes a request ({@link ModelFailureAnalyzer} prints what to do).
 */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

  @Bean
  ModelStore modelStore(@Value("${sightline.models.dir:}") String directory) {
    ModelStore store = directory.isBlank() ? ModelStore.atDefaultLocation()
        : new ModelStore(Path.of(directory), ModelManifest.bundled());
    store.requireAll();
    return store;
  }
}
