package dev.singletable.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that sends ready-made request bytes and reads the answer: a generator that costs
 * a few microseconds per request, where the JDK's HttpClient costs tens (its CPU shares the machine's two cores with
 * the service). Reads Content-Length and chunked bodies; reconnects when the server closed the connection.
 * Not thread-safe: one connection per sender thread.
 */
final class HttpConnection implements Closeable {

    /** A status and, for status 300 and above only, the body (to print the first errors). */
    record Answer(int status, String errorBody) {}

    private final InetSocketAddress address;
    private final byte[] line = new byte[8192];
    private final byte[] skip = new byte[8192];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(String host, int port) {
        this.address = new InetSocketAddress(host, port);
    }

    Answer exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(request);
        out.flush();
        int status = parseStatus(readLine());
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (int n = readLineLength(); n > 0; n = readLineLength()) {
            String header = new String(line, 0, n, StandardCharsets.ISO_8859_1);
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        ByteArrayOutputStream body = status >= 300 ? new ByteArrayOutputStream() : null;
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                take(size, body);
                readLine();
            }
            while (readLineLength() > 0) {
                // trailers
            }
        } else if (length >= 0) {
            take(length, body);
        } else {
            close = true; // a body delimited by the end of the connection
        }
        if (close) {
            close();
        }
        return new Answer(status, body == null ? null : body.toString(StandardCharsets.UTF_8));
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(address, 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 65_536);
        out = socket.getOutputStream();
    }

    private static int parseStatus(String statusLine) throws IOException {
        // HTTP/1.1 200 OK
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        return Integer.parseInt(statusLine.substring(9, 12));
    }

    private long chunkSize() throws IOException {
        String size = readLine();
        int extension = size.indexOf(';');
        return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    private String readLine() throws IOException {
        return new String(line, 0, readLineLength(), StandardCharsets.ISO_8859_1);
    }

    /** Reads one CRLF-terminated line into {@code line}; its length without the CRLF. */
    private int readLineLength() throws IOException {
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b == '\n') {
                return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
            }
            if (n == line.length) {
                throw new IOException("header line longer than " + line.length + " bytes");
            }
            line[n++] = (byte) b;
        }
    }

    private void take(long count, ByteArrayOutputStream keep) throws IOException {
        long left = count;
        while (left > 0) {
            int n = in.read(skip, 0, (int) Math.min(left, skip.length));
            if (n < 0) {
                throw new EOFException("connection closed inside a body");
            }
            if (keep != null) {
                keep.write(skip, 0, n);
            }
            left -= n;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
