package dev.singletable.demo;

import java.util.List;

/**
 * What the {@code demo} profile puts in the table: a handful of people who follow, tweet, like and shop, so that every
 * item type and index of the single table holds something a newcomer can look at. Fixed content, so the README and the
 * table explorer can name it.
 */
final class DemoData {

    /** Every demo account logs in with this password; it is printed in the log when the data is seeded. */
    public static final String PASSWORD = "singletable-demo";

    /** The demo account that holds the admin role (creates the products, may open the table explorer). */
    public static final String ADMIN = "demo_admin";

    public record Person(String username, String displayName) {
        public String email() {
            return username + "@demo.singletable.dev";
        }
    }

    public record Follow(String follower, String followee) {}

    public record Tweet(String author, String text) {}

    /** {@code likedBy} like the tweet at {@code tweetIndex} in {@link #TWEETS}. */
    public record Like(String likedBy, int tweetIndex) {}

    public record Product(String sku, String name, String category, String description, long priceCents, long stock) {}

    /** A review of a product: 1 to 5 stars and a short text. */
    public record Review(String reviewer, String sku, int rating, String text) {}

    public record OrderLine(String sku, int quantity) {}

    /** An order placed by {@code customer} with {@code idempotencyKey}; cancelled afterwards when asked. */
    public record Order(String customer, String idempotencyKey, List<OrderLine> lines, boolean cancelled) {}

    public static final List<Person> PEOPLE = List.of(
            new Person(ADMIN, "Demo Admin"),
            new Person("ann_lee", "Ann Lee"),
            new Person("bob_stone", "Bob Stone"),
            new Person("carol_diaz", "Carol Diaz"),
            new Person("dev_patel", "Dev Patel"));

    public static final List<Follow> FOLLOWS = List.of(
            new Follow("ann_lee", "bob_stone"),
            new Follow("ann_lee", "carol_diaz"),
            new Follow("bob_stone", "ann_lee"),
            new Follow("carol_diaz", "ann_lee"),
            new Follow("dev_patel", "ann_lee"),
            new Follow("dev_patel", "bob_stone"));

    public static final List<Tweet> TWEETS = List.of(
            new Tweet(
                    "ann_lee",
                    "One table, many item types: my profile, my tweets and my follows share a partition key prefix."),
            new Tweet(
                    "bob_stone",
                    "A GSI is just another table DynamoDB keeps in step for you. Sparse ones are free for items without the key."),
            new Tweet(
                    "carol_diaz",
                    "Uniqueness in DynamoDB: put a marker item in the same transaction. Try signing up as ann_lee twice."),
            new Tweet("ann_lee", "Cursor paging: LastEvaluatedKey in, signed cursor out."),
            new Tweet("dev_patel", "Ordered a mug with an Idempotency-Key and retried. Still one order."),
            new Tweet("bob_stone", "Streams keep the follower counters: look at a profile a second after a follow."));

    public static final List<Like> LIKES = List.of(
            new Like("bob_stone", 0),
            new Like("carol_diaz", 0),
            new Like("dev_patel", 0),
            new Like("ann_lee", 1),
            new Like("ann_lee", 2),
            new Like("carol_diaz", 4));

    public static final List<Product> PRODUCTS = List.of(
            new Product(
                    "MUG-001",
                    "Single-table mug",
                    "kitchen",
                    "Holds 350 ml of coffee and one partition key.",
                    1299,
                    40),
            new Product("MUG-002", "GSI espresso cup", "kitchen", "Small, sparse, projected.", 899, 25),
            new Product("TEE-001", "PK/SK t-shirt", "apparel", "Cotton; the sort key is on the back.", 2199, 15),
            new Product(
                    "BOOK-001", "Access patterns first", "books", "Write the queries down before the keys.", 3499, 10));

    public static final List<Review> REVIEWS = List.of(
            new Review("ann_lee", "MUG-001", 5, "Keeps coffee hot through a whole data-modelling session."),
            new Review("bob_stone", "MUG-001", 4, "Great mug; the partition key print fades in the dishwasher."),
            new Review("carol_diaz", "BOOK-001", 5, "Start from the access patterns. Everything else follows."));

    public static final List<Order> ORDERS = List.of(
            new Order(
                    "ann_lee",
                    "demo-order-ann-1",
                    List.of(new OrderLine("MUG-001", 2), new OrderLine("BOOK-001", 1)),
                    false),
            new Order("bob_stone", "demo-order-bob-1", List.of(new OrderLine("TEE-001", 1)), false),
            new Order("dev_patel", "demo-order-dev-1", List.of(new OrderLine("MUG-002", 4)), true));

    private DemoData() {}
}
