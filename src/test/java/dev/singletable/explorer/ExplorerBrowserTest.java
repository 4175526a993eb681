package dev.singletable.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import dev.singletable.users.UserDirectory;
import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The table explorer page in a real browser: headless Chromium opens it with an admin's token in the URL fragment,
 * the page's script fetches the table, and the DOM and a screenshot show the items. Skipped without Chromium.
 */
@FullStackTest
class ExplorerBrowserTest {

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    @LocalServerPort
    int port;

    @TempDir
    Path workDir;

    @BeforeEach
    void needsChromium() {
        assumeTrue(
                HeadlessChromium.installed(),
                "headless Chromium is not installed at " + HeadlessChromium.BINARY
                        + " (Debian: apt-get install chromium); the table explorer's browser test is skipped");
    }

    @Test
    void thePageShowsTheTableGroupedByPartitionKey() throws Exception {
        Api api = new Api(http);
        TestUser admin = ExplorerFullStackTest.newAdmin(api, admins, users);
        TestUser author = api.newUser("browsed");
        String tweetId = api.tweet(author, "seen in the explorer");
        String authorId = users.findId(author.username()).orElseThrow();
        String url = "http://localhost:" + port + "/explorer/index.html#token=" + admin.token() + "&all";
        HeadlessChromium chromium = new HeadlessChromium(workDir);

        String dom = chromium.dumpDom(url);
        assertThat(dom)
                .contains("data-state=\"loaded\"")
                .contains("data-pk=\"USER#" + authorId + "\"")
                .contains("USERNAME#" + author.username())
                .contains("TWEET#" + tweetId)
                .contains("<th>GSI1PK</th>", "<th>LSI1SK</th>", "<th>entityType</th>")
                .doesNotContain("passwordHash");

        Path png = chromium.screenshot(url, 1400, 900);
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(20_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1400);
        assertThat(distinctColours(image)).isGreaterThan(50);
        assertThat(nonBackgroundShare(image)).isGreaterThan(0.05);
    }

    @Test
    void withoutAValidSessionThePageAsksForALogIn() throws Exception {
        HeadlessChromium chromium = new HeadlessChromium(workDir);
        String page = "http://localhost:" + port + "/explorer/index.html";

        assertThat(chromium.dumpDom(page))
                .contains("<form id=\"login\">", "data-state=\"idle\"")
                .doesNotContain("<tbody");
        assertThat(chromium.dumpDom(page + "#token=not-a-session"))
                .contains("<form id=\"login\">", "data-state=\"error\"", "Error 401");
    }

    @Test
    void anAdminCanLogInThroughThePagesForm() throws Exception {
        Api api = new Api(http);
        TestUser admin = ExplorerFullStackTest.newAdmin(api, admins, users);
        // a test-only page (src/test/resources) fills in and submits the explorer's form in a frame
        String driver = "http://localhost:" + port + "/explorer/drive-login.html#username=" + admin.username()
                + "&password=" + URLEncoder.encode(admin.password(), StandardCharsets.UTF_8);

        String dom = new HeadlessChromium(workDir).dumpDom(driver);

        // the first page only (the shared table may hold more than one page): it shows partitions, the form is gone
        assertThat(dom)
                .contains(
                        "data-driver=\"done\"",
                        "<form id=\"login\" hidden=\"\">",
                        "<tbody class=\"partition\" data-pk=\"")
                .doesNotContain("data-state=\"error\"");
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /** The share of pixels that differ from the top-left pixel (the page background). */
    private static double nonBackgroundShare(BufferedImage image) {
        int background = image.getRGB(0, 0);
        long differing = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != background) {
                    differing++;
                }
            }
        }
        return (double) differing / ((long) image.getWidth() * image.getHeight());
    }
}
