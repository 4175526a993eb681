package dev.singletable.engine.backup;

/**
 * Point-in-time recovery of one incarnation of a table (its id tells it from a later table of the same name).
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
