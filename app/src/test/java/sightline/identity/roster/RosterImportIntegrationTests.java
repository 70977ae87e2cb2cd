package sightline.identity.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignedInUser;

/** Roster import through the admin pages: preview with per-row problems, then all rows or none. */
@SpringBootTest
@AutoConfigureMockMvc
class RosterImportIntegrationTests {

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;

  private final MockHttpSession session = new MockHttpSession();
  private UsernamePasswordAuthenticationToken admin;

  private MvcTestResult upload(String csv) {
    if (admin == null) {
      AccountView account = directory.create(new NewAccount("roster-admin-" + UUID.randomUUID() + "@example.org",
          "Roster Admin", EnumSet.of(Role.ADMIN), null, "a long administrator password"));
      admin = SignedInUser.of(account).authentication();
    }
    var file = new MockMultipartFile("file", "roster.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    return mvc.post().uri("/admin/accounts/import").multipart().file(file).session(session).with(csrf())
        .with(authentication(admin)).exchange();
  }

  private MvcTestResult confirm(MvcTestResult preview) throws java.io.IOException {
    String body = preview.getResponse().getContentAsString(StandardCharsets.UTF_8);
    var matcher = java.util.regex.Pattern.compile("name=\"importId\" value=\"([^\"]+)\"").matcher(body);
    assertThat(matcher.find()).as("the preview offers the import").isTrue();
    return mvc.post().uri("/admin/accounts/import/confirm").param("importId", matcher.group(1)).session(session)
        .with(csrf()).with(authentication(admin)).exchange();
  }

  /** Follows the confirmation to its progress page and polls the htmx fragment until the import ends. */
  private String importEnd(MvcTestResult confirmation) throws Exception {
    String location = confirmation.getResponse().getRedirectedUrl();
    assertThat(location).matches("/admin/accounts/import/[0-9a-f-]{36}");
    assertThat(mvc.get().uri(location).with(authentication(admin))).hasStatusOk().bodyText()
        .contains("id=\"roster-progress\"");
    for (int poll = 0; poll < 600; poll++) {
      String fragment = mvc.get().uri(location + "/progress").with(authentication(admin)).exchange().getResponse()
          .getContentAsString(StandardCharsets.UTF_8);
      if (!fragment.contains("hx-trigger=\"every 1s\"")) {
        return fragment;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the import did not end within a minute");
  }

  private boolean exists(String email) {
    return !directory.search(email, 0, 1).getContent().isEmpty();
  }

  @Test
  void aRosterWithProblemsShowsEachRowsProblemAndImportsNothing() throws Exception {
    String good = "good-" + UUID.randomUUID() + "@example.org";
    var preview = upload("""
        email,name,roles,department
        %s,Asha Rao,STUDENT,Biology
        not-an-email,Ben,STUDENT,
        %s,Twice,TEACHER,
        boss-%s@example.org,Boss,ADMIN,
        x-%s@example.org,,WIZARD,
        principal-%s@example.org,Pat Principal,PRINCIPAL,
        """.formatted(good, good, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
    assertThat(preview).hasStatusOk().bodyText()
        .contains("5 of 6 rows have problems").contains("Not an e-mail address.")
        .contains("This e-mail address is in the file twice.").contains("Administrators cannot be imported")
        .contains("Unknown role: use STUDENT, TEACHER or MEMBER.").contains("A name is needed")
        .doesNotContain("name=\"importId\"");
    // An unknown role is shown as written, not as the Student badge an empty roles column gets.
    var principal = Jsoup.parse(preview.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .select("#roster-rows tr:contains(Pat Principal) td").get(3);
    assertThat(principal.select(".unknown-role").text()).isEqualTo("PRINCIPAL");
    assertThat(principal.text()).isEqualTo("PRINCIPAL");
    assertThat(exists(good)).isFalse();
  }

  @Test
  void aCleanRosterIsImportedWhole() throws Exception {
    String first = "first-" + UUID.randomUUID() + "@example.org";
    String second = "second-" + UUID.randomUUID() + "@example.org";
    var preview = upload("Email,Name,Roles,Department\n" + first + ",\"Rao, Asha\",STUDENT,Biology\n"
        + second + ",Lee,TEACHER;STUDENT,\n");
    assertThat(importEnd(confirm(preview))).contains("id=\"roster-imported\"").contains("2 accounts imported.");
    assertThat(directory.search(first, 0, 1).getContent()).singleElement().satisfies(account -> {
      assertThat(account.displayName()).isEqualTo("Rao, Asha");
      assertThat(account.department()).isEqualTo("Biology");
      assertThat(account.roles()).containsExactly(Role.STUDENT);
    });
    assertThat(directory.search(second, 0, 1).getContent()).singleElement()
        .satisfies(account -> assertThat(account.roles()).containsExactlyInAnyOrder(Role.TEACHER, Role.STUDENT));
  }

  @Test
  void anAddressTakenAfterThePreviewImportsNothing() throws Exception {
    String first = "race-a-" + UUID.randomUUID() + "@example.org";
    String second = "race-b-" + UUID.randomUUID() + "@example.org";
    var preview = upload("email,name\n" + first + ",A\n" + second + ",B\n");
    directory.create(new NewAccount(second, "Quick", EnumSet.of(Role.STUDENT), null, null));
    assertThat(importEnd(confirm(preview))).contains("id=\"roster-failed\"")
        .contains("was taken after the preview");
    assertThat(exists(first)).isFalse();
  }

  @Test
  void aLargeRosterShowsItsProgressOnlyToTheAdministratorWhoStartedIt() throws Exception {
    String batch = UUID.randomUUID().toString();
    var csv = new StringBuilder("email,name,roles\n");
    for (int row = 0; row < 400; row++) {
      csv.append("bulk-").append(row).append('-').append(batch).append("@example.org,Student ").append(row)
          .append(",STUDENT\n");
    }
    var confirmation = confirm(upload(csv.toString()));
    String location = confirmation.getResponse().getRedirectedUrl();
    AccountView other = directory.create(new NewAccount("other-admin-" + UUID.randomUUID() + "@example.org",
        "Other Admin", EnumSet.of(Role.ADMIN), null, "a long administrator password"));
    assertThat(mvc.get().uri(location + "/progress").with(authentication(SignedInUser.of(other).authentication())))
        .hasStatus(404);
    assertThat(importEnd(confirmation)).contains("400 accounts imported.");
    assertThat(exists("bulk-399-" + batch + "@example.org")).isTrue();
    assertThat(mvc.get().uri("/admin/accounts/import/" + UUID.randomUUID()).with(authentication(admin)))
        .hasStatus(404);
  }

  @Test
  void aFileWithoutTheRequiredColumnsIsRefusedAsAWhole() {
    assertThat(upload("mail,fullname\na@b.c,A\n")).hasStatusOk().bodyText()
        .contains("The file has no column named email.");
  }
}
