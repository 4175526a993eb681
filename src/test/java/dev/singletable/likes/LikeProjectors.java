package dev.singletable.likes;

import dev.singletable.streams.OnceOnly;
import dev.singletable.streams.Projector;

/** This feature's projectors, for the stream listener's tests in another package. */
public final class LikeProjectors {

    private LikeProjectors() {}

    public static Projector counter(OnceOnly onceOnly) {
        return new LikeCounter(onceOnly);
    }
}
