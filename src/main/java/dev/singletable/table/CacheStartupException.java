package dev.singletable.table;

/**
 * The read cache is misconfigured in a way the user can fix: one line naming the setting, shown without a stack
 * trace by {@link CacheStartupFailureAnalyzer}, like the engine's start-up failures ({@link EngineStartupException}).
 */
public class CacheStartupException extends RuntimeException {

    private final String action;

    CacheStartupException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    CacheStartupException(String description, String action) {
        super(description);
        this.action = action;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }

    static CacheStartupException missingDaxEndpoint() {
        return new CacheStartupException(
                "singletable.cache.mode=dax needs singletable.cache.dax-endpoint",
                "Set singletable.cache.dax-endpoint to your DAX cluster's endpoint (dax://<cluster>.<id>.dax-clusters."
                        + "<region>.amazonaws.com), or choose singletable.cache.mode=local (a DAX-style cache in the "
                        + "service, any store) or none.");
    }

    static CacheStartupException daxUnreachable(String endpoint, Exception cause) {
        return new CacheStartupException(
                "cannot start the DAX client for " + endpoint + ": " + reason(cause)
                        + " (singletable.cache.dax-endpoint)",
                "Check the endpoint, that AWS credentials and a region are available to the service (AWS's default "
                        + "chains), and that this host runs in the DAX cluster's VPC with access to its port.",
                cause);
    }

    /** The cause in a few words: the SDK's credential chain explains itself over a dozen lines. */
    private static String reason(Exception cause) {
        String message = String.valueOf(cause.getMessage());
        if (message.startsWith("Unable to load credentials")) {
            return "no AWS credentials found";
        }
        String firstLine = message.lines().findFirst().orElse(message);
        return firstLine.length() > 200 ? firstLine.substring(0, 200) + "..." : firstLine;
    }
}
