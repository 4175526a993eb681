package dev.singletable.web;

import dev.singletable.admin.AdminAccess;
import dev.singletable.catalog.ProductService;
import dev.singletable.config.SecurityConfiguration;
import dev.singletable.orders.OrderService;
import dev.singletable.reviews.ReviewService;
import dev.singletable.table.QueryPager;
import dev.singletable.table.TableProperties;
import dev.singletable.explorer.TableExplorer;
import dev.singletable.follows.FollowService;
import dev.singletable.likes.LikeService;
import dev.singletable.sessions.SessionService;
import dev.singletable.timeline.TimelineService;
import dev.singletable.tweets.TweetService;
import dev.singletable.users.UserService;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

/**
 * The web layer alone: every controller, the exception handler, security and paging, over mocked services. One base
 * class, so all controller slices share one context. A request with {@code Authorization: Bearer ann-token} is ann.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, Paging.class, CursorCodec.class, ApiSliceTest.SliceClock.class})
@TestPropertySource(properties = "singletable.cursor.secret=slice-tests-cursor-secret-0123456789abcdef")
public abstract class ApiSliceTest {

    public static final AuthenticatedUser ANN = new AuthenticatedUser("01JANN0000000000000000000A", "ann", "s-ann");
    public static final String ANN_TOKEN = "Bearer ann-token";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected CursorCodec cursors;

    @MockitoBean
    protected SessionService sessions;

    @MockitoBean
    protected UserService users;

    @MockitoBean
    protected FollowService follows;

    @MockitoBean
    protected TweetService tweets;

    @MockitoBean
    protected LikeService likes;

    @MockitoBean
    protected ProductService products;

    @MockitoBean
    protected OrderService orders;

    @MockitoBean
    protected AdminAccess admins;

    @MockitoBean
    protected ReviewService reviews;

    @MockitoBean
    protected QueryPager pager;

    @MockitoBean
    protected TableProperties table;

    @MockitoBean
    protected TimelineService timelines;

    @MockitoBean
    protected TableExplorer explorer;

    @BeforeEach
    void authenticateAnn() {
        when(sessions.authenticate(anyString())).thenReturn(Optional.empty());
        when(sessions.authenticate("ann-token")).thenReturn(Optional.of(ANN));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SliceClock {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
