package dev.singletable.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.x exchange over a fresh socket, written byte for byte: for requests a browser or an attacker sends and
 * {@code java.net.http} will not (a chosen Host header, HTTP/1.0). The response is read up to its Content-Length.
 */
public final class RawHttp1 {

    private RawHttp1() {}

    /** A DynamoDB {@code ListTables} POST with the given Host and extra header lines ("Name: value"). */
    public static Response listTables(URI endpoint, String host, String... headers) {
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\nHost: ")
                .append(host)
                .append("\r\n")
                .append("X-Amz-Target: DynamoDB_20120810.ListTables\r\n")
                .append("Content-Type: application/x-amz-json-1.0\r\nContent-Length: 2\r\nConnection: close\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return exchange(endpoint, head.append("\r\n").toString(), "{}");
    }

    /** A CORS preflight for a POST with the headers the JavaScript SDK sends. */
    public static Response preflight(URI endpoint, String origin) {
        return exchange(
                endpoint,
                "OPTIONS / HTTP/1.1\r\nHost: " + endpoint.getAuthority() + "\r\nOrigin: " + origin
                        + "\r\nAccess-Control-Request-Method: POST\r\n"
                        + "Access-Control-Request-Headers: content-type,x-amz-target,authorization\r\n"
                        + "Connection: close\r\n\r\n",
                "");
    }

    public static Response exchange(URI endpoint, String head, String body) {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            byte[] content = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            return new Response(
                    Integer.parseInt(statusLine.split(" ")[1]), headers, new String(content, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * @param headers names in lower case
     */
    public record Response(int status, Map<String, String> headers, String body) {}
}
