package dev.singletable.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/**
 * {@link PageQueryResolver} binds every request to what Spring MVC's model-attribute binding makes of it (the binding
 * before issue 21's shortcut): the same PageQuery, or the same validation errors. Seeded random requests (seed
 * 20261205) mix plain first pages and cursors with everything else the binder reads: limits out of range, signed,
 * padded, hexadecimal or not numbers, repeated parameters, extra parameters, {@code !}/{@code _} prefixed names, the
 * same names as headers and URI variables, a request body's content type.
 */
class PageQueryResolverTest {

    private static final LocalValidatorFactoryBean VALIDATOR = validator();

    private static final List<String> LIMITS = List.of(
            "1",
            "5",
            "20",
            "99",
            "100",
            "101",
            "0",
            "00",
            "05",
            "-1",
            "+5",
            " 5",
            "5 ",
            "0x10",
            "#10",
            "1e1",
            "2.0",
            "abc",
            "",
            "2147483648",
            "1000");
    private static final List<String> CURSORS = List.of("eyJleHAiOjF9.c2ln", "x", "", " ", "a,b", "%20");
    private static final List<String> OTHER_NAMES = List.of("!limit", "_limit", "!cursor", "_cursor", "foo", "limit.x");

    private final HandlerMethodArgumentResolver binder = new ServletModelAttributeMethodProcessor(true);
    private final HandlerMethodArgumentResolver resolver = new PageQueryResolver();
    private final ServletRequestDataBinderFactory binders = new ServletRequestDataBinderFactory(null, initializer());
    private final MethodParameter parameter = parameter();

    @SuppressWarnings("unused") // its parameter is the one resolved, as a controller declares it
    void endpoint(@Valid PageQuery page) {}

    @SuppressWarnings("unused") // a handler that reads the binding's errors itself
    void endpointWithErrors(@Valid PageQuery page, Errors errors) {}

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    @Test
    void everyRequestBindsAsSpringsModelAttributeBindingBindsIt() throws Exception {
        Random random = new Random(20261205);
        int plain = 0;
        for (int i = 0; i < 5_000; i++) {
            MockHttpServletRequest request = randomRequest(random);
            String expected = outcome(binder, request);
            String actual = outcome(resolver, request);
            assertThat(actual)
                    .as("%s?%s", request.getRequestURI(), describe(request))
                    .isEqualTo(expected);
            if (PageQueryResolver.plain(parameter, new ModelAndViewContainer(), request) != null) {
                plain++;
            }
        }
        assertThat(plain).as("requests bound without the binder").isGreaterThan(500);
    }

    @Test
    void aFirstPageAndAPageWithACursorAreBoundWithoutTheBinder() {
        MockHttpServletRequest first = new MockHttpServletRequest("GET", "/api/timeline");
        MockHttpServletRequest next = new MockHttpServletRequest("GET", "/api/timeline");
        next.addParameter("limit", "100");
        next.addParameter("cursor", "abc.def");

        assertThat(PageQueryResolver.plain(parameter, new ModelAndViewContainer(), first))
                .isEqualTo(PageQuery.first());
        assertThat(PageQueryResolver.plain(parameter, new ModelAndViewContainer(), next))
                .isEqualTo(new PageQuery(100, "abc.def"));
    }

    @Test
    void aHandlerThatTakesTheBindingsErrorsGetsTheBinder() throws NoSuchMethodException {
        MethodParameter page = new MethodParameter(
                PageQueryResolverTest.class.getDeclaredMethod("endpointWithErrors", PageQuery.class, Errors.class), 0);

        assertThat(PageQueryResolver.plain(
                        page, new ModelAndViewContainer(), new MockHttpServletRequest("GET", "/api/timeline")))
                .isNull();
    }

    private String outcome(HandlerMethodArgumentResolver how, MockHttpServletRequest request) {
        try {
            return String.valueOf(how.resolveArgument(
                    parameter, new ModelAndViewContainer(), new ServletWebRequest(request), binders));
        } catch (MethodArgumentNotValidException invalid) {
            List<String> errors = new ArrayList<>();
            for (FieldError error : invalid.getBindingResult().getFieldErrors()) {
                errors.add(error.getField() + " " + List.of(error.getCodes()) + " " + error.getRejectedValue() + " "
                        + error.getDefaultMessage() + " " + error.isBindingFailure());
            }
            errors.add(invalid.getBindingResult().getGlobalErrors().toString());
            return "invalid " + errors;
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static MockHttpServletRequest randomRequest(Random random) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/users/ann/tweets");
        if (random.nextInt(3) > 0) {
            addTimes(request, "limit", random, LIMITS);
        }
        if (random.nextInt(3) > 0) {
            addTimes(request, "cursor", random, CURSORS);
        }
        if (random.nextInt(8) == 0) {
            request.addParameter(OTHER_NAMES.get(random.nextInt(OTHER_NAMES.size())), pick(random, LIMITS));
        }
        if (random.nextInt(10) == 0) {
            request.addHeader(random.nextBoolean() ? "Limit" : "cursor", pick(random, LIMITS));
        }
        if (random.nextInt(20) == 0) {
            request.addHeader(random.nextBoolean() ? "_limit" : "!cursor", pick(random, LIMITS));
        }
        if (random.nextInt(20) == 0) {
            request.addHeader("Li-mit", pick(random, LIMITS));
        }
        if (random.nextInt(10) == 0) {
            request.setAttribute(
                    HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                    Map.of(random.nextBoolean() ? "username" : "limit", pick(random, LIMITS)));
        }
        if (random.nextInt(15) == 0) {
            request.setContentType(random.nextBoolean() ? "application/json" : "application/x-www-form-urlencoded");
        }
        return request;
    }

    /** Usually once, sometimes twice. */
    private static void addTimes(MockHttpServletRequest request, String name, Random random, List<String> values) {
        int times = random.nextInt(8) == 0 ? 2 : 1;
        for (int i = 0; i < times; i++) {
            // plain values most of the time, as real clients send them
            request.addParameter(name, random.nextBoolean() ? values.get(random.nextInt(2)) : pick(random, values));
        }
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String describe(MockHttpServletRequest request) {
        StringBuilder text = new StringBuilder();
        request.getParameterMap()
                .forEach((name, values) ->
                        text.append(name).append('=').append(List.of(values)).append('&'));
        request.getHeaderNames()
                .asIterator()
                .forEachRemaining(name ->
                        text.append(" header ").append(name).append(": ").append(request.getHeader(name)));
        text.append(" vars ").append(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE));
        return text.toString();
    }

    private MethodParameter parameter() {
        try {
            Method endpoint = PageQueryResolverTest.class.getDeclaredMethod("endpoint", PageQuery.class);
            MethodParameter page = new MethodParameter(endpoint, 0);
            page.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            return page;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The binder as Spring Boot configures Spring MVC's: a formatting conversion service and Bean Validation. */
    private static ConfigurableWebBindingInitializer initializer() {
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
        initializer.setConversionService(new DefaultFormattingConversionService());
        initializer.setValidator(VALIDATOR);
        return initializer;
    }

    private static LocalValidatorFactoryBean validator() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return validator;
    }
}
