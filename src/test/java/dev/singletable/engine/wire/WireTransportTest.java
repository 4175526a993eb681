package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;

/** Connection handling: compression, keep-alive, pipelining, 100-continue, concurrency, shutdown. */
class WireTransportTest {

    private static final String LIST_TABLES = "DynamoDB_20120810.ListTables";
    private static final String LIST_TABLES_BODY = "{\"TableNames\":[\"alpha\",\"beta\"]}";

    private static StubDynamoDb backend;
    private static WireServer server;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        backend = new StubDynamoDb();
        server = WireServer.start(WireServerOptions.defaults().withMaxBodyBytes(1024 * 1024), backend, null);
        http = new RawHttp(server.endpoint());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void gzipAndDeflateRequestBodiesAreDecoded() throws IOException {
        HttpResponse<byte[]> gzipped = http.post(
                LIST_TABLES,
                "application/x-amz-json-1.0",
                WireSigV4Test.gzip("{\"Limit\":3,\"ExclusiveStartTableName\":\"gzip\"}"),
                "Content-Encoding",
                "gzip");
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(((ListTablesRequest) backend.lastRequest.get()).exclusiveStartTableName())
                .isEqualTo("gzip");

        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater())) {
            out.write("{\"ExclusiveStartTableName\":\"deflate\"}".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(http.post(
                                LIST_TABLES,
                                "application/x-amz-json-1.0",
                                deflated.toByteArray(),
                                "Content-Encoding",
                                "deflate")
                        .statusCode())
                .isEqualTo(200);
        assertThat(((ListTablesRequest) backend.lastRequest.get()).exclusiveStartTableName())
                .isEqualTo("deflate");
    }

    @Test
    void undecodableBodiesAre500AndAZipBombIs413() throws IOException {
        // AWS answers a body it cannot decode with a 500 InternalServerError (ScyllaDB's test_compressed_request.py
        // records it): not gzip, truncated gzip, empty gzip or deflate, not deflate, an unknown Content-Encoding
        byte[] valid = WireSigV4Test.gzip("{}");
        Map<String, byte[]> undecodable = new java.util.LinkedHashMap<>();
        undecodable.put("gzip", "not gzip at all".getBytes(StandardCharsets.UTF_8));
        undecodable.put("gzip ", java.util.Arrays.copyOf(valid, valid.length - 1));
        undecodable.put(" gzip", new byte[0]);
        undecodable.put("deflate", new byte[0]);
        undecodable.put(" deflate", "{}".getBytes(StandardCharsets.UTF_8));
        undecodable.put("garbage", "{}".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : undecodable.entrySet()) {
            HttpResponse<byte[]> corrupt = http.post(
                    LIST_TABLES,
                    "application/x-amz-json-1.0",
                    e.getValue(),
                    "Content-Encoding",
                    e.getKey().trim());
            assertThat(corrupt.statusCode()).as(e.getKey()).isEqualTo(500);
            assertThat(RawHttp.text(corrupt)).contains("InternalServerError");
        }

        byte[] bomb = WireSigV4Test.gzip("{\"ExclusiveStartTableName\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}");
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(http.post(LIST_TABLES, "application/x-amz-json-1.0", bomb, "Content-Encoding", "gzip")
                        .statusCode())
                .isEqualTo(413);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws IOException {
        try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
            StringBuilder requests = new StringBuilder();
            requests.append(post(LIST_TABLES, "{}"));
            requests.append(post("DynamoDB_20120810.Nope", "{}"));
            requests.append("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            requests.append(post(LIST_TABLES, "{\"Limit\":1}"));
            OutputStream out = socket.getOutputStream();
            out.write(requests.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith(LIST_TABLES_BODY);
            assertThat(readResponse(in)).startsWith("HTTP/1.1 400").contains("UnknownOperationException");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith("healthy: x");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith(LIST_TABLES_BODY);
        }
    }

    @Test
    void expectContinueIsHonoured() throws IOException {
        try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: " + LIST_TABLES
                            + "\r\nContent-Type: application/x-amz-json-1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(readLine(in)).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(readLine(in)).isEmpty();
            out.write("{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith(LIST_TABLES_BODY);
        }
    }

    @Test
    void oversizedDeclaredBodyWithExpectContinueIsRefusedUpFront() throws IOException {
        try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: " + LIST_TABLES
                            + "\r\nContent-Type: application/x-amz-json-1.0\r\nExpect: 100-continue\r\nContent-Length: 99999999\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(socket.getInputStream()))
                    .startsWith("HTTP/1.1 413")
                    .contains("x-amz-crc32: 0");
        }
    }

    @Test
    void chunkedOversizedBodyIs413AndTheConnectionStaysUsable() throws IOException {
        try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: " + LIST_TABLES
                            + "\r\nContent-Type: application/x-amz-json-1.0\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[256 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 6; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(post(LIST_TABLES, "{}").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 413");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith(LIST_TABLES_BODY);
        }
    }

    @Test
    void connectionCloseIsRespected() throws IOException {
        try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").contains("connection: close");
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void garbageInsteadOfHttpIs400AndClosed() throws IOException {
        try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("THIS IS NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 400");
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void manyConcurrentSdkClients() throws Exception {
        int threads = 16;
        int requestsPerThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (DynamoDbClient client = WireTestClients.dynamo(server.endpoint())) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < requestsPerThread; i++) {
                        if (client.listTables().tableNames().size() == 2) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get();
            }
            assertThat(total).isEqualTo(threads * requestsPerThread);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withInlineReadsPipelinedReadsAndWritesStillAnswerInOrder() throws IOException {
        try (WireServer inline = WireServer.start(WireServerOptions.defaults().withInlineReads(true), backend, null);
                Socket socket = new Socket(inline.endpoint().getHost(), inline.port())) {
            StringBuilder requests = new StringBuilder();
            requests.append(post("DynamoDB_20120810.PutItem", "{\"TableName\":\"t\",\"Item\":{}}")); // worker
            requests.append(post(LIST_TABLES, "{}")); // I/O thread
            requests.append(post("DynamoDB_20120810.GetItem", "{\"TableName\":\"t\",\"Key\":{}}")); // read that fails
            requests.append(post("DynamoDB_20120810.Scan", "{\"TableName\":\"t\"}"));
            OutputStream out = socket.getOutputStream();
            out.write(requests.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith("{}");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith(LIST_TABLES_BODY);
            assertThat(readResponse(in)).startsWith("HTTP/1.1 500");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith("{\"Count\":0,\"ScannedCount\":0}");
        }
    }

    @Test
    void withInlineWritesPipelinedWritesAndReadsStillAnswerInOrderOnTheIoThread() throws IOException {
        try (WireServer inline = WireServer.start(
                        WireServerOptions.defaults().withInlineReads(true).withInlineWrites(true), backend, null);
                Socket socket = new Socket(inline.endpoint().getHost(), inline.port())) {
            StringBuilder requests = new StringBuilder();
            requests.append(post("DynamoDB_20120810.PutItem", "{\"TableName\":\"t\",\"Item\":{}}"));
            requests.append(post(LIST_TABLES, "{}"));
            requests.append(post("DynamoDB_20120810.GetItem", "{\"TableName\":\"t\",\"Key\":{}}")); // read that fails
            requests.append(post("DynamoDB_20120810.PutItem", "{\"TableName\":\"t\",\"Item\":{}}"));
            requests.append(post("DynamoDB_20120810.Scan", "{\"TableName\":\"t\"}"));
            OutputStream out = socket.getOutputStream();
            out.write(requests.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith("{}");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith(LIST_TABLES_BODY);
            assertThat(readResponse(in)).startsWith("HTTP/1.1 500");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith("{}");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith("{\"Count\":0,\"ScannedCount\":0}");
            assertThat(backend.lastPutThread.get()).startsWith("wire-io");
        }
    }

    @Test
    void withoutInlineWritesAWriteRunsOnAWorker() throws IOException {
        try (WireServer inline = WireServer.start(WireServerOptions.defaults().withInlineReads(true), backend, null);
                Socket socket = new Socket(inline.endpoint().getHost(), inline.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(post("DynamoDB_20120810.PutItem", "{\"TableName\":\"t\",\"Item\":{}}")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(readResponse(socket.getInputStream()))
                    .startsWith("HTTP/1.1 200")
                    .endsWith("{}");
            assertThat(backend.lastPutThread.get()).startsWith("wire-worker");
        }
    }

    @Test
    void itemWritesAreKnownByName() {
        for (String write :
                new String[] {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"}) {
            assertThat(WireOperation.isItemWrite(write)).as(write).isTrue();
        }
        for (String other : new String[] {
            "GetItem",
            "Query",
            "ExecuteStatement",
            "BatchExecuteStatement",
            "ExecuteTransaction",
            "CreateTable",
            "UpdateTable",
            "DeleteTable",
            "RestoreTableFromBackup",
            "ImportTable",
            "UpdateTimeToLive",
            "TagResource"
        }) {
            assertThat(WireOperation.isItemWrite(other)).as(other).isFalse();
        }
    }

    @Test
    void readOnlyOperationsAreKnownByName() {
        for (String read : new String[] {
            "GetItem",
            "BatchGetItem",
            "Query",
            "Scan",
            "TransactGetItems",
            "DescribeTable",
            "ListTables",
            "GetRecords",
            "GetShardIterator"
        }) {
            assertThat(WireOperation.isReadOnly(read)).as(read).isTrue();
        }
        for (String write : new String[] {
            "PutItem",
            "UpdateItem",
            "DeleteItem",
            "BatchWriteItem",
            "TransactWriteItems",
            "ExecuteStatement",
            "BatchExecuteStatement",
            "ExecuteTransaction",
            "CreateTable",
            "UpdateTable",
            "TagResource"
        }) {
            assertThat(WireOperation.isReadOnly(write)).as(write).isFalse();
        }
    }

    @Test
    void closeIsIdempotentAndFreesThePort() {
        WireServer extra = WireServer.start(WireServerOptions.defaults(), backend, null);
        int port = extra.port();
        assertThat(extra.endpoint().toString()).isEqualTo("http://127.0.0.1:" + port);
        extra.close();
        assertThatCode(extra::close).doesNotThrowAnyException();
        WireServer again = WireServer.start(WireServerOptions.defaults().withPort(port), backend, null);
        again.close();
    }

    private static String post(String target, String body) {
        return "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: " + target
                + "\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** Reads one response with a Content-Length body; headers are lower-cased. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder response = new StringBuilder(readLine(in));
        int length = 0;
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            response.append('\n').append(lower);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(
                        lower.substring("content-length:".length()).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return response.append("\n\n")
                .append(new String(body, StandardCharsets.UTF_8))
                .toString();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
