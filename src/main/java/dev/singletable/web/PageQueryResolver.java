package dev.singletable.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;

/**
 * Binds a {@link PageQuery} straight from {@code ?limit=} and {@code ?cursor=} when the request plainly holds a valid
 * one (a limit of 1–{@value Paging#MAX_LIMIT} written as plain digits, a non-empty cursor, each given once, and
 * nothing else Spring's binder would read for them); every other request goes to Spring's own model-attribute binding
 * and Bean Validation, so whatever they reject is rejected with exactly the same problem as before.
 *
 * <p>Why: the generic binder constructs the record reflectively (constructor and parameter-name discovery, generic
 * type resolution, conversion) and runs the validator on every page request. In the profile of
 * {@code GET /api/users/{u}/tweets} (issue 21, docs/benchmarks.md "Service") that was a fifth of the request's CPU, for
 * two query parameters whose valid forms fit in one line each.
 */
final class PageQueryResolver implements HandlerMethodArgumentResolver {

    private static final String LIMIT = "limit";
    private static final String CURSOR = "cursor";

    /** What Spring would do with the parameter: bind its fields from the request, then validate it (@Valid). */
    private final HandlerMethodArgumentResolver binder = new ServletModelAttributeMethodProcessor(true);

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageQuery.class;
    }

    @Override
    public @Nullable Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binderFactory)
            throws Exception {
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        PageQuery plain = http == null ? null : plainlyValid(http);
        return plain != null ? plain : binder.resolveArgument(parameter, container, request, binderFactory);
    }

    /**
     * The page query a valid request asks for, or null where Spring's binder must decide: anything it could read
     * differently (a repeated or oddly written value, an empty cursor, the binder's {@code _name} and {@code !name}
     * parameters, a URI variable or a header of the same name) or would refuse.
     */
    static @Nullable PageQuery plainlyValid(HttpServletRequest request) {
        String[] limits = request.getParameterValues(LIMIT);
        String[] cursors = request.getParameterValues(CURSOR);
        if ((limits != null && (limits.length != 1 || !isPlainLimit(limits[0])))
                || (cursors != null && (cursors.length != 1 || cursors[0].isEmpty()))
                || hasBinderPrefixedParameter(request)
                || hasUriVariable(request)
                || ((limits == null || cursors == null) && hasHeaderNamedLikeAField(request))) {
            return null;
        }
        return new PageQuery(
                limits == null ? Integer.valueOf(Paging.DEFAULT_LIMIT) : Integer.valueOf(limits[0]),
                cursors == null ? null : cursors[0]);
    }

    /** 1 to MAX_LIMIT in plain decimal digits, no sign, no leading zero, no spaces. */
    private static boolean isPlainLimit(String s) {
        int n = s.length();
        if (n == 0 || n > 3 || s.charAt(0) == '0') {
            return false;
        }
        int value = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= Paging.MAX_LIMIT;
    }

    /** The binder reads {@code !limit} as a default and {@code _limit} as a field marker (WebDataBinder). */
    private static boolean hasBinderPrefixedParameter(HttpServletRequest request) {
        return request.getParameter("!" + LIMIT) != null
                || request.getParameter("_" + LIMIT) != null
                || request.getParameter("!" + CURSOR) != null
                || request.getParameter("_" + CURSOR) != null;
    }

    private static boolean hasUriVariable(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && (variables.containsKey(LIMIT) || variables.containsKey(CURSOR));
    }

    /**
     * Spring 6.2+ also binds a field the query string lacks from a request header of that name, dashes removed
     * (ExtendedServletRequestDataBinder); such a request, however unlikely, is left to it.
     */
    private static boolean hasHeaderNamedLikeAField(HttpServletRequest request) {
        Enumeration<String> names = request.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement().replace("-", "");
            if (name.equalsIgnoreCase(LIMIT) || name.equalsIgnoreCase(CURSOR)) {
                return true;
            }
        }
        return false;
    }
}
