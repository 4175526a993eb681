package dev.singletable.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The service over real HTTP on a random port, on the bundled engine in memory. Every full-stack test class uses this
 * one annotation and nothing else that shapes the context, so they all share one Spring context (and one table): tests
 * make their own users with unique names instead of cleaning up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "singletable.engine.in-memory=true",
            "singletable.engine.port=-1",
            "singletable.cursor.secret=full-stack-tests-cursor-secret-0123456789",
            "singletable.metrics.scrape.password=" + FullStackTest.SCRAPE_PASSWORD,
            // tests write faster than any user would (250 tweets in a loop); the limit itself: WriteRateLimitSliceTest
            "resilience4j.ratelimiter.instances.writes.limit-for-period=1000000",
            // every test logs in from 127.0.0.1, some with wrong passwords; the per-client limit: LoginThrottleTest
            "singletable.sessions.login.per-client=1000000"
        })
@AutoConfigureRestTestClient
@Import(FullStackTestConfiguration.class)
public @interface FullStackTest {

    /** The Prometheus scraper's password (user {@code prometheus}, HTTP Basic) in full-stack tests. */
    String SCRAPE_PASSWORD = "full-stack-scrape-password";
}
