package dev.singletable.tweets;

import dev.singletable.streams.OnceOnly;
import dev.singletable.streams.Projector;

/** This feature's projectors, for the stream listener's tests in another package. */
public final class TweetProjectors {

    private TweetProjectors() {}

    public static Projector counter(OnceOnly onceOnly) {
        return new TweetCounter(onceOnly);
    }
}
