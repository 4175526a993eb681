package dev.singletable.engine.wire;

import java.util.Base64;

/**
 * Strict base64 decoding of blob members with the diagnostics AWS gives for each kind of bad input (its
 * wording, typo "dectected" included, is what clients and conformance suites compare against).
 */
final class Base64Blob {

    private Base64Blob() {}

    static byte[] decode(String text) {
        if (text.length() % 4 != 0) {
            throw fail(text, "Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
        }
        int padding = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                // a pad may only be followed by another pad
                if (i + 1 < text.length() && text.charAt(i + 1) != '=') {
                    throw fail(text, "Invalid Base64 character: '='");
                }
                padding++;
            } else if (!isAlphabet(c)) {
                throw fail(text, "Invalid Base64 character: '" + c + "'");
            }
        }
        if (padding > 2 || (padding > 0 && hasNonZeroTrailingBits(text, padding))) {
            throw fail(text, "Invalid last non-pad Base64 character dectected");
        }
        return Base64.getDecoder().decode(text);
    }

    private static boolean isAlphabet(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }

    /** Canonical base64 leaves the bits after the last encoded byte zero; anything else does not round-trip. */
    private static boolean hasNonZeroTrailingBits(String text, int padding) {
        int lastDataChar = sextet(text.charAt(text.length() - padding - 1));
        int unusedBitsMask = padding == 2 ? 0x0F : 0x03;
        return (lastDataChar & unusedBitsMask) != 0;
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : 63;
    }

    private static WireSerializationException fail(String text, String reason) {
        return new WireSerializationException("'" + text + "' can not be converted to a Blob: " + reason);
    }
}
