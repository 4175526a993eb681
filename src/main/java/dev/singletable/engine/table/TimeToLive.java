package dev.singletable.engine.table;

import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * UpdateTimeToLive / DescribeTimeToLive. DynamoDB takes up to an hour to switch; this engine switches at once, so the
 * ENABLING/DISABLING states and the "modified multiple times" cool-down are not modelled [1].
 *
 * [1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html">Using time to live (TTL) in DynamoDB</a>
 */
final class TimeToLive {

    private TimeToLive() {}

    static TableDefinition apply(TableDefinition current, TimeToLiveSpecification spec) {
        boolean enabled = current.ttlStatus() == TimeToLiveStatus.ENABLED;
        String attribute = spec.attributeName();
        if (enabled && !attribute.equals(current.ttlAttributeName())) {
            throw Invalid.bare("TimeToLive is active on a different AttributeName: current AttributeName is "
                    + current.ttlAttributeName());
        }
        if (Boolean.TRUE.equals(spec.enabled())) {
            if (enabled) {
                throw Invalid.bare("TimeToLive is already enabled");
            }
        } else if (!enabled) {
            throw Invalid.bare("TimeToLive is already disabled");
        }
        TableDefinition.Builder b = current.toBuilder();
        if (Boolean.TRUE.equals(spec.enabled())) {
            b.ttlStatus = TimeToLiveStatus.ENABLED;
            b.ttlAttributeName = attribute;
        } else {
            b.ttlStatus = TimeToLiveStatus.DISABLED;
            b.ttlAttributeName = null;
        }
        return b.build();
    }

    static TimeToLiveDescription describe(TableDefinition table) {
        TimeToLiveDescription.Builder d = TimeToLiveDescription.builder().timeToLiveStatus(table.ttlStatus());
        if (table.ttlStatus() == TimeToLiveStatus.ENABLED) {
            d.attributeName(table.ttlAttributeName());
        }
        return d.build();
    }
}
