package dev.singletable.engine.wire;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids in DynamoDB's format: 52 characters of upper-case letters and digits. */
final class RequestIds {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    static final int LENGTH = 52;

    private RequestIds() {}

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
