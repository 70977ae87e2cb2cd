package sightline.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Page language: {@code ?lang=hi} switches and remembers the choice in a cookie; without one the browser's
 * Accept-Language picks among the languages Sightline has bundles for, else English.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  /** Languages with complete message bundles; the i18n test keeps the bundles in step. */
  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("hi"),
      Locale.forLanguageTag("es"));

  /** @param secureCookies whether cookies are for HTTPS only, as the session cookie ({@code proxy} profile) */
  @Bean
  LocaleResolver localeResolver(@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
    var resolver = new CookieLocaleResolver("sightline-lang");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieSecure(secureCookies);
    resolver.setDefaultLocaleFunction(request -> {
      String header = request.getHeader("Accept-Language");
      if (header == null || header.isBlank()) {
        return Locale.ENGLISH;
      }
      try {
        Locale match = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
        return match != null ? match : Locale.ENGLISH;
      } catch (IllegalArgumentException malformedHeader) {
        return Locale.ENGLISH;
      }
    });
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    var interceptor = new LocaleChangeInterceptor() {
      @Override
      protected @Nullable Locale parseLocaleValue(String value) {
        Locale locale = super.parseLocaleValue(value);
        return LANGUAGES.contains(locale) ? locale : null; // null: forget the choice, fall back to the default
      }
    };
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
  }
}
