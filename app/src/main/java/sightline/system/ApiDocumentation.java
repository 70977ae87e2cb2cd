package sightline.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}, shown at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  @Bean
  OpenAPI sightlineOpenApi() {
    return new OpenAPI().info(new Info()
        .title("Sightline API")
        .version("v1")
        .description("Identity, face biometrics, attendance, engagement and plant diagnosis on your own server. "
            + "Errors are RFC 9457 problem details (application/problem+json).")
        .license(new License().name("Self-hosted")));
  }
}
