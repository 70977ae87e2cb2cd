package sightline.courses.teaching;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Who may reach the courses pages and API at all; which course they may see or change is the service's decision
 * (teachers their own, students the ones they attend, administrators all). Joining with a code is for students;
 * reading is for the people of a school (not MEMBER accounts, which only diagnose plants); every change is for
 * teachers and administrators.
 */
@Configuration(proxyBeanMethods = false)
class CoursesSecurity {

  private static final String[] CLASSROOM = {"ADMIN", "TEACHER", "STUDENT"};

  @Bean
  Customizer<HttpSecurity> coursesAccess() {
    return http -> http.authorizeHttpRequests(requests -> requests
        .requestMatchers("/courses/join", "/api/v1/courses/join").hasRole("STUDENT")
        .requestMatchers(HttpMethod.GET, "/courses", "/courses/**", "/api/v1/courses", "/api/v1/courses/**")
        .hasAnyRole(CLASSROOM)
        .requestMatchers("/courses", "/courses/**", "/api/v1/courses", "/api/v1/courses/**")
        .hasAnyRole("ADMIN", "TEACHER"));
  }
}
