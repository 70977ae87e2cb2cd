package sightline.faceapi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sightline.identity.Role;
import sightline.system.Audience;
import sightline.system.MenuGroup;
import sightline.system.MenuItem;

/** The face API's administration page in the menu. */
@Configuration(proxyBeanMethods = false)
class FaceApiNavigation {

  @Bean
  MenuItem faceApiMenuItem() {
    return new MenuItem(MenuGroup.ADMINISTRATION, "faceApi.title", "/admin/face-api",
        Audience.anyOf(Role.ADMIN.authority()), 60);
  }
}
