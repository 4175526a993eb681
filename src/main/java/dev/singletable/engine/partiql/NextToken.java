package dev.singletable.engine.partiql;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque NextToken of ExecuteStatement: which of the plan's operations to continue and from which key, bound to the
 * statement and parameters it was issued for (another request presenting it is refused, as DynamoDB does).
 * See [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteStatement.html">ExecuteStatement</a>
 */
/** {@code startKey} is null when the operation starts from its beginning. */
record NextToken(int operation, @Nullable Map<String, AttributeValue> startKey) {

    private static final byte VERSION = 1;

    String encode(String fingerprint) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeUTF(fingerprint);
            out.writeInt(operation);
            out.writeInt(startKey == null ? -1 : startKey.size());
            if (startKey != null) {
                for (Map.Entry<String, AttributeValue> e : startKey.entrySet()) {
                    out.writeUTF(e.getKey());
                    AttributeValue v = e.getValue();
                    if (v.s() != null) {
                        out.writeByte('S');
                        writeBytes(out, v.s().getBytes(StandardCharsets.UTF_8));
                    } else if (v.n() != null) {
                        out.writeByte('N');
                        writeBytes(out, v.n().getBytes(StandardCharsets.UTF_8));
                    } else {
                        out.writeByte('B');
                        writeBytes(out, v.b().asByteArray());
                    }
                }
            }
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    static NextToken decode(String token, String fingerprint) {
        String expected;
        NextToken result;
        try {
            DataInputStream in = new DataInputStream(
                    new ByteArrayInputStream(Base64.getDecoder().decode(token)));
            if (in.readByte() != VERSION) {
                throw invalid();
            }
            expected = in.readUTF();
            int operation = in.readInt();
            int size = in.readInt();
            Map<String, AttributeValue> key = null;
            if (size >= 0) {
                key = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    String name = in.readUTF();
                    int type = in.readByte();
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    key.put(
                            name,
                            type == 'S'
                                    ? AttributeValue.fromS(new String(b, StandardCharsets.UTF_8))
                                    : type == 'N'
                                            ? AttributeValue.fromN(new String(b, StandardCharsets.UTF_8))
                                            : AttributeValue.fromB(SdkBytes.fromByteArray(b)));
                }
            }
            if (in.available() != 0 || operation < 0) {
                throw invalid();
            }
            result = new NextToken(operation, key);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid();
        }
        if (!expected.equals(fingerprint)) {
            throw PartiqlException.validation("NextToken does not match request");
        }
        return result;
    }

    private static PartiqlException invalid() {
        return PartiqlException.validation("Invalid NextToken");
    }

    /** Identifies a request for token matching: statement text, parameters and read consistency. */
    static String fingerprint(String statement, List<AttributeValue> parameters, Boolean consistentRead) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(statement.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(String.valueOf(parameters).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(String.valueOf(Boolean.TRUE.equals(consistentRead)).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .withoutPadding()
                    .encodeToString(md.digest())
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
