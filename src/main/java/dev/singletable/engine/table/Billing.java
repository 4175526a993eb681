package dev.singletable.engine.table;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/**
 * Billing-mode and capacity rules shared by CreateTable and UpdateTable: on-demand or provisioned capacity [1], the
 * bounds of provisioned units [2] and the optional maximum throughput of an on-demand table [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadWriteCapacityMode.html">DynamoDB throughput capacity</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/provisioned-capacity-mode.html">DynamoDB provisioned capacity mode</a>
 */
final class Billing {

    /** Above this DynamoDB refuses a capacity value outright, before any account limit applies. */
    static final long MAX_UNITS = 1_000_000_000_000L;

    private Billing() {}

    /** BillingMode as sent, PROVISIONED when absent (DynamoDB's default). */
    static BillingMode modeOrDefault(String raw) {
        return raw == null ? BillingMode.PROVISIONED : BillingMode.fromValue(raw);
    }

    /** "Given value N for ReadCapacityUnits is out of bounds", read units checked first. */
    static void checkBounds(ProvisionedThroughput throughput) {
        if (throughput == null) {
            return;
        }
        checkBound("ReadCapacityUnits", throughput.readCapacityUnits());
        checkBound("WriteCapacityUnits", throughput.writeCapacityUnits());
    }

    private static void checkBound(String member, Long value) {
        if (value != null && value > MAX_UNITS) {
            throw Invalid.bare("Given value " + value + " for " + member + " is out of bounds");
        }
    }

    /** OnDemandThroughput is only for on-demand tables; each maximum is -1 (no maximum) or at least 1. */
    static TableDefinition.@Nullable OnDemandLimits onDemand(
            @Nullable OnDemandThroughput requested,
            BillingMode mode,
            String target,
            TableDefinition.@Nullable OnDemandLimits current) {
        if (requested == null) {
            return current;
        }
        if (mode != BillingMode.PAY_PER_REQUEST) {
            String member = requested.maxReadRequestUnits() != null ? "MaxReadRequestUnits" : "MaxWriteRequestUnits";
            throw Invalid.parameter(member
                    + " for OnDemandThroughput cannot be specified when the table BillingMode is " + "PROVISIONED");
        }
        long read = pick(
                "MaxReadRequestUnits",
                requested.maxReadRequestUnits(),
                current == null ? -1 : current.maxReadRequestUnits(),
                target);
        long write = pick(
                "MaxWriteRequestUnits",
                requested.maxWriteRequestUnits(),
                current == null ? -1 : current.maxWriteRequestUnits(),
                target);
        return read == -1 && write == -1 ? null : new TableDefinition.OnDemandLimits(read, write);
    }

    private static long pick(String member, @Nullable Long requested, long current, String target) {
        if (requested == null) {
            return current;
        }
        if (requested != -1 && requested < 1) {
            throw Invalid.parameter(
                    "Requested " + member + " for OnDemandThroughput for " + target + " is outside of valid range");
        }
        return requested;
    }
}
