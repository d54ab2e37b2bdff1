package vn.chotdon.livestream;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import vn.chotdon.testing.LocalInfrastructure;

/**
 * A real headless Chromium: Debian's {@code chromium} driven through its {@code chromium-driver},
 * both at fixed paths, so nothing is ever downloaded (no Selenium Manager). Without them the test
 * fails, naming the packages. It also keeps what the page received over the network (Chrome's
 * performance log: every JSON response of the board and every Server-Sent Event).
 */
final class Chromium implements AutoCloseable {

    private static final String BINARY = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The few DevTools commands used here go through chromedriver ({@code executeCdpCommand}), which
     * needs no version-specific selenium-devtools artifact: Selenium's warning that it has none for
     * this browser is noise (held here, since the logging keeps loggers only weakly).
     */
    private static final List<Logger> QUIETED = List.of(quiet("org.openqa.selenium.devtools.CdpVersionFinder"),
            quiet("org.openqa.selenium.chromium.ChromiumDriver"));

    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> received = new ArrayList<>();
    private final Map<String, String> urls = new HashMap<>();
    private final Set<String> streams = new HashSet<>();

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Chromium start() throws IOException {
        if (!Files.isExecutable(Path.of(BINARY)) || !Files.isExecutable(Path.of(DRIVER))) {
            // As with the database and the broker, the project's own script sets up what its tests need.
            LocalInfrastructure.chotdon("browser");
        }
        if (!Files.isExecutable(Path.of(BINARY)) || !Files.isExecutable(Path.of(DRIVER))) {
            fail("The overlay's browser tests need Debian's chromium and its driver at " + BINARY + " and " + DRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        System.setProperty("webdriver.chrome.driver", DRIVER);
        Path profile = Files.createTempDirectory("chotdon-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--force-prefers-reduced-motion", "--lang=vi-VN",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens the page in a viewport of exactly this size, as a browser source of OBS would. */
    void open(String url, int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
        driver.get(url);
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Cuts the page off the network (Chrome's offline emulation), or gives it back. */
    void offline(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /**
     * Everything the page received so far from URLs containing {@code path}: the data of every
     * Server-Sent Event and the body of every other response. Chrome's log is drained on each
     * read, so what was read before is kept here.
     */
    List<String> received(String path) throws IOException {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            JsonNode params = message.path("params");
            String requestId = params.path("requestId").asText();
            switch (message.path("method").asText()) {
                case "Network.responseReceived" -> {
                    urls.put(requestId, params.path("response").path("url").asText());
                    if (params.path("response").path("mimeType").asText().equals("text/event-stream")) {
                        streams.add(requestId);
                    }
                }
                case "Network.eventSourceMessageReceived" -> {
                    if (urls.getOrDefault(requestId, "").contains(path)) {
                        received.add(params.path("data").asText());
                    }
                }
                case "Network.loadingFinished" -> {
                    if (urls.getOrDefault(requestId, "").contains(path) && !streams.contains(requestId)) {
                        Object body = driver.executeCdpCommand("Network.getResponseBody", Map.of("requestId", requestId))
                                .get("body");
                        received.add(String.valueOf(body));
                    }
                }
                default -> {
                }
            }
        }
        return List.copyOf(received);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
