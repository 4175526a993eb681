package dev.singletable.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.catalog.ProductService;
import dev.singletable.follows.FollowService;
import dev.singletable.likes.LikeService;
import dev.singletable.orders.OrderService;
import dev.singletable.reviews.ReviewService;
import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.table.SingleTable;
import dev.singletable.tweets.TweetService;
import dev.singletable.users.UserDirectory;
import dev.singletable.users.UserService;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The seeder on a table that is not empty (the shared full-stack one, without the demo profile). */
@FullStackTest
class DemoSeederFullStackTest {

    @Autowired
    RestTestClient http;

    @Autowired
    SingleTable table;

    @Autowired
    UserService users;

    @Autowired
    UserDirectory directory;

    @Autowired
    AdminAccess admins;

    @Autowired
    FollowService follows;

    @Autowired
    TweetService tweets;

    @Autowired
    LikeService likes;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    @Autowired
    ReviewService reviews;

    @Autowired
    Clock clock;

    @Test
    void aTableWhereADemoUsernameIsTakenIsLeftAlone() {
        Api api = new Api(http);
        api.signUp("carol_diaz", "someone.else@example.com").expectStatus().isCreated();
        DemoSeeder seeder = new DemoSeeder(
                table, users, directory, admins, follows, tweets, likes, products, orders, reviews, clock);

        assertThat(seeder.seed()).isFalse();

        assertThat(new DemoSeedMarker(table).state()).isEmpty();
        api.get("/api/users/" + DemoData.ADMIN).expectStatus().isNotFound();
        api.get("/api/products/MUG-001").expectStatus().isNotFound();
    }
}
