package sightline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import sightline.courses.CourseView;
import sightline.courses.catalogue.CourseSettings;
import sightline.courses.catalogue.CoursesService;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.record.AttendanceRecords;
import sightline.courses.catalogue.EnrolmentSource;
import sightline.courses.catalogue.SessionPlan;
import sightline.diagnosis.Diagnoses;
import sightline.diagnosis.LeafPictures;
import sightline.courses.catalogue.CourseSettings;
import sightline.courses.catalogue.CoursesService;
import sightline.courses.catalogue.EnrolmentSource;
import sightline.courses.catalogue.SessionPlan;
import sightline.engagement.EngagementState;
import sightline.engagement.timeline.BucketTimes;
import sightline.engagement.timeline.StateTimes;
import sightline.engagement.timeline.TimelineStore;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.vision.model.ModelStore;

/**
 * Every page the application maps, opened in Chromium by each kind of person (administrator, teacher, student and
 * someone not signed in) at a phone's width (390 px) and a desktop's (1280 px). A page fails when the document is
 * wider than the window, when it has no title, when a link, stylesheet, script or picture on it answers 404, when a
 * text input has no {@code maxlength}, when it breaks the Content Security Policy, when a table is empty without a row that says so, or when axe-core finds a serious or critical accessibility violation. The list of pages comes from the running
 * application's handler mappings, so a new page is checked the moment it exists; a page whose address has a
 * variable is reached through a link to it found on the pages before it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // same context as SignInBrowserTests
class AllPagesBrowserTests {

  private static final int PHONE = 390;
  private static final int DESKTOP = 1280;
  private static final String PASSWORD = "a very long all-pages password";

  /** Mapped GET addresses that are not pages a person opens: pictures, downloads, a polled fragment, a worker. */
  private static final Set<String> NOT_PAGES = Set.of("/accounts/{id}/photo", "/admin/biometrics/decisions/{id}/frame",
      "/admin/sign-ins.csv", "/admin/accounts/import/{job}/progress", "/diagnosis/sw.js",
      "/diagnosis/results/{id}/picture", "/diagnosis/results/{id}/thumbnail", "/admin/diagnosis/feedback.zip",
      "/attendance/courses/{courseId}/report.{format}", "/attendance/sessions/{sessionId}/report.{format}",
      "/attendance/sessions/{sessionId}/signals", "/attendance/sessions/{sessionId}/roster",
      "/attendance/sessions/{sessionId}/attempts", "/attendance/sessions/{sessionId}/qr",
      "/engagement/sessions/{sessionId}/report.csv", "/engagement/sessions/{sessionId}/report.pdf");

  /** Prefixes of mapped addresses that are not pages: the API, its description, and the error dispatch. */
  private static final List<String> NOT_PAGE_PREFIXES = List.of("/api/", "/v3/api-docs", "/swagger-ui", "/error",
      "/actuator", "/fonts/");

  /** Addresses with a variable to open rather than the first link to them: the long-named student's pages. */
  private final Map<String, String> samples = new LinkedHashMap<>(Map.of("/problems/{slug}",
      "/problems/frame-too-large"));

  @LocalServerPort
  int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired
  AccountDirectory directory;

  @Autowired
  Diagnoses diagnoses;

  @Autowired
  CoursesService courses;

  @Autowired
  AttendanceRecords records;

  @Autowired
  TimelineStore timelines;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** A kind of person and how they sign in; no role is someone not signed in. */
  private record Person(String label, @Nullable Role role, @Nullable String email, @Nullable String name) {}

  @Test
  void everyPageFitsPhonesAndDesktopsHasATitleNoDeadLinksAndNoSeriousAccessibilityViolations() throws Exception {
    List<String> pages = pagePatterns();
    assertThat(pages).as("the page list comes from the running application").contains("/", "/sign-in",
        "/admin/accounts/{id}");
    List<Person> people = new ArrayList<>();
    Map<Role, AccountView> accounts = new java.util.EnumMap<>(Role.class);
    for (Role role : List.of(Role.ADMIN, Role.TEACHER, Role.STUDENT)) {
      String email = "pages-" + role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
      // The student's name is one unbroken word of the longest length a name may have: it must wrap, everywhere.
      String name = role == Role.STUDENT ? "Pagesstudent" + "x".repeat(108)
          : "Pages " + role.name().charAt(0) + role.name().substring(1).toLowerCase();
      var account = directory.create(new NewAccount(email, name, EnumSet.of(role), null, PASSWORD));
      accounts.put(role, account);
      people.add(new Person(role.name().toLowerCase(), role, email, name));
      // One leaf check each, so that their history links to a result page.
      diagnoses.diagnose(account.id(), LeafPictures.spottedLeaf(256, 256));
      if (role == Role.STUDENT) {
        samples.put("/admin/accounts/{id}", "/admin/accounts/" + account.id().value());
        samples.put("/admin/accounts/{id}/face", "/admin/accounts/" + account.id().value() + "/face");
      }
    }
    people.add(new Person("anonymous", null, null, null));
    courseFor(accounts.get(Role.TEACHER), accounts.get(Role.STUDENT));
    addAttendanceSamples(accounts.get(Role.TEACHER), accounts.get(Role.STUDENT));
    attendanceReports(people);
    engagementSamples(accounts.get(Role.TEACHER), accounts.get(Role.STUDENT));

    List<String> failures = new ArrayList<>();
    List<String> report = new ArrayList<>();
    String axe = Files.readString(ModelStore.atDefaultLocation().verifiedPath("axe_core"));
    long started = System.nanoTime();
    try (var browser = Browser.withoutCamera()) {
      // axe-core joins every document before the page's own scripts; DevTools scripts are not subject to the CSP.
      browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", axe));
      browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
          Map.of("source", ApiDescriptionBrowserTests.CSP_LISTENER));
      browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      // Without transitions, so that axe never reads a colour halfway through one after the window changes size.
      browser.driver.executeCdpCommand("Emulation.setEmulatedMedia",
          Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
      for (Person person : people) {
        new Visit(browser, person, failures, report).run(pages);
      }
    }
    report.add("took " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
    Path reportFile = Path.of("target", "browser", "all-pages.txt");
    Files.createDirectories(reportFile.getParent());
    Files.write(reportFile, report);
    assertThat(failures).as("pages that fail (report in %s)", reportFile).isEmpty();
  }

  /**
   * A course the teacher teaches and the student attends, listed first (its code sorts before letters), so that its
   * page is the one the walk opens. Its sessions are in a second course whose page the walk does not open: a session
   * row links to the attendance and engagement pages of the session, which other modules serve. The session's
   * delete confirmation is opened through a sample.
   */
  private void courseFor(AccountView teacher, AccountView student) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    CourseView course = courses.create(new CourseSettings("0-PAGES-" + suffix, "All pages course", "A", 10, 75),
        teacher.id());
    courses.enrol(course.id(), student.id(), EnrolmentSource.TEACHER, teacher.id());
    CourseView other = courses.create(CourseSettings.of("ZZ-PAGES-" + suffix, "All pages sessions", ""),
        teacher.id());
    var start = java.time.Instant.parse("2030-01-07T08:00:00Z");
    var session = courses.schedule(other.id(), new SessionPlan("Lecture", "B 204", start,
        start.plus(Duration.ofHours(1)), null), null, java.time.ZoneOffset.UTC, teacher.id()).getFirst();
    samples.put("/courses/{courseId}/sessions/{sessionId}/delete",
        "/courses/" + other.id() + "/sessions/" + session.id() + "/delete");
  }

  /**
   * A course of the teacher's with a past session in which the long-named student was marked, so that the course and
   * session reports (their table, charts and exports) have a row to show.
   */
  private void attendanceReports(List<Person> people) {
    var teacher = directory.findByEmail(people.stream().filter(p -> p.role() == Role.TEACHER).findFirst()
        .orElseThrow().email()).orElseThrow();
    var student = directory.findByEmail(people.stream().filter(p -> p.role() == Role.STUDENT).findFirst()
        .orElseThrow().email()).orElseThrow();
    var course = courses.create(CourseSettings.of("AP-" + UUID.randomUUID().toString().substring(0, 8), "All pages",
        ""), teacher.id());
    courses.enrol(course.id(), student.id(), EnrolmentSource.TEACHER, teacher.id());
    Instant start = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
    var session = courses.schedule(course.id(), new SessionPlan("Week 1", "", start, start.plus(Duration.ofHours(1)),
        null), null, ZoneOffset.UTC, teacher.id()).getFirst();
    records.mark(session, student.id(), AttendanceStatus.LATE, "all pages", teacher.id());
    samples.put("/attendance/courses/{courseId}/report", "/attendance/courses/" + course.id() + "/report");
    samples.put("/attendance/sessions/{sessionId}/report", "/attendance/sessions/" + session.id() + "/report");
  }

  /** A session of the teacher's course, open now, with the student enrolled: its roster and check-in pages. */
  private void addAttendanceSamples(AccountView teacher, AccountView student) {
    var fixtures = new sightline.attendance.AttendanceFixtures(directory, courses);
    var course = fixtures.course(teacher);
    fixtures.enrol(course, student, teacher);
    var session = fixtures.openSession(course, teacher, sightline.attendance.AttendanceFixtures.CLASSROOM);
    samples.put("/attendance/sessions/{sessionId}", "/attendance/sessions/" + session.id());
    samples.put("/attendance/sessions/{sessionId}/check-in", "/attendance/sessions/" + session.id() + "/check-in");
    samples.put("/attendance/sessions/{sessionId}/kiosk", "/attendance/sessions/" + session.id() + "/kiosk");
  }

  /**
   * An online session of the teacher's course, open now, with the student enrolled and a minute of their timeline,
   * so that the engagement pages have something to show.
   */
  private void engagementSamples(AccountView teacher, AccountView student) {
    var course = courses.create(new CourseSettings("PAGES-" + UUID.randomUUID().toString().substring(0, 6),
        "All pages", "", 10, 0), teacher.id());
    courses.enrol(course.id(), student.id(), EnrolmentSource.TEACHER, teacher.id());
    java.time.Instant now = java.time.Instant.now();
    var session = courses.schedule(course.id(), new SessionPlan("Online", "", now.minusSeconds(600),
        now.plusSeconds(7200), null), null, java.time.ZoneOffset.UTC, teacher.id()).getFirst();
    List<TimelineStore.Addition> minute = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long[] millis = new long[EngagementState.values().length];
      millis[EngagementState.ATTENTIVE.ordinal()] = 7000;
      millis[(i % 2 == 0 ? EngagementState.LOOKING_AWAY : EngagementState.ABSENT).ordinal()] = 3000;
      minute.add(new TimelineStore.Addition(session.id(), student.id(), new BucketTimes(
          now.minusSeconds(300 - 10L * i).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
          new StateTimes(millis, 1, 0))));
    }
    timelines.add(minute);
    String id = session.id().value().toString();
    samples.put("/engagement/sessions/{sessionId}", "/engagement/sessions/" + id);
    samples.put("/engagement/sessions/{sessionId}/join", "/engagement/sessions/" + id + "/join");
    samples.put("/engagement/sessions/{sessionId}/report", "/engagement/sessions/" + id + "/report");
    samples.put("/engagement/sessions/{sessionId}/me", "/engagement/sessions/" + id + "/me");
  }

  /** One person's walk through every page. */
  private final class Visit {
    private final Browser browser;
    private final Person person;
    private final List<String> failures;
    private final List<String> report;
    /** Same-origin addresses seen on this person's pages, each with the first page it was seen on. */
    private final Map<String, String> links = new LinkedHashMap<>();
    private final Set<String> checked = new LinkedHashSet<>();
    private final String base = "http://localhost:" + port;

    Visit(Browser browser, Person person, List<String> failures, List<String> report) {
      this.browser = browser;
      this.person = person;
      this.failures = failures;
      this.report = report;
    }

    void run(List<String> pages) throws IOException, InterruptedException {
      browser.driver.manage().deleteAllCookies();
      setWidth(DESKTOP);
      if (person.email() != null) {
        try {
          browser.signIn(base, person.email(), PASSWORD, person.name());
        } catch (RuntimeException e) {
          browser.screenshot("sign-in-failed-" + person.label());
          throw new AssertionError(person.label() + " could not sign in, at " + browser.driver.getCurrentUrl() + ": "
              + browser.driver.findElement(By.tagName("main")).getText(), e);
        }
      }
      if (person.role() == Role.ADMIN) {
        links.put(importRoster(), "a roster import");
        links.put(createFaceApiApplication(), "a new face API application");
        links.put(createWebhook(), "a new webhook");
      }
      for (String pattern : pages) {
        if (pattern.contains("{")) {
          continue;
        }
        check(pattern, pattern);
      }
      for (String pattern : pages) {
        if (!pattern.contains("{")) {
          continue;
        }
        String uri = samples.getOrDefault(pattern, linkTo(pattern));
        if (uri == null && person.role() == Role.ADMIN) {
          failures.add(person.label() + ": no page links to " + pattern + "; link it or add a sample");
          continue;
        }
        // Others see the refusal (403, 404 or sign-in) that the address gives them.
        check(pattern, uri != null ? uri : pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()));
      }
      checkLinks();
    }

    private void check(String pattern, String uri) {
      var driver = browser.driver;
      setWidth(PHONE);
      driver.get(base + uri);
      String contentType = String.valueOf(driver.executeScript("return document.contentType"));
      String landed = driver.getCurrentUrl();
      if (!contentType.equals("text/html") || !checked.add(landed)) {
        return;
      }
      String where = person.label() + " " + pattern + (landed.equals(base + uri) ? "" : " (at " + landed + ")");
      report.add(where);
      // Both widths on one load, the desktop last: axe then also sees the menu that the phone's width folds away.
      for (int w : new int[] { PHONE, DESKTOP }) {
        setWidth(w);
        checkLayout(where + " at " + w + " px");
        if (uri.equals("/")) {
          try {
            browser.screenshot("home-" + person.label() + "-" + w);
          } catch (IOException e) {
            failures.add(where + ": screenshot failed: " + e.getMessage());
          }
        }
      }
      if (driver.getTitle() == null || driver.getTitle().isBlank()) {
        failures.add(where + ": no title");
      }
      @SuppressWarnings("unchecked")
      var unlimited = (List<String>) driver.executeScript("""
          return Array.from(document.querySelectorAll('input, textarea'))
            .filter(e => e.tagName === 'TEXTAREA' || ['text', 'email', 'password', 'search', 'tel', 'url']
              .includes(e.type)).filter(e => !e.hasAttribute('maxlength')).map(e => e.name || e.id);""");
      unlimited.forEach(name -> failures.add(where + ": input " + name + " has no maxlength"));
      @SuppressWarnings("unchecked")
      var empty = (List<String>) driver.executeScript("""
          return Array.from(document.querySelectorAll('table > tbody')).filter(b => b.rows.length === 0)
            .map(b => b.closest('table').id || 'a table');""");
      empty.forEach(table -> failures.add(where + ": " + table + " is empty without saying so (none yet)"));
      @SuppressWarnings("unchecked")
      var blocked = (List<String>) driver.executeScript("return window.__cspViolations || []");
      blocked.forEach(violation -> failures.add(where + ": breaks the Content Security Policy: " + violation));
      for (Object violation : axeViolations()) {
        failures.add(where + " at " + DESKTOP + " px: " + violation);
      }
      @SuppressWarnings("unchecked")
      // Links to the page itself (its language switch) are left out: they answer what the page answered.
      var found = (List<String>) driver.executeScript("""
          return Array.from(document.querySelectorAll('a[href], link[href], script[src], img[src]'))
            .map(e => (e.href || e.src).split('#')[0]).filter(u => u.startsWith(location.origin))
            .filter(u => new URL(u).pathname !== location.pathname);""");
      found.forEach(link -> links.putIfAbsent(link.substring(base.length()), where));
    }

    private void checkLayout(String where) {
      @SuppressWarnings("unchecked")
      var overflow = (List<Object>) browser.driver.executeScript("""
          const root = document.documentElement, limit = root.clientWidth;
          if (root.scrollWidth <= limit) return [];
          const wide = Array.from(document.body.querySelectorAll('*'))
            .filter(e => e.getBoundingClientRect().right > limit + 1 && e.children.length === 0)
            .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
              + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
              + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
          return [root.scrollWidth + ' px wide: ' + wide.join(', ')];""");
      overflow.forEach(o -> failures.add(where + ": document " + o));
    }

    private List<Object> axeViolations() {
      @SuppressWarnings("unchecked")
      var violations = (List<Object>) browser.driver.executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          if (!window.axe) { done(['axe-core is missing on the page']); return; }
          axe.run(document, { resultTypes: ['violations'] }).then(result => done(result.violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')
                + ' (' + (v.nodes[0].any.concat(v.nodes[0].all)[0] || {}).message + ')')),
            error => done(['axe-core failed: ' + error]));""");
      return violations;
    }

    private void setWidth(int w) {
      browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", w, "height",
          w == PHONE ? 844 : 900, "deviceScaleFactor", 1, "mobile", w == PHONE));
    }

    private @Nullable String linkTo(String pattern) {
      Pattern regex = Pattern.compile(pattern.replaceAll("\\{[^}]+}", "[^/?]+") + "(\\?.*)?");
      return links.keySet().stream().filter(link -> regex.matcher(link).matches()).findFirst().orElse(null);
    }

    /** Imports a one-person roster through the pages, so that the import's result page can be checked. */
    private String importRoster() throws IOException {
      var driver = browser.driver;
      Path csv = Files.createTempFile("roster", ".csv");
      Files.writeString(csv, "email,name,roles,department\npages-imported-" + UUID.randomUUID()
          + "@example.org,Imported Student,STUDENT,Science\n");
      try {
        driver.get(base + "/admin/accounts/import");
        driver.findElement(By.cssSelector("#roster-upload input[type=file]")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("#roster-upload button")).click();
        browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("roster-confirm")))
            .click();
        browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/admin/accounts/import/[0-9a-f-]{36}$"));
        return driver.getCurrentUrl().substring(base.length());
      } finally {
        Files.delete(csv);
      }
    }

    private String createFaceApiApplication() {
      var driver = browser.driver;
      driver.get(base + "/admin/face-api");
      driver.findElement(By.cssSelector("#create-application #name")).sendKeys("All pages " + UUID.randomUUID());
      driver.findElement(By.cssSelector("#create-application button")).click();
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/admin/face-api/[0-9a-f-]{36}$"));
      return driver.getCurrentUrl().substring(base.length());
    }

    private String createWebhook() {
      var driver = browser.driver;
      driver.get(base + "/admin/webhooks");
      driver.findElement(By.cssSelector("#create-webhook #name")).sendKeys("All pages " + UUID.randomUUID());
      var url = driver.findElement(By.cssSelector("#create-webhook #url"));
      url.clear();
      // The discard port: nothing answers, so its deliveries wait in the outbox and never leave this machine.
      url.sendKeys("http://127.0.0.1:9/all-pages");
      driver.findElement(By.cssSelector("#create-webhook button")).click();
      browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/admin/webhooks/[0-9a-f-]{36}$"));
      assertThat(driver.findElement(By.id("new-secret")).getText()).startsWith("whsec_");
      return driver.getCurrentUrl().substring(base.length());
    }

    /** Every same-origin address seen on this person's pages, asked for with their session: none may be a 404. */
    private void checkLinks() throws IOException, InterruptedException {
      String cookies = browser.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
          .collect(Collectors.joining("; "));
      for (var link : links.entrySet()) {
        var request = HttpRequest.newBuilder(URI.create(base + link.getKey())).GET();
        if (!cookies.isEmpty()) {
          request.header("Cookie", cookies);
        }
        int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 404) {
          failures.add(link.getValue() + ": links to " + link.getKey() + ", which answers 404");
        }
      }
      report.add(person.label() + ": " + links.size() + " links checked");
    }
  }

  private List<String> pagePatterns() {
    Set<String> pages = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
        return;
      }
      for (String pattern : info.getPatternValues()) {
        if (NOT_PAGES.contains(pattern) || NOT_PAGE_PREFIXES.stream().anyMatch(pattern::startsWith)) {
          continue;
        }
        pages.add(pattern);
      }
    });
    return List.copyOf(pages);
  }
}
