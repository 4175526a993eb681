package dev.singletable.web;

/**
 * The callers web slices know ({@link ApiSlice}): a request with {@link #ANN_TOKEN} is ann, an admin; one with BOB's is
 * bob, who is not.
 */
public final class SliceCallers {

    public static final AuthenticatedUser ANN = new AuthenticatedUser("01JANN0000000000000000000A", "ann", "s-ann");
    public static final String ANN_TOKEN = "Bearer ann-token";
    public static final AuthenticatedUser BOB = new AuthenticatedUser("01JBOB0000000000000000000B", "bob", "s-bob");
    public static final String BOB_TOKEN = "Bearer bob-token";

    private SliceCallers() {}
}
