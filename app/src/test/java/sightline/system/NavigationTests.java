package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

class NavigationTests {

  private static final Audience TEACHERS = Audience.anyOf("ROLE_TEACHER");
  private static final Audience ADMINS = Audience.anyOf("ROLE_ADMIN");

  private final Navigation navigation = new Navigation(List.of(
      new MenuItem(MenuGroup.ADMINISTRATION, "nav.accounts", "/admin/accounts", ADMINS, 10),
      new MenuItem(MenuGroup.TOOLS, "nav.camera", "/camera", Audience.EVERYONE, 10),
      new MenuItem(MenuGroup.CLASSES, "nav.courses", "/courses", TEACHERS, 20),
      new MenuItem(MenuGroup.CLASSES, "nav.today", "/courses/today", TEACHERS, 10),
      new MenuItem(MenuGroup.ACCOUNT, "nav.profile", "/account/profile", Audience.SIGNED_IN, 10),
      new MenuItem(MenuGroup.TOOLS, "nav.signUp", "/sign-up", Audience.ANONYMOUS, 20)),
      List.of(
          new HomeCard(MenuGroup.ADMINISTRATION, "t", "health", ADMINS, 10, who -> "up"),
          new HomeCard(MenuGroup.ACCOUNT, "t", "face", Audience.SIGNED_IN, 10, who -> who.getName()),
          new HomeCard(MenuGroup.ACCOUNT, "t", "nothing", Audience.SIGNED_IN, 5, who -> null),
          new HomeCard(MenuGroup.CLASSES, "t", "classes", TEACHERS, 10, who -> "classes")));

  @Test
  void showsEachPersonTheGroupsOfTheirRolesInOrder() {
    var teacher = navigation.menuFor(person("ROLE_TEACHER"), "/");
    assertThat(teacher.groups()).extracting(Navigation.Group::group)
        .containsExactly(MenuGroup.CLASSES, MenuGroup.TOOLS);
    assertThat(teacher.groups().getFirst().links()).extracting(Navigation.Link::labelKey)
        .containsExactly("nav.today", "nav.courses");
    assertThat(teacher.account()).isNotNull();

    var admin = navigation.menuFor(person("ROLE_ADMIN"), "/");
    assertThat(admin.groups()).extracting(Navigation.Group::group)
        .containsExactly(MenuGroup.TOOLS, MenuGroup.ADMINISTRATION);
  }

  @Test
  void showsPeopleWhoAreNotSignedInOnlyTheirLinksAndNoAccountGroup() {
    for (Authentication nobody : new Authentication[] {null, anonymous()}) {
      var menu = navigation.menuFor(nobody, "/");
      assertThat(menu.groups()).singleElement().satisfies(group -> {
        assertThat(group.group()).isEqualTo(MenuGroup.TOOLS);
        assertThat(group.links()).extracting(Navigation.Link::path).containsExactly("/camera", "/sign-up");
      });
      assertThat(menu.account()).isNull();
    }
  }

  @Test
  void marksTheLinkOfTheCurrentPageAndThePagesBelowIt() {
    var menu = navigation.menuFor(person("ROLE_TEACHER"), "/courses/today");
    assertThat(menu.groups().getFirst().links()).extracting(Navigation.Link::current).containsExactly(true, false);
    menu = navigation.menuFor(person("ROLE_TEACHER"), "/courses/3f2a/roster");
    assertThat(menu.groups().getFirst().links()).extracting(Navigation.Link::current).containsExactly(false, true);
    assertThat(menu.groups().getFirst().current()).isTrue();
    menu = navigation.menuFor(person("ROLE_TEACHER"), "/coursesextra");
    assertThat(menu.groups().getFirst().current()).isFalse();
  }

  @Test
  void groupsOfOneLinkAreShownAsThatLink() {
    var menu = navigation.menuFor(person("ROLE_STUDENT"), "/");
    assertThat(menu.groups()).singleElement().satisfies(group -> assertThat(group.single()).isTrue());
  }

  @Test
  void buildsTheHomeOfEachPersonFromTheCardsOfTheirRoles() {
    var home = navigation.homeFor(person("ROLE_TEACHER", "ROLE_ADMIN"));
    assertThat(home).extracting(Navigation.Section::section)
        .containsExactly(MenuGroup.CLASSES, MenuGroup.ADMINISTRATION, MenuGroup.ACCOUNT);
    assertThat(home.getLast().cards()).as("a card whose data is null is left out")
        .extracting(Navigation.Card::fragment).containsExactly("face");
    assertThat(home.getLast().cards().getFirst().data()).isEqualTo("priya@example.org");

    assertThat(navigation.homeFor(person("ROLE_STUDENT"))).extracting(Navigation.Section::section)
        .containsExactly(MenuGroup.ACCOUNT);
    assertThat(navigation.homeFor(null)).isEmpty();
  }

  @Test
  void rolesAreNotSignInsByThemselves() {
    var unauthenticated = UsernamePasswordAuthenticationToken.unauthenticated("priya@example.org", "secret");
    assertThat(ADMINS.includes(unauthenticated)).isFalse();
    assertThat(Audience.SIGNED_IN.includes(anonymous())).isFalse();
    assertThat(Audience.ANONYMOUS.includes(anonymous())).isTrue();
  }

  private static Authentication person(String... authorities) {
    return UsernamePasswordAuthenticationToken.authenticated("priya@example.org", null,
        AuthorityUtils.createAuthorityList(authorities));
  }

  private static Authentication anonymous() {
    return new AnonymousAuthenticationToken("key", "anonymousUser",
        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
  }
}
