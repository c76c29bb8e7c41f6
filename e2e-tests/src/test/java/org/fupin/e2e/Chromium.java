package org.fupin.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its chromedriver for the browser tests. A fresh CI machine has
 * neither, and nothing but the package registries is reachable, so they come from apt; Selenium
 * is pointed at both explicitly so that Selenium Manager never tries to download a browser.
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Debian's chromium brings no CJK font: without one the Chinese labels of a screenshot are boxes. */
    static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    private static final List<String> PACKAGES = List.of("chromium", "chromium-driver", "fonts-wqy-microhei");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
    /**
     * The tests use no DevTools protocol, so no selenium-devtools module is on the classpath and
     * Selenium warns at every start that none matches the browser; held here, as loggers are weakly kept.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private Chromium() {
    }

    /** Installs the packages unless all are there; fails with apt's output when that is impossible. */
    static synchronized void ensureInstalled(Path log) {
        if (installed()) {
            return;
        }
        // The apt lock may be held by another install for a while: wait for it rather than fail.
        run(log, List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "update", "-qq"));
        List<String> install = new ArrayList<>(List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "-qq"));
        install.addAll(PACKAGES);
        run(log, install);
        if (!installed()) {
            throw new IllegalStateException("apt-get installed " + PACKAGES + " but " + BROWSER + ", " + DRIVER + " or "
                    + CJK_FONT + " is still missing; see " + log);
        }
    }

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER) && Files.exists(CJK_FONT);
    }

    /** A headless browser with a window of the given size (the screenshot's size). */
    static ChromeDriver start(int width, int height) {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        // Both set explicitly: with a driver executable and a browser binary, Selenium resolves nothing itself.
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--lang=en-US",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static void run(Path log, List<String> command) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(INSTALL_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + INSTALL_TIMEOUT + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + " (the browser tests install Chromium as root, as CI runs); see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command) + "; install " + PACKAGES + " by hand", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing " + PACKAGES, e);
        }
    }
}
