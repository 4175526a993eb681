package dev.singletable.history;

import dev.singletable.users.UserSecrets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One change of an item, as {@code GET /api/admin/history} shows it; images are plain JSON values, without secret
 * attributes even in entries recorded before the projector left them out ({@link UserSecrets}).
 */
record HistoryEntryResponse(
        @Nullable String eventName,
        @Nullable String changedAt,
        @Nullable String sequenceNumber,
        @Nullable String principal,
        @Nullable String identityType,
        @Nullable Map<String, Object> oldImage,
        @Nullable Map<String, Object> newImage) {

    static HistoryEntryResponse of(Map<String, AttributeValue> item) {
        return new HistoryEntryResponse(
                s(item, "eventName"),
                s(item, "changedAt"),
                s(item, "sequenceNumber"),
                s(item, "principal"),
                s(item, "identityType"),
                image(item.get("oldImage")),
                image(item.get("newImage")));
    }

    private static @Nullable String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static @Nullable Map<String, Object> image(@Nullable AttributeValue image) {
        if (image == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        UserSecrets.withoutSecrets(image.m()).forEach((name, value) -> out.put(name, plain(value)));
        return out;
    }

    /** Numbers stay strings (DynamoDB numbers exceed a double); binary is base64 through the SDK's SdkBytes. */
    private static @Nullable Object plain(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> value.n();
            case B -> value.b().asByteBuffer().array().length + " bytes";
            case BOOL -> value.bool();
            case NUL -> null;
            case M -> image(value);
            case L -> value.l().stream().map(HistoryEntryResponse::plain).toList();
            case SS -> value.ss();
            case NS -> value.ns();
            case BS -> List.of(value.bs().size() + " binary values");
            default -> String.valueOf(value);
        };
    }
}
