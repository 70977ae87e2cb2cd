package sightline.system;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** System's own contributions: the camera check in the menu, and the system's health on administrators' homes. */
@Configuration(proxyBeanMethods = false)
class SystemNavigation {

  @Bean
  MenuItem cameraCheckMenuItem() {
    return new MenuItem(MenuGroup.TOOLS, "nav.camera", "/camera", Audience.EVERYONE, 10);
  }

  /** One component of the health report, e.g. the database or the model files. */
  record ComponentHealth(String name, boolean up) {}

  /** The health report as the card shows it. */
  record SystemHealth(boolean up, List<ComponentHealth> components) {}

  @Bean
  HomeCard systemHealthHomeCard(ObjectProvider<HealthEndpoint> health) {
    return new HomeCard(MenuGroup.ADMINISTRATION, "system/home-cards", "health", Audience.anyOf("ROLE_ADMIN"), 10,
        who -> {
          HealthEndpoint endpoint = health.getIfAvailable();
          return endpoint == null ? null : report(endpoint.health());
        });
  }

  static SystemHealth report(HealthDescriptor health) {
    Map<String, HealthDescriptor> components = health instanceof CompositeHealthDescriptor composite
        && composite.getComponents() != null ? composite.getComponents() : Map.of();
    return new SystemHealth(Status.UP.equals(health.getStatus()), components.entrySet().stream()
        .map(entry -> new ComponentHealth(entry.getKey(), Status.UP.equals(entry.getValue().getStatus())))
        .toList());
  }
}
