package sightline.biometrics.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** The face sign-in page is for people who are not signed in yet; its API calls are under the open /api/v1/auth. */
@Configuration(proxyBeanMethods = false)
class FaceSignInSecurity {

  @Bean
  Customizer<HttpSecurity> faceSignInAccess() {
    return http -> http.authorizeHttpRequests(requests -> requests.requestMatchers("/sign-in/face").permitAll());
  }
}
