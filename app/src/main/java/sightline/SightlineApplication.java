package sightline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.modulith.Modulithic;

/** Sightline: one self-hosted server for identity, face biometrics, attendance, engagement and plant diagnosis. */
// No generated in-memory user: accounts come from the identity module, never from a default password.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@Modulithic(systemName = "Sightline", sharedModules = "system")
public class SightlineApplication {

  public static void main(String[] args) {
    SpringApplication.run(SightlineApplication.class, args);
  }
}
