package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.regie.persistence.CaseChanges;
import nl.regie.persistence.Database;
import nl.regie.persistence.TestDatabase;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.testing.Await;
import nl.regie.server.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver): a case made
 * through the API and a deadline passed on the virtual clock appear on the page without a reload,
 * and a page opened again shows what happened while it was closed; a page that resumes the case
 * stream from before what the stream pruned gets a reset, reloads the case list and goes on live.
 * A screenshot is kept in {@code target/dashboard.png}.
 */
class DashboardIT {

  static final String VENLO = "0983";
  static final String MAASTRICHT = "0935";
  /** What the page must show within this time after the API has it: the promise. */
  static final Duration LIVE = Duration.ofSeconds(2);

  static TestDatabase database;
  static RegieServer server;
  static WebDriver browser;

  @BeforeAll
  static void start() {
    database = TestDatabase.create(DashboardIT.class);
    server = RegieServer.start(TestServers.config(database.settings(), Map.of()));
    ChromeOptions options = new ChromeOptions()
        .setBinary(new File("/usr/bin/chromium"))
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1440,1000");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.quit();
    if (server != null) server.close();
    database.close();
  }

  static String base() {
    return "http://127.0.0.1:" + server.httpAddress().getPort();
  }

  static RegieClient as(String token) {
    return new RegieClient(server.httpAddress().getPort()).withToken(token);
  }

  @Test
  void aNewCaseAndAMissedDeadlineAppearLiveAndAReopenedPageMissesNothing() throws Exception {
    String token = TestTokens.mint(new Principal("dashboard-user", Set.of(Role.BACKOFFICE, Role.SUPERVISOR), Set.of(VENLO), null));
    browser.get(base() + "/#token=" + token);
    WebDriverWait patient = new WebDriverWait(browser, Duration.ofSeconds(30));
    patient.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
    patient.until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
    assertEquals("0", browser.findElement(By.id("total")).getText());

    // A melding of today: its D3 (six weeks) is open.
    String caseId = CaseWalk.melding(as(TestTokens.of(Role.TOEGANG, VENLO)), VENLO, "2026-11-26");
    new WebDriverWait(browser, LIVE).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#changes li[data-case-id='" + caseId + "']")));
    new WebDriverWait(browser, LIVE).until(ExpectedConditions.textToBe(
        By.cssSelector("#matrix tr[data-gemeente='" + VENLO + "'] td[data-fase='MELDING']"), "1"));
    assertEquals("1", browser.findElement(By.id("total")).getText());

    // Eight weeks later on the virtual clock the D3 is missed; the alert shows without a reload.
    assertEquals(200, as(TestTokens.admin()).post("/admin/v1/clock", "{\"set\":\"2027-01-21T10:00:00+01:00\"}").status());
    Await.until(Duration.ofSeconds(30), () -> as(token).get("/api/v1/alerts?caseId=" + caseId + "&level=MISSED").json(),
        alerts -> alerts.get("items").size() == 1, "the missed D3 in the alert store");
    new WebDriverWait(browser, LIVE).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#alerts li[data-case-id='" + caseId + "'] .badge.MISSED")));
    new WebDriverWait(browser, LIVE).until(ExpectedConditions.textToBe(By.id("missed"), "1"));
    screenshot("dashboard.png");

    // The page opened again loads what happened while it was away: a second case made meanwhile.
    browser.get("about:blank");
    String meanwhile = CaseWalk.melding(as(TestTokens.of(Role.TOEGANG, VENLO)), VENLO, "2027-01-21");
    Await.until(Duration.ofSeconds(30), () -> as(token).get("/api/v1/cases?gemeente=" + VENLO).json().get("items").size(),
        n -> n == 2, "both cases in the case list");
    browser.get(base() + "/");
    patient.until(ExpectedConditions.textToBe(By.id("total"), "2"));
    assertTrue(browser.findElement(By.cssSelector("#alerts li[data-case-id='" + caseId + "']")).isDisplayed());
    assertEquals("2", browser.findElement(By.cssSelector("#matrix tr[data-gemeente='" + VENLO + "'] td[data-fase='MELDING']")).getText(),
        meanwhile + " counted");
  }

  /**
   * The page loses its server (a restart) and cannot reach the case stream (the browser blocks it)
   * while a case is made and the clock moves past the stream's window, which prunes the changes the
   * page missed. Once it reaches the stream again it resumes from its last offset, gets a reset,
   * reloads the case list (which has the case) and follows the stream after the reset's offset.
   */
  @Test
  void aPageThatResumesFromBeforeWhatWasPrunedReloadsTheCaseListAndGoesOnLive() throws Exception {
    String token = TestTokens.mint(new Principal("dashboard-maastricht", Set.of(Role.BACKOFFICE, Role.SUPERVISOR), Set.of(MAASTRICHT), null));
    browser.get("about:blank");
    browser.get(base() + "/#token=" + token);
    WebDriverWait patient = new WebDriverWait(browser, Duration.ofSeconds(30));
    patient.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
    RegieClient toegang = as(TestTokens.of(Role.TOEGANG, MAASTRICHT));
    CaseWalk.melding(toegang, MAASTRICHT);
    patient.until(ExpectedConditions.textToBe(By.id("total"), "1"));

    ChromeDriver chrome = (ChromeDriver) browser;
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/v1/stream/cases*")));
    int port = server.httpAddress().getPort();
    server.close();
    server = RegieServer.start(TestServers.config(database.settings(), Map.of("regie.http.port", port)));
    try (Database direct = Database.connect(database.settings())) {
      CaseChanges changes = new CaseChanges(direct);
      String missed = CaseWalk.melding(toegang, MAASTRICHT);
      Await.until(Duration.ofSeconds(30), () -> as(token).get("/api/v1/cases/" + missed).status(), status -> status == 200,
          "the case the page missed");
      Await.until(Duration.ofSeconds(30), () -> as(token).get("/api/v1/cases?gemeente=" + MAASTRICHT).json().get("items").size(),
          n -> n == 2, "both cases in the case list");
      long head = changes.head();
      assertEquals(200, as(TestTokens.admin()).post("/admin/v1/clock", "{\"advance\":\"P8D\"}").status());
      Await.until(Duration.ofSeconds(30), changes::horizon, horizon -> horizon >= head, "the changes the page missed pruned");
    }
    assertEquals("1", browser.findElement(By.id("total")).getText(), "the page has not seen the second case");

    chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
    patient.until(ExpectedConditions.textToBe(By.id("total"), "2"));
    patient.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
    String next = CaseWalk.melding(toegang, MAASTRICHT);
    new WebDriverWait(browser, LIVE).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#changes li[data-case-id='" + next + "']")));
    new WebDriverWait(browser, LIVE).until(ExpectedConditions.textToBe(By.id("total"), "3"));
    // Away from the page, so that another test's visit loads it anew (a new #token alone would not).
    browser.get("about:blank");
  }

  static void screenshot(String name) throws Exception {
    File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", name);
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }
}
