package sightline.identity.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Adds the second sign-in step to system's one filter chain (a {@code Customizer<HttpSecurity>}, as
 * {@code identity.tokens.ApiTokenSecurity} does): its pages are open, since who may use them is decided by the
 * pending state in the session, and {@link SecondFactorRedirect} wraps the form-login POST.
 */
@Configuration(proxyBeanMethods = false)
class TwoFactorSignInSecurity {

  @Bean
  Customizer<HttpSecurity> twoFactorSignIn() {
    return http -> http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/sign-in/two-factor", "/sign-in/two-factor/**").permitAll())
        .addFilterBefore(new SecondFactorRedirect(), UsernamePasswordAuthenticationFilter.class);
  }
}
