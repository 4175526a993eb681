package dev.singletable.streams;

import org.springframework.context.SmartLifecycle;

/** Starts the listener once the application context is up and stops it (leases given back) before the clients close. */
class StreamListenerLifecycle implements SmartLifecycle {

    private final StreamListener listener;

    StreamListenerLifecycle(StreamListener listener) {
        this.listener = listener;
    }

    @Override
    public void start() {
        listener.start();
    }

    @Override
    public void stop() {
        listener.stop();
    }

    @Override
    public boolean isRunning() {
        return listener.isRunning();
    }
}
