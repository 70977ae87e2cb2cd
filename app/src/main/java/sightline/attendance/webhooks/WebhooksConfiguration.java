package sightline.attendance.webhooks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import sightline.identity.Role;
import sightline.system.Audience;
import sightline.system.MenuGroup;
import sightline.system.MenuItem;

/** The dispatcher's schedule, and the administration page in the menu. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WebhooksConfiguration {

  @Bean
  MenuItem webhooksMenuItem() {
    return new MenuItem(MenuGroup.ADMINISTRATION, "webhooks.title", "/admin/webhooks",
        Audience.anyOf(Role.ADMIN.authority()), 80);
  }
}
