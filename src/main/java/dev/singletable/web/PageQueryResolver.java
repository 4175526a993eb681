package dev.singletable.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.validation.Errors;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;

/**
 * Binds a {@link PageQuery} argument ({@code @Valid @ParameterObject PageQuery page}) as Spring MVC's model-attribute
 * binding does, which stays the one that decides: a request whose only query parameters are at most one plain
 * {@code limit} from 1 to 100 (digits, no sign, no leading zero) and at most one non-empty {@code cursor}, with nothing
 * else the binder reads for them, is a valid PageQuery of those two values, made here; every other request (an invalid
 * or odd limit, repeated or extra parameters, a header, URI variable or {@code !}/{@code _} prefixed parameter the
 * binder would also read, a request body, a handler that takes the binding's {@code Errors}) goes through {@link ServletModelAttributeMethodProcessor}, exactly as
 * before, with its conversion, validation and errors.
 *
 * <p>Why: constructing a record through the data binder re-reads its constructor's parameter annotations on every
 * request (the JDK does not cache them, and the binder makes new {@code MethodParameter}s per request), then
 * converts and validates: a quarter of the JFR samples of {@code GET /api/users/{u}/tweets}, as much as the
 * controller's own work, and none of it in the ceiling (docs/benchmarks.md, "Service", issue 21). {@code PageQueryResolverTest} holds the two
 * paths equal on seeded random requests.
 */
final class PageQueryResolver implements HandlerMethodArgumentResolver {

    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";

    /**
     * Every name the binder reads a PageQuery's two values from: the parameters, and the field default ({@code !})
     * and field marker ({@code _}) prefixes of {@code WebDataBinder}; the same names as URI variables and headers.
     */
    private static final String[] BOUND_NAMES = {LIMIT, CURSOR, "!" + LIMIT, "!" + CURSOR, "_" + LIMIT, "_" + CURSOR};

    private final HandlerMethodArgumentResolver binding = new ServletModelAttributeMethodProcessor(true);

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageQuery.class;
    }

    @Override
    public @Nullable Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binders)
            throws Exception {
        PageQuery plain = plain(parameter, container, request.getNativeRequest(HttpServletRequest.class));
        return plain != null ? plain : binding.resolveArgument(parameter, container, request, binders);
    }

    /** The page a plain request asks for; null when the binder must decide. */
    static @Nullable PageQuery plain(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            @Nullable HttpServletRequest request) {
        if (request == null
                || request.getContentType() != null
                || errorsFollow(parameter)
                || (container != null && container.containsAttribute(ModelFactory.getNameForParameter(parameter)))
                || readsElsewhere(request)) {
            return null;
        }
        Map<String, String[]> parameters = request.getParameterMap();
        String[] limits = parameters.get(LIMIT);
        String[] cursors = parameters.get(CURSOR);
        int known = (limits == null ? 0 : 1) + (cursors == null ? 0 : 1);
        if (parameters.size() != known) {
            return null;
        }
        Integer limit = null;
        if (limits != null) {
            limit = limits.length == 1 ? plainLimit(limits[0]) : null;
            if (limit == null) {
                return null;
            }
        }
        String cursor = null;
        if (cursors != null) {
            if (cursors.length != 1 || cursors[0].isEmpty()) {
                return null;
            }
            cursor = cursors[0];
        }
        // an absent limit is the default, as PageQuery's constructor makes it
        return new PageQuery(limit != null ? limit : Integer.valueOf(Paging.DEFAULT_LIMIT), cursor);
    }

    /** A handler that takes the binding's Errors after the PageQuery (none does today) needs the binder's. */
    private static boolean errorsFollow(MethodParameter parameter) {
        Class<?>[] types = parameter.getExecutable().getParameterTypes();
        int next = parameter.getParameterIndex() + 1;
        return next < types.length && Errors.class.isAssignableFrom(types[next]);
    }

    /** A header or URI variable the binder would read a value from (it does when the parameter is absent). */
    private static boolean readsElsewhere(HttpServletRequest request) {
        Object uriVariables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        for (String name : BOUND_NAMES) {
            if (request.getHeader(name) != null
                    || (uriVariables instanceof Map<?, ?> variables && variables.containsKey(name))) {
                return true;
            }
        }
        return false;
    }

    /** 1 to {@value Paging#MAX_LIMIT} written as plain decimal digits, no sign, no leading zero; else null. */
    static @Nullable Integer plainLimit(String text) {
        int length = text.length();
        if (length == 0 || length > 3 || text.charAt(0) == '0') {
            return null;
        }
        int value = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return value <= Paging.MAX_LIMIT ? value : null;
    }
}
