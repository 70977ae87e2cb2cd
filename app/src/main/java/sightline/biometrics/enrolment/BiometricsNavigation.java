package sightline.biometrics.enrolment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sightline.biometrics.FaceEnrolment;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.system.Audience;
import sightline.system.HomeCard;
import sightline.system.MenuGroup;
import sightline.system.MenuItem;

/**
 * Biometrics' pages in the menu (one's face, the liveness self-test, the administrators' settings) and the face card
 * on the home page of students and teachers, the people whom attendance and face sign-in will ask for a face.
 */
@Configuration(proxyBeanMethods = false)
class BiometricsNavigation {

  @Bean
  MenuItem myFaceMenuItem() {
    return new MenuItem(MenuGroup.ACCOUNT, "face.nav", "/account/face", Audience.SIGNED_IN, 30);
  }

  @Bean
  MenuItem livenessMenuItem() {
    return new MenuItem(MenuGroup.TOOLS, "liveness.title", "/liveness", Audience.SIGNED_IN, 20);
  }

  @Bean
  MenuItem biometricsSettingsMenuItem() {
    return new MenuItem(MenuGroup.ADMINISTRATION, "face.settings.title", "/admin/biometrics",
        Audience.anyOf(Role.ADMIN.authority()), 50);
  }

  @Bean
  MenuItem livenessPolicyMenuItem() {
    return new MenuItem(MenuGroup.ADMINISTRATION, "liveness.admin.title", "/admin/liveness",
        Audience.anyOf(Role.ADMIN.authority()), 51);
  }

  @Bean
  HomeCard faceHomeCard(FaceEnrolment enrolment) {
    return new HomeCard(MenuGroup.ACCOUNT, "biometrics/home-cards", "face",
        Audience.anyOf(Role.STUDENT.authority(), Role.TEACHER.authority()), 10,
        who -> who != null && who.getPrincipal() instanceof SignedInUser user ? enrolment.status(user.id()) : null);
  }
}
