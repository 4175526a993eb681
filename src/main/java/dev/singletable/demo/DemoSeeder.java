package dev.singletable.demo;

import dev.singletable.admin.AdminAccess;
import dev.singletable.catalog.CreateProductRequest;
import dev.singletable.catalog.ProductService;
import dev.singletable.follows.FollowService;
import dev.singletable.likes.LikeService;
import dev.singletable.orders.OrderLineRequest;
import dev.singletable.orders.OrderService;
import dev.singletable.orders.PlaceOrderRequest;
import dev.singletable.reviews.ReviewRequest;
import dev.singletable.reviews.ReviewService;
import dev.singletable.table.SingleTable;
import dev.singletable.tweets.TweetService;
import dev.singletable.users.SignUpRequest;
import dev.singletable.users.UserDirectory;
import dev.singletable.users.UserService;
import dev.singletable.web.AuthenticatedUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile's seeder: on the first start against a table it writes {@link DemoData} through the
 * service classes, exactly as API calls would, so every invariant (uniqueness markers, stock, idempotency records) and
 * every stream projection (counters, history) applies. A marker item ({@link DemoSeedMarker}) makes it run once per
 * table: later starts, and other instances, find the marker and write nothing.
 */
@Component
@Profile("demo")
class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    /** The services check who calls; the seeder acts as each demo user without a session of theirs. */
    private static final String NO_SESSION = "demo-seeder";

    private final DemoSeedMarker marker;
    private final UserService users;
    private final UserDirectory directory;
    private final AdminAccess admins;
    private final FollowService follows;
    private final TweetService tweets;
    private final LikeService likes;
    private final ProductService products;
    private final OrderService orders;
    private final ReviewService reviews;
    private final Clock clock;

    DemoSeeder(
            SingleTable table,
            UserService users,
            UserDirectory directory,
            AdminAccess admins,
            FollowService follows,
            TweetService tweets,
            LikeService likes,
            ProductService products,
            OrderService orders,
            ReviewService reviews,
            Clock clock) {
        this.marker = new DemoSeedMarker(table);
        this.users = users;
        this.directory = directory;
        this.admins = admins;
        this.follows = follows;
        this.tweets = tweets;
        this.likes = likes;
        this.products = products;
        this.orders = orders;
        this.reviews = reviews;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seedOnStart() {
        seed();
    }

    /** Seeds the demo data unless this table has it already; true when this call wrote it. */
    public boolean seed() {
        Optional<String> state = marker.state();
        if (state.isPresent()) {
            if (state.get().equals(DemoSeedMarker.DONE)) {
                log.info("Demo data is already in the table; nothing seeded. {}", credentials());
            } else {
                log.warn(
                        "A previous demo seeding was interrupted (marker {} is {}); nothing seeded. Start on an "
                                + "empty table (e.g. delete ./data) to seed again.",
                        DemoSeedMarker.KEY,
                        state.get());
            }
            return false;
        }
        List<String> taken = DemoData.PEOPLE.stream()
                .map(DemoData.Person::username)
                .filter(name -> directory.findId(name).isPresent())
                .toList();
        if (!taken.isEmpty()) {
            log.warn(
                    "The demo usernames {} are taken in this table already; nothing seeded. The demo profile seeds "
                            + "an empty table (its default data directory is ./data-demo).",
                    taken);
            return false;
        }
        if (!marker.claim(clock.instant())) {
            log.info("Another instance is seeding the demo data; nothing seeded here.");
            return false;
        }
        try {
            Map<String, AuthenticatedUser> people = seedPeople();
            seedFollows(people);
            List<String> tweetIds = seedTweets(people);
            seedLikes(people, tweetIds);
            seedProducts(person(people, DemoData.ADMIN));
            seedReviews(people);
            seedOrders(people);
        } catch (RuntimeException failed) {
            // The service itself is fine; only the demo data is incomplete, and the marker (still SEEDING) says so.
            log.error("Seeding the demo data failed; the table holds part of it", failed);
            return false;
        }
        marker.complete(clock.instant());
        log.info(
                "Seeded the demo data: {} users, {} follows, {} tweets, {} likes, {} products, {} orders. {}",
                DemoData.PEOPLE.size(),
                DemoData.FOLLOWS.size(),
                DemoData.TWEETS.size(),
                DemoData.LIKES.size(),
                DemoData.PRODUCTS.size(),
                DemoData.ORDERS.size(),
                credentials());
        return true;
    }

    private static String credentials() {
        List<String> names =
                DemoData.PEOPLE.stream().map(DemoData.Person::username).toList();
        return "Demo logins: " + String.join(", ", names) + " (admin: " + DemoData.ADMIN + "), all with password '"
                + DemoData.PASSWORD + "'. Table explorer: /explorer/index.html";
    }

    private Map<String, AuthenticatedUser> seedPeople() {
        Map<String, AuthenticatedUser> people = new LinkedHashMap<>();
        for (DemoData.Person person : DemoData.PEOPLE) {
            users.signUp(new SignUpRequest(person.username(), person.email(), person.displayName(), DemoData.PASSWORD));
            String userId = directory
                    .findId(person.username())
                    .orElseThrow(() -> new IllegalStateException(person.username() + " vanished after sign-up"));
            people.put(person.username(), new AuthenticatedUser(userId, person.username(), NO_SESSION));
        }
        admins.grant(person(people, DemoData.ADMIN).userId(), clock.instant());
        return people;
    }

    /** A demo user seeded by {@link #seedPeople}: every name in {@link DemoData} is one of them. */
    private static AuthenticatedUser person(Map<String, AuthenticatedUser> people, String username) {
        return Objects.requireNonNull(people.get(username), username);
    }

    private void seedFollows(Map<String, AuthenticatedUser> people) {
        for (DemoData.Follow follow : DemoData.FOLLOWS) {
            follows.follow(person(people, follow.follower()), follow.follower(), follow.followee());
        }
    }

    private List<String> seedTweets(Map<String, AuthenticatedUser> people) {
        List<String> ids = new ArrayList<>();
        for (DemoData.Tweet tweet : DemoData.TWEETS) {
            ids.add(tweets.post(person(people, tweet.author()), tweet.text()).getTweetId());
        }
        return ids;
    }

    private void seedLikes(Map<String, AuthenticatedUser> people, List<String> tweetIds) {
        for (DemoData.Like like : DemoData.LIKES) {
            likes.like(person(people, like.likedBy()), tweetIds.get(like.tweetIndex()));
        }
    }

    private void seedProducts(AuthenticatedUser admin) {
        for (DemoData.Product product : DemoData.PRODUCTS) {
            products.create(
                    admin,
                    new CreateProductRequest(
                            product.sku(),
                            product.name(),
                            product.category(),
                            product.description(),
                            product.priceCents(),
                            product.stock()));
        }
    }

    /** One review per reviewer and product, through the service, so the stream keeps each product's rating. */
    private void seedReviews(Map<String, AuthenticatedUser> people) {
        for (DemoData.Review review : DemoData.REVIEWS) {
            reviews.write(
                    person(people, review.reviewer()), review.sku(), new ReviewRequest(review.rating(), review.text()));
        }
    }

    private void seedOrders(Map<String, AuthenticatedUser> people) {
        for (DemoData.Order order : DemoData.ORDERS) {
            AuthenticatedUser customer = person(people, order.customer());
            List<OrderLineRequest> lines = order.lines().stream()
                    .map(line -> new OrderLineRequest(line.sku(), line.quantity()))
                    .toList();
            String orderId = orders.place(customer, order.idempotencyKey(), new PlaceOrderRequest(lines))
                    .order()
                    .id();
            if (order.cancelled()) {
                orders.cancel(customer, orderId);
            }
        }
    }
}
