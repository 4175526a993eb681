package dev.singletable.bench;

import dev.singletable.web.RepresentationTags;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the strong ETag (issue 20: a SHA-256 over the JSON body, web.RepresentationTags) adds to a GET of a product or a
 * profile, in one run: the body as the message converter writes it ({@code bodyOnly}: every GET pays this), the body
 * plus the tag as the service computes it now ({@code bodyAndTag}: a second serialization and the hash), and the body
 * plus a tag over those same bytes ({@code bodyTaggedOnce}: what hashing the bytes already serialized would cost).
 * A product-shaped record with the same members and values as GET /api/products/MUG-001 answers.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ETagBenchmark {

    /** The members of catalog.ProductResponse (package-private there), in its order. */
    public record ProductBody(
            String sku,
            String name,
            String category,
            String description,
            long priceCents,
            long stock,
            long reviewCount,
            Double averageRating,
            Instant createdAt) {}

    private final JsonMapper json = JsonMapper.builder().build();
    private final RepresentationTags tags = RepresentationTags.forBenchmark(json);
    private final ProductBody product = new ProductBody(
            "MUG-001",
            "Single-table mug",
            "kitchen",
            "Holds 350 ml of coffee and one partition key.",
            1299,
            25,
            4,
            4.25,
            Instant.parse("2026-11-21T09:30:00Z"));

    @Benchmark
    public byte[] bodyOnly() {
        return json.writeValueAsBytes(product);
    }

    @Benchmark
    public String bodyAndTag() {
        byte[] body = json.writeValueAsBytes(product);
        return tags.of(product) + body.length;
    }

    @Benchmark
    public String bodyTaggedOnce() {
        byte[] body = json.writeValueAsBytes(product);
        return RepresentationTags.ofBody(body) + body.length;
    }
}
