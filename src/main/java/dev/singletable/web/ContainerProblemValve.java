package dev.singletable.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * Errors Tomcat answers itself, before any servlet sees the request (headers over
 * {@code server.max-http-request-header-size}, a malformed request line or URI), as RFC 9457 problems like every other
 * error of the API, in place of Tomcat's HTML error page. Replaces the {@link ErrorReportValve} Spring Boot installs
 * ({@link ContainerProblemsConfiguration}).
 */
class ContainerProblemValve extends ErrorReportValve {

    /** Tomcat's own message for a request line plus headers over its buffer, localised as Tomcat localises it. */
    private static final String HEADERS_TOO_LARGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemType type = typeOf(response.getStatus(), throwable);
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + type.type() + "\",\"title\":\"" + type.title() + "\",\"status\":"
                        + type.status().value() + ",\"detail\":\"" + detail(type) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The client is gone or the response cannot be written: nothing left to tell anyone.
        }
    }

    private static ProblemType typeOf(int status, @Nullable Throwable throwable) {
        if (throwable != null && HEADERS_TOO_LARGE.equals(throwable.getMessage())) {
            return ProblemType.REQUEST_TOO_LARGE;
        }
        return status == 400 ? ProblemType.MALFORMED_REQUEST : ProblemType.forStatus(status);
    }

    /** Fixed texts (no JSON escaping needed): what went wrong, never the container's message. */
    private static String detail(ProblemType type) {
        return switch (type) {
            case REQUEST_TOO_LARGE -> "The request line and headers are too large";
            case MALFORMED_REQUEST -> "The request is not valid HTTP";
            case INTERNAL_ERROR -> "Something went wrong on our side";
            default -> type.title();
        };
    }
}
