package fr.moncompte.portal.web.it;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (no driver download), as a person uses the portal:
 * typing into labelled fields and pressing buttons.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("portal.it.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

    final WebDriver driver;
    private final URL base;
    private final String acceptLanguage;

    Browser(URL base, String acceptLanguage) throws Exception {
        this(loopback(base), acceptLanguage, true);
    }

    private Browser(URL base, String acceptLanguage, boolean taken) throws Exception {
        this.base = base;
        this.acceptLanguage = acceptLanguage;
        this.driver = Pool.take(acceptLanguage);
    }

    /**
     * A browser that opens the portal as {@code http://localhost:PORT}: WebAuthn refuses an IP address as the relying
     * party, and {@code localhost} is the one plain-HTTP origin browsers treat as secure (passkeys are tested here).
     */
    static Browser onLocalhost(URL base, String acceptLanguage) throws Exception {
        return new Browser(new URL(base.getProtocol(), "localhost", base.getPort(), base.getPath()), acceptLanguage,
                true);
    }

    /**
     * Chromium instances kept for the whole test JVM, one per language in use at a time (a browser's language is
     * fixed when it starts): starting one costs seconds, and the suite opens a browser in most of its tests. A
     * browser given back forgets everything of the test that used it (cookies, so the session; local storage, such
     * as the idle timer's last request; the console), as a new one would.
     */
    static final class Pool {

        private static final Map<String, Deque<WebDriver>> IDLE = new HashMap<>();
        private static final List<WebDriver> ALL = new ArrayList<>();

        private Pool() {
        }

        static synchronized WebDriver take(String acceptLanguage) throws java.io.IOException {
            WebDriver idle = IDLE.computeIfAbsent(acceptLanguage, language -> new ArrayDeque<>()).poll();
            if (idle != null) {
                return idle;
            }
            WebDriver started = start(acceptLanguage);
            ALL.add(started);
            return started;
        }

        static synchronized void giveBack(String acceptLanguage, WebDriver driver) {
            IDLE.get(acceptLanguage).push(driver);
        }

        static synchronized void forget(WebDriver driver) {
            ALL.remove(driver);
            try {
                driver.quit();
            } catch (RuntimeException alreadyGone) {
                // Nothing left to quit.
            }
        }

        /** At the end of the test JVM (TestInfrastructure). */
        static synchronized void quitAll() {
            ALL.forEach(WebDriver::quit);
            ALL.clear();
            IDLE.clear();
        }

        private static WebDriver start(String acceptLanguage) throws java.io.IOException {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,900",
                    "--user-data-dir=" + Files.createTempDirectory("portal-chromium"));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
            // The console, so that tests can see scripts the Content-Security-Policy blocked.
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            return driver;
        }
    }

    /** Arquillian may report the machine's external address; the tests talk to the loopback address only. */
    static URL loopback(URL url) throws java.net.MalformedURLException {
        return new URL(url.getProtocol(), "127.0.0.1", url.getPort(), url.getPath());
    }

    Browser open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
        return this;
    }

    /** Opens a link read from a mail (made with the configured public address) on this deployment. */
    Browser openLink(String link) throws java.net.MalformedURLException {
        URL url = new URL(link);
        return open(url.getPath() + (url.getQuery() == null ? "" : "?" + url.getQuery()));
    }

    /** Signs in; the demo operator's second step is answered with a code of one of their apps. */
    Browser signIn(String email, String password) {
        submitSignIn(email, password);
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login.xhtml")), "sign-in");
        if (OperatorCodes.isOperator(email) && driver.getCurrentUrl().contains("/login-code.xhtml")) {
            try {
                type("code:value", OperatorCodes.next(base.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("No code for the operator", e);
            }
            driver.findElement(By.id("code:submit")).click();
            waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login-code.xhtml")), "second step");
        }
        return this;
    }

    void signInExpectingFailure(String email, String password) {
        submitSignIn(email, password);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages .ui-messages-error")), "error");
    }

    private void submitSignIn(String email, String password) {
        open("/login.xhtml");
        type("signIn:email", email);
        type("signIn:password", password);
        driver.findElement(By.id("signIn:submit")).click();
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Fills a date field as a picked date would: yyyy-MM-dd, whatever the page's language shows. */
    void setDate(String id, String isoDay) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById(arguments[0]).value = arguments[1];", id, isoDay);
    }

    /** The visible text of an element, or "" when it is absent. */
    String text(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText().strip();
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    String htmlLang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    String sessionCookie() {
        return driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition, String what) {
        // An Ajax answer may replace an element between finding and reading it: that is "not yet", not a failure.
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage("waiting for " + what)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            // What the page said when the wait gave up, so that a failure in CI can be read without rerunning it.
            screenshot("timeout-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            String page = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError("waiting for " + what + " at " + driver.getCurrentUrl() + "; the page said:\n"
                    + page.substring(0, Math.min(page.length(), 3000)), e);
        }
    }

    /** Keeps a picture of the page in target/screenshots, for whoever reviews a run or a failure. */
    void screenshot(String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(folder.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the console said about the Content-Security-Policy since the last call (blocked scripts, eval). */
    List<String> cspViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("unsafe-eval"))
                .toList();
    }

    /** Drops the session cookie, as a browser that was closed. */
    void forgetSession() {
        driver.manage().deleteAllCookies();
    }

    /** Gives the browser back to the pool, having forgotten this test: the next test starts signed out. */
    @Override
    public void close() {
        try {
            driver.get("about:blank");
            ChromeDriver chromium = (ChromeDriver) driver;
            chromium.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            chromium.executeCdpCommand("Storage.clearDataForOrigin", Map.of(
                    "origin", base.getProtocol() + "://" + base.getHost() + ":" + base.getPort(), "storageTypes", "all"));
            driver.manage().logs().get(LogType.BROWSER);
            Pool.giveBack(acceptLanguage, driver);
        } catch (RuntimeException unusable) {
            // A browser left in a state it cannot be cleaned from (a dialog open, a crash) is not reused.
            Pool.forget(driver);
        }
    }
}
