package dev.singletable.table;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Time-sortable identifiers (ULID: 48-bit millisecond timestamp + 80 random bits, Crockford base32, 26 characters).
 * Their string order is their creation order, so a sort key made of them reads "newest first" with a descending Query.
 * Ids made in the same millisecond by this process still sort in creation order: the random part is then incremented
 * instead of drawn again (the monotonic variant of the spec).
 */
public final class Ulid {

    public static final int LENGTH = 26;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final long MAX_MILLIS = (1L << 48) - 1;
    private static final SecureRandom RANDOM = ownGenerator();
    /** The generator's output drawn ahead, in chunks (see {@link #randomBytes}); replaced when used up. */
    private static final AtomicReference<Chunk> CHUNK = new AtomicReference<>(Chunk.drawn());

    private static long lastMillis = -1;
    private static final byte[] lastRandom = new byte[10];

    private Ulid() {}

    /**
     * A generator of its own (DRBG): the default {@code new SecureRandom()} on Linux shares one lock and a read of
     * /dev/urandom with every other default SecureRandom in the process (UUID.randomUUID, the SDK...), so id
     * creation queued behind them under load.
     */
    private static SecureRandom ownGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /**
     * A new id, greater than every id this process made before. Only the comparison with the last id is under the
     * lock: the random bytes are taken before it (from the generator's output drawn ahead) and the text is
     * made after it, so threads making ids at once wait for a few instructions, not for the generator and the
     * encoding (the lock was the longest monitor wait in the service's profile, docs/benchmarks.md "Service").
     */
    public static String next() {
        byte[] fresh = randomBytes();
        byte[] random = new byte[10];
        long millis;
        synchronized (Ulid.class) {
            long now = System.currentTimeMillis();
            if (now > lastMillis) {
                lastMillis = now;
                System.arraycopy(fresh, 0, lastRandom, 0, fresh.length);
            } else if (!increment(lastRandom)) {
                // 2^80 ids in one millisecond (or a clock that went back): borrow the next millisecond.
                lastMillis++;
                System.arraycopy(fresh, 0, lastRandom, 0, fresh.length);
            }
            millis = lastMillis;
            System.arraycopy(lastRandom, 0, random, 0, random.length);
        }
        return encode(millis, random);
    }

    /**
     * Ten bytes of the generator's output that no other id has been given. Drawn a chunk at a time: each call of the
     * DRBG costs several SHA-256 compressions and its lock whatever the length asked, so ten bytes a call was most of
     * {@link #next}'s time (the DRBG was about 7 % of {@code POST /api/tweets}' controller; docs/benchmarks.md, issue
     * 21). Each slice of a chunk is claimed by one caller only (an atomic cursor), so no two ids share random bytes;
     * a caller that finds the chunk used up draws the next one itself, outside any lock (two may draw at once: both
     * chunks are fresh output, and the bytes each caller takes are still its own). Not a per-thread buffer: with
     * virtual threads (Java 21+, application.yml) a thread serves one request.
     */
    static byte[] randomBytes() {
        byte[] out = new byte[10];
        while (true) {
            Chunk chunk = Objects.requireNonNull(CHUNK.get(), "a chunk is always there");
            int at = chunk.cursor.getAndAdd(out.length);
            if (at + out.length <= chunk.bytes.length) {
                System.arraycopy(chunk.bytes, at, out, 0, out.length);
                return out;
            }
            CHUNK.compareAndSet(chunk, Chunk.drawn());
        }
    }

    /** A chunk of the generator's output and how far it has been handed out. */
    private static final class Chunk {
        /** 64 ids' worth. */
        private static final int SIZE = 640;

        final byte[] bytes = new byte[SIZE];
        final AtomicInteger cursor = new AtomicInteger();

        static Chunk drawn() {
            Chunk chunk = new Chunk();
            RANDOM.nextBytes(chunk.bytes);
            return chunk;
        }
    }

    /** The canonical text of a timestamp and 10 random bytes. */
    static String encode(long millis, byte[] random) {
        if (millis < 0 || millis > MAX_MILLIS || random.length != 10) {
            throw new IllegalArgumentException("a ULID is a 48-bit timestamp and 80 random bits");
        }
        char[] out = new char[LENGTH];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 random bits = 16 groups of 5, read most significant first
        long high = ((random[0] & 0xFFL) << 32)
                | ((random[1] & 0xFFL) << 24)
                | ((random[2] & 0xFFL) << 16)
                | ((random[3] & 0xFFL) << 8)
                | (random[4] & 0xFFL);
        long low = ((random[5] & 0xFFL) << 32)
                | ((random[6] & 0xFFL) << 24)
                | ((random[7] & 0xFFL) << 16)
                | ((random[8] & 0xFFL) << 8)
                | (random[9] & 0xFFL);
        for (int i = 7; i >= 0; i--) {
            out[10 + i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
            out[18 + i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }

    /** Whether the text is a canonical (upper-case) ULID; lets callers answer 404 for ids that cannot exist. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != LENGTH || text.charAt(0) > '7') {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** When the id was made. */
    public static Instant timestamp(String ulid) {
        if (!isValid(ulid)) {
            throw new IllegalArgumentException("not a ULID: " + ulid);
        }
        long millis = 0;
        for (int i = 0; i < 10; i++) {
            millis = (millis << 5) | indexOf(ulid.charAt(i));
        }
        return Instant.ofEpochMilli(millis);
    }

    private static int indexOf(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean increment(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (++bytes[i] != 0) {
                return true;
            }
        }
        return false;
    }
}
