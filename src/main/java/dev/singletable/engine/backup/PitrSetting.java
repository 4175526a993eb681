package dev.singletable.engine.backup;

/**
 * Point-in-time recovery of one incarnation of a table (its id tells it from a later table of the same name), with its
 * recovery period of 1 to 35 days [1]; the earliest restorable moment is the later of the period's start and when
 * recovery was enabled [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PointInTimeRecoverySpecification.html">PointInTimeRecoverySpecification</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html">Point-in-time recovery for DynamoDB</a>
 *
 * @param enabledAtMillis when recovery was (last) enabled: nothing earlier can be restored
 */
record PitrSetting(String tableName, String tableId, boolean enabled, int recoveryPeriodDays, long enabledAtMillis) {

    static final int DEFAULT_RECOVERY_DAYS = 35;
    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    long earliestRestorable(long nowMillis) {
        return Math.max(enabledAtMillis, nowMillis - recoveryPeriodDays * DAY_MILLIS);
    }
}
