package sightline.diagnosis.diagnose;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * The web app manifest and its icons are public: browsers fetch a manifest without cookies. Everything else of
 * diagnosis needs a signed-in caller (system's default rule), and {@code /admin/diagnosis/**} an administrator.
 */
@Configuration(proxyBeanMethods = false)
class DiagnosisSecurity {

  @Bean
  Customizer<HttpSecurity> diagnosisWebApp() {
    return http -> http.authorizeHttpRequests(requests -> requests
        .requestMatchers("/diagnosis/manifest.webmanifest", "/diagnosis/icon-*.png").permitAll());
  }
}
