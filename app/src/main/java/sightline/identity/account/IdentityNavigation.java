package sightline.identity.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sightline.identity.AccountView;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.identity.directory.AccountAdministration;
import sightline.identity.directory.AccountState;
import sightline.identity.history.SignInHistory;
import sightline.identity.history.SignInRecord;
import sightline.identity.totp.TwoFactor;
import sightline.system.Audience;
import sightline.system.HomeCard;
import sightline.system.MenuGroup;
import sightline.system.MenuItem;

/**
 * Identity's pages in the menu (one's own account; the administrators' accounts, sign-in history and two-factor
 * requirement) and its cards on the home page: one's account for everyone, and for administrators the accounts
 * awaiting approval, the locked accounts and the latest refused sign-ins.
 */
@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

  private static final int CARD_ROWS = 5;
  private static final Duration RECENT = Duration.ofHours(24);
  private static final Audience ADMINS = Audience.anyOf(Role.ADMIN.authority());

  @Bean
  MenuItem profileMenuItem() {
    return new MenuItem(MenuGroup.ACCOUNT, "nav.profile", "/account/profile", Audience.SIGNED_IN, 10);
  }

  @Bean
  MenuItem passwordMenuItem() {
    return new MenuItem(MenuGroup.ACCOUNT, "nav.password", "/account/password", Audience.SIGNED_IN, 20);
  }

  @Bean
  MenuItem twoFactorMenuItem() {
    return new MenuItem(MenuGroup.ACCOUNT, "nav.twoFactor", "/account/two-factor", Audience.SIGNED_IN, 40);
  }

  @Bean
  MenuItem mySignInsMenuItem() {
    return new MenuItem(MenuGroup.ACCOUNT, "nav.mySignIns", "/account/sign-ins", Audience.SIGNED_IN, 50);
  }

  @Bean
  MenuItem accountsMenuItem() {
    return new MenuItem(MenuGroup.ADMINISTRATION, "nav.accounts", "/admin/accounts", ADMINS, 10);
  }

  @Bean
  MenuItem allSignInsMenuItem() {
    return new MenuItem(MenuGroup.ADMINISTRATION, "nav.allSignIns", "/admin/sign-ins", ADMINS, 20);
  }

  @Bean
  MenuItem twoFactorRequirementMenuItem() {
    return new MenuItem(MenuGroup.ADMINISTRATION, "totp.admin.title", "/admin/two-factor", ADMINS, 30);
  }

  /** What the account card shows: one's roles and whether a second factor protects the account. */
  record AccountCard(SignedInUser user, boolean twoFactor) {}

  /** A few rows of a list and how many there are in all. */
  record ListCard<T>(List<T> first, long total) {

    public boolean more() {
      return total > first.size();
    }
  }

  @Bean
  HomeCard accountHomeCard(TwoFactor twoFactor) {
    return new HomeCard(MenuGroup.ACCOUNT, "identity/home-cards", "account", Audience.SIGNED_IN, 90,
        who -> who != null && who.getPrincipal() instanceof SignedInUser user
            ? new AccountCard(user, twoFactor.status(user.id()).enabled()) : null);
  }

  @Bean
  HomeCard awaitingApprovalHomeCard(AccountAdministration administration) {
    return new HomeCard(MenuGroup.ADMINISTRATION, "identity/home-cards", "awaiting-approval", ADMINS, 20, who -> {
      var page = administration.list(AccountAdministration.Show.AWAITING_APPROVAL, "", 0, CARD_ROWS);
      return new ListCard<AccountView>(page.map(AccountState::account).getContent(), page.getTotalElements());
    });
  }

  @Bean
  HomeCard lockedAccountsHomeCard(AccountAdministration administration) {
    return new HomeCard(MenuGroup.ADMINISTRATION, "identity/home-cards", "locked-accounts", ADMINS, 30, who -> {
      var page = administration.list(AccountAdministration.Show.LOCKED, "", 0, CARD_ROWS);
      return new ListCard<AccountState>(page.getContent(), page.getTotalElements());
    });
  }

  @Bean
  HomeCard refusedSignInsHomeCard(SignInHistory history, Clock clock) {
    return new HomeCard(MenuGroup.ADMINISTRATION, "identity/home-cards", "refused-sign-ins", ADMINS, 40, who -> {
      var page = history.refusedSince(clock.instant().minus(RECENT), CARD_ROWS);
      return new ListCard<SignInRecord>(page.getContent(), page.getTotalElements());
    });
  }
}
