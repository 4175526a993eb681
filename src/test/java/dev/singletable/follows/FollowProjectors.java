package dev.singletable.follows;

import dev.singletable.streams.OnceOnly;
import dev.singletable.streams.Projector;

/** This feature's projectors, for the stream listener's tests in another package. */
public final class FollowProjectors {

    private FollowProjectors() {}

    public static Projector counter(OnceOnly onceOnly) {
        return new FollowCounter(onceOnly);
    }
}
