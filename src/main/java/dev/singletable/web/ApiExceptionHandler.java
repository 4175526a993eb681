package dev.singletable.web;

import dev.singletable.resilience.StoreErrors;
import dev.singletable.table.RetryableStoreException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns every failure into an RFC 9457 problem with a stable {@link ProblemType}: the service's own
 * {@link ApiException}s, Spring MVC's errors (validation, unreadable bodies, 404/405/415), the security errors raised
 * inside controllers, and the store's errors. A throttled or unreachable store is 503 with {@code Retry-After}; anything
 * unexpected is a bare 500. No response carries an exception message from a library or a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** Seconds a client should wait after a 503: long enough for the SDK's own retries to have been exhausted. */
    static final String RETRY_AFTER_SECONDS = "1";

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApi(ApiException e, HttpServletResponse response) {
        ProblemDetail problem = problem(e.type(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (e.type().status().value() == 401 && !response.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (e.properties().get("retryAfterSeconds") instanceof Long seconds
                && !response.containsHeader(HttpHeaders.RETRY_AFTER)) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return ResponseEntity.status(e.type().status()).headers(headers).body(problem);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> handleAuthentication(AuthenticationException e, HttpServletResponse response) {
        return handleApi(new ApiException(ProblemType.UNAUTHENTICATED, "A valid bearer token is required"), response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException e, HttpServletResponse response) {
        return handleApi(ApiException.forbidden("You may not do this"), response);
    }

    @ExceptionHandler(RetryableStoreException.class)
    ResponseEntity<ProblemDetail> handleContention(RetryableStoreException e) {
        log.warn("Store write could not complete: {}", e.getMessage());
        return unavailable("Too many concurrent changes to the same data; retry shortly");
    }

    /** The store's circuit breaker is open: the store failed repeatedly, so calls are refused for a while. */
    @ExceptionHandler(CallNotPermittedException.class)
    ResponseEntity<ProblemDetail> handleOpenCircuit(CallNotPermittedException e) {
        log.warn("Store call refused: {}", e.getMessage());
        return unavailable("The data store is unavailable; retry shortly");
    }

    @ExceptionHandler(SdkException.class)
    ResponseEntity<ProblemDetail> handleStore(SdkException e) {
        if (isTransient(e)) {
            log.warn("The store is throttling or unavailable: {}", e.toString());
            return unavailable("The data store is busy or unavailable; retry shortly");
        }
        if (e instanceof AwsServiceException refused && refused.statusCode() == 400) {
            // The store refused the request itself (a ValidationException: a key over the size limit...). The
            // service validates what it sends, so this is a bug in the service, not the client's error: fix the
            // validation, do not turn this into a 400 here.
            log.error(
                    "BUG: the store refused a request the service built ({}); a check of the input is missing",
                    refused.awsErrorDetails() == null
                            ? "?"
                            : refused.awsErrorDetails().errorCode(),
                    e);
            return internalError();
        }
        log.error("Unexpected error from the data store", e);
        return internalError();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        log.error("Unexpected error", e);
        return internalError();
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), message(error)));
        }
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return validation(errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                if (error instanceof FieldError fieldError) {
                    errors.add(new FieldProblem(fieldError.getField(), message(fieldError)));
                } else {
                    errors.add(new FieldProblem(name, error.getDefaultMessage()));
                }
            }
        });
        return validation(errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validation(List.of(new FieldProblem(e.getPropertyName(), mustBeValid(e))), headers);
    }

    /**
     * A field's own message, except where the value could not be converted to the field's type (a query parameter
     * bound into an object such as {@link PageQuery}): then the words a lone {@code @RequestParam} gets, not the
     * converter's message, which names Java classes.
     */
    private static @Nullable String message(FieldError error) {
        if (error.isBindingFailure() && error.contains(TypeMismatchException.class)) {
            return mustBeValid(error.unwrap(TypeMismatchException.class));
        }
        return error.getDefaultMessage();
    }

    /** "must be a valid int": a boxed type is named as its primitive, the same for {@code int} and {@code Integer}. */
    private static String mustBeValid(TypeMismatchException e) {
        Class<?> required = e.getRequiredType();
        String type = required == null
                ? "value"
                : MethodType.methodType(required)
                        .unwrap()
                        .returnType()
                        .getSimpleName()
                        .toLowerCase(Locale.ROOT);
        return "must be a valid " + type;
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validation(List.of(new FieldProblem(e.getParameterName(), "is required")), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The parser's message would echo internals (class names, positions); say what is wrong in our own words.
        FieldProblem wrongType = JsonFieldProblems.of(e.getCause());
        if (wrongType != null) {
            return validation(List.of(wrongType), headers);
        }
        ProblemDetail problem = problem(
                ProblemType.MALFORMED_REQUEST,
                "The request body is missing, is not valid JSON, or has a value of the wrong type");
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    /** Every other framework error arrives here with Spring's own ProblemDetail: give it our type and title. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof ErrorResponse framework) {
            body = framework.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem && isBlankType(problem)) {
            ProblemType type = ProblemType.forStatus(status.value());
            problem.setType(type.type());
            problem.setTitle(type.title());
            if (status.is5xxServerError()) {
                problem.setDetail(null);
            }
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    static ProblemDetail problem(ProblemType type, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        return problem;
    }

    private static boolean isBlankType(ProblemDetail problem) {
        return problem.getType() == null
                || "about:blank".equals(problem.getType().toString());
    }

    private static ResponseEntity<Object> validation(List<FieldProblem> errors, HttpHeaders headers) {
        ProblemDetail problem = problem(ProblemType.VALIDATION, "The request has invalid fields");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    private static ResponseEntity<ProblemDetail> unavailable(String detail) {
        return ResponseEntity.status(ProblemType.SERVICE_UNAVAILABLE.status())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem(ProblemType.SERVICE_UNAVAILABLE, detail));
    }

    private static ResponseEntity<ProblemDetail> internalError() {
        return ResponseEntity.internalServerError()
                .body(problem(ProblemType.INTERNAL_ERROR, "Something went wrong on our side"));
    }

    /**
     * Throttling, a 5xx from the store, no answer at all (connection refused, timeout), or a transaction that kept
     * conflicting: worth retrying later (StoreErrors is the one definition, shared with the store's retry).
     */
    static boolean isTransient(SdkException e) {
        return StoreErrors.isRetryable(e);
    }
}
