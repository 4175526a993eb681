package dev.singletable.bench;

import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs one operation against the in-process engine in a loop, for profiling (e.g. with
 * {@code -XX:StartFlightRecording=filename=get.jfr}): the relative costs in a profile stay meaningful on a loaded
 * machine, where throughput figures do not. args: operation ({@link Operations} name or UPDATE), seconds.
 */
public final class ProfileLoop {

    public static void main(String[] args) throws Exception {
        String op = args.length > 0 ? args[0] : "GET";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (Engines engines = Engines.open("singletable")) {
            engines.load();
            Runnable call = op.equals("UPDATE")
                    ? () -> engines.client.updateItem(r -> r.tableName(Engines.TABLE)
                            .key(Engines.key(Operations.any(Engines.ITEMS)))
                            .updateExpression("SET #c = #c + :one")
                            .conditionExpression("attribute_exists(pk)")
                            .expressionAttributeNames(Map.of("#c", "counter"))
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))
                    : () -> Operations.valueOf(op).run(engines.client);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long count = 0;
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                call.run();
                count++;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d calls, %.0f/s (machine load applies)%n",
                    op,
                    count,
                    count / ((System.nanoTime() - start) / 1e9));
        }
    }
}
