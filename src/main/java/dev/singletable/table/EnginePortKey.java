package dev.singletable.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SigV4 key the service's engine port requires when none is configured: generated on the first start and kept in
 * the data directory as {@value #FILE}, a shell file that sets {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY} (readable by its owner only), so {@code source data/engine-port-key.env} equips the
 * AWS CLI. An in-memory engine keeps no files: its key lives as long as the process and is printed in the log.
 *
 * @param accessKeyId letters and digits, as DynamoDB Local requires of access key ids
 * @param secretKey   40 characters, like AWS secret keys
 */
record EnginePortKey(String accessKeyId, String secretKey) {

    static final String FILE = "engine-port-key.env";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final Pattern ID_LINE = Pattern.compile("(?m)^export AWS_ACCESS_KEY_ID=([A-Za-z0-9]+)$");
    private static final Pattern SECRET_LINE = Pattern.compile("(?m)^export AWS_SECRET_ACCESS_KEY=([A-Za-z0-9+/]+)$");

    static EnginePortKey generate() {
        return new EnginePortKey("LOCAL" + random(ID_CHARACTERS, 15), random(SECRET_CHARACTERS, 40));
    }

    /** The key kept in {@code dataDir}, made and written there first if there is none. */
    static EnginePortKey inDirectory(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            EnginePortKey key = generate();
            key.write(file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the engine port's key in " + file, e);
        }
    }

    private static EnginePortKey read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher id = ID_LINE.matcher(text);
        Matcher secret = SECRET_LINE.matcher(text);
        if (!id.find() || !secret.find()) {
            throw new IOException(file + " does not set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; delete it to "
                    + "have a new key made");
        }
        return new EnginePortKey(id.group(1), secret.group(1));
    }

    private void write(Path file) throws IOException {
        String text = """
                # The SigV4 key of this engine's DynamoDB port, made on its first start (docs/operations.md,
                # "Security defaults"). Delete this file to have a new one made. With the AWS CLI:
                #   source %s && aws dynamodb list-tables --endpoint-url http://127.0.0.1:8000
                export AWS_ACCESS_KEY_ID=%s
                export AWS_SECRET_ACCESS_KEY=%s
                """.formatted(file, accessKeyId, secretKey);
        Path temporary = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String random(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "EnginePortKey[" + accessKeyId + "]"; // the secret stays out of logs and exception messages
    }
}
