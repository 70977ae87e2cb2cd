package sightline.engagement.live;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import sightline.identity.Role;
import sightline.system.Audience;
import sightline.system.HomeCard;
import sightline.system.MenuGroup;
import sightline.system.MenuItem;

/** Engagement in the menu (classes) and on the home page, for students and teachers. */
@Configuration(proxyBeanMethods = false)
class EngagementNavigation {

  private static final Audience CLASS_MEMBERS = Audience.anyOf(Role.STUDENT.authority(), Role.TEACHER.authority(),
      Role.ADMIN.authority());

  @Bean
  MenuItem engagementMenuItem() {
    return new MenuItem(MenuGroup.CLASSES, "nav.engagement", "/engagement", CLASS_MEMBERS, 40);
  }

  @Bean
  HomeCard engagementHomeCard() {
    return new HomeCard(MenuGroup.CLASSES, "engagement/home-cards", "engagement", CLASS_MEMBERS, 40,
        (@Nullable Authentication who) -> Boolean.TRUE);
  }
}
