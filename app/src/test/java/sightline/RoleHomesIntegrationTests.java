package sightline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sightline.identity.AccountDirectory;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignedInUser;

/**
 * After signing in, each person's home page shows what their roles let them do now, and the menu groups their pages
 * by whom they are for; people who are not signed in get the landing page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RoleHomesIntegrationTests {

  @Autowired
  MockMvcTester mvc;
  @Autowired
  AccountDirectory directory;

  @Test
  void anonymousVisitorsGetTheLandingPageWithSignInAndNoPersonalMenu() {
    Document page = get(null, "/");
    assertThat(page.getElementById("landing")).isNotNull();
    assertThat(page.select("#main a[href='/sign-in']")).isNotEmpty();
    assertThat(page.select("[data-group=ACCOUNT]")).isEmpty();
    assertThat(menuLinks(page)).contains("/camera").doesNotContain("/admin/accounts", "/account/face");
    // Features that are not built are neither advertised nor linked.
    assertThat(page.getElementById("main").text()).doesNotContainIgnoringCase("attendance")
        .doesNotContainIgnoringCase("engagement").doesNotContainIgnoringCase("plant");
  }

  @Test
  void aStudentSeesTheirFaceStatusAndOnlyTheirOwnPages() {
    Document page = get(person(Role.STUDENT, "Sita Verma"), "/");
    assertThat(page.getElementById("landing")).isNull();
    assertThat(page.getElementById("home-greeting").text()).contains("Sita Verma");
    assertThat(page.getElementById("home-face-status").text()).contains("not set up");
    assertThat(page.select("#main a[href='/account/face']")).isNotEmpty();
    assertThat(page.select("[data-section=ADMINISTRATION]")).isEmpty();
    assertThat(menuLinks(page)).contains("/account/profile", "/account/face", "/account/sign-ins")
        .doesNotContain("/admin/accounts", "/admin/two-factor", "/admin/biometrics");
    assertThat(page.select("[data-group=ADMINISTRATION]")).isEmpty();
  }

  @Test
  void aTeacherGetsNoAdministrationAndEachLinkOnce() {
    Document page = get(person(Role.TEACHER, "Priya Sharma"), "/");
    assertThat(page.select("[data-section=ADMINISTRATION]")).isEmpty();
    assertThat(page.getElementById("home-face-status")).isNotNull();
    List<String> links = menuLinks(page);
    assertThat(links).doesNotHaveDuplicates().doesNotContain("/admin/two-factor");
  }

  @Test
  void anAdministratorSeesHealthApprovalsLocksAndRefusalsAndTheAdministrationGroup() {
    Document page = get(person(Role.ADMIN, "Ada Admin"), "/");
    Element administration = page.selectFirst("[data-section=ADMINISTRATION]");
    assertThat(administration).isNotNull();
    assertThat(page.getElementById("home-health").text()).isEqualTo("Everything is working.");
    assertThat(administration.text()).contains("Accounts awaiting approval", "Locked accounts",
        "Refused sign-ins, last 24 hours");
    assertThat(page.select("[data-group=ADMINISTRATION] a").eachAttr("href"))
        .containsExactly("/admin/accounts", "/admin/sign-ins", "/admin/two-factor", "/admin/biometrics",
            "/admin/liveness", "/admin/face-api", "/admin/diagnosis", "/admin/attendance/staff", "/admin/webhooks");
  }

  @Test
  void aFarmerFindsPlantDiagnosisInTheMenuAndOnTheHomePage() {
    Document page = get(person(Role.MEMBER, "Ramesh Patil"), "/");
    assertThat(menuLinks(page)).contains("/diagnosis", "/diagnosis/history").doesNotContain("/admin/diagnosis");
    assertThat(page.select("#home-diagnose[href='/diagnosis']")).isNotEmpty();
  }

  private Document get(SignedInUser user, String uri) {
    var request = mvc.get().uri(uri);
    if (user != null) {
      request = request.with(authentication(user.authentication()));
    }
    var result = request.exchange();
    assertThat(result).hasStatusOk();
    try {
      return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> menuLinks(Document page) {
    return page.select("#main-menu a[href^=/]").eachAttr("href").stream().filter(href -> !href.startsWith("/?"))
        .toList();
  }

  private SignedInUser person(Role role, String name) {
    return SignedInUser.of(directory.create(new NewAccount("home-" + UUID.randomUUID() + "@example.org", name,
        EnumSet.of(role), null, "a long home password")));
  }
}
