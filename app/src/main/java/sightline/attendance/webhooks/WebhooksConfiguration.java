package sightline.attendance.webhooks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sightline.identity.Role;
import sightline.system.Audience;
import sightline.system.MenuGroup;
import sightline.system.MenuItem;

/** The webhooks' administration page in the menu. */
@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

  @Bean
  MenuItem webhooksMenuItem() {
    return new MenuItem(MenuGroup.ADMINISTRATION, "webhooks.title", "/admin/webhooks",
        Audience.anyOf(Role.ADMIN.authority()), 80);
  }
}
