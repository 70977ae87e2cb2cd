package sightline.diagnosis.diagnose;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.jspecify.annotations.Nullable;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.system.Audience;
import sightline.system.HomeCard;
import sightline.system.MenuGroup;
import sightline.system.MenuItem;

/**
 * Plant diagnosis in the menu and on the home page. Anyone signed in may use it (farmers are MEMBER accounts from
 * phone sign-up; students, teachers and administrators are farmers too); administrators also manage the models.
 */
@Configuration(proxyBeanMethods = false)
class DiagnosisNavigation {

  /** What the home card shows: how many diagnoses one has and the newest. */
  public record HomeSummary(long count, sightline.diagnosis.@Nullable DiagnosisView latest, @Nullable String latestName) {}

  @Bean
  MenuItem diagnosisMenuItem() {
    return new MenuItem(MenuGroup.TOOLS, "nav.diagnosis", "/diagnosis", Audience.SIGNED_IN, 10);
  }

  @Bean
  MenuItem diagnosisHistoryMenuItem() {
    return new MenuItem(MenuGroup.TOOLS, "nav.diagnosisHistory", "/diagnosis/history", Audience.SIGNED_IN, 20);
  }

  @Bean
  MenuItem diagnosisModelsMenuItem() {
    return new MenuItem(MenuGroup.ADMINISTRATION, "nav.diagnosisModels", "/admin/diagnosis",
        Audience.anyOf(Role.ADMIN.authority()), 70);
  }

  @Bean
  HomeCard diagnosisHomeCard(sightline.diagnosis.Diagnoses diagnoses, PlantClasses classes) {
    return new HomeCard(MenuGroup.TOOLS, "diagnosis/home-cards", "diagnose", Audience.SIGNED_IN, 10,
        (@Nullable Authentication who) -> {
          if (who == null || !(who.getPrincipal() instanceof SignedInUser user)) {
            return null;
          }
          var newest = diagnoses.history(user.id(), 0, 1);
          var latest = newest.isEmpty() ? null : newest.getContent().getFirst();
          return new HomeSummary(newest.getTotalElements(), latest, latest == null ? null
              : classes.name(latest.best().label(), org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        });
  }
}
