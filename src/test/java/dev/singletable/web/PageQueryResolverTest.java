package dev.singletable.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/**
 * The page query's shortcut must bind exactly what Spring's model-attribute binding binds, and only where that binding
 * accepts the request: it is checked here against the real binder and validator on seeded random query strings.
 */
class PageQueryResolverTest {

    @SuppressWarnings("unused") // its parameter is the one resolved
    void list(@Valid PageQuery page) {}

    private static final MethodParameter PARAMETER = parameter();

    private static MethodParameter parameter() {
        try {
            MethodParameter p =
                    new MethodParameter(PageQueryResolverTest.class.getDeclaredMethod("list", PageQuery.class), 0);
            p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            return p;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private final ServletRequestDataBinderFactory binders = binderFactory();

    private static ServletRequestDataBinderFactory binderFactory() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
        initializer.setValidator(validator);
        initializer.setConversionService(new DefaultFormattingConversionService());
        return new ServletRequestDataBinderFactory(null, initializer);
    }

    /** What Spring's own binding gives: the page query, or null where it refuses the request. */
    private @Nullable PageQuery bySpring(MockHttpServletRequest request) throws Exception {
        try {
            return (PageQuery) new ServletModelAttributeMethodProcessor(true)
                    .resolveArgument(PARAMETER, new ModelAndViewContainer(), new ServletWebRequest(request), binders);
        } catch (MethodArgumentNotValidException refused) {
            return null;
        }
    }

    private PageQuery byResolver(MockHttpServletRequest request) throws Exception {
        return (PageQuery) new PageQueryResolver()
                .resolveArgument(PARAMETER, new ModelAndViewContainer(), new ServletWebRequest(request), binders);
    }

    private static MockHttpServletRequest request(String... parameters) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/users/ann/tweets");
        for (int i = 0; i < parameters.length; i += 2) {
            request.addParameter(parameters[i], parameters[i + 1]);
        }
        return request;
    }

    @Test
    void plainRequestsTakeTheShortcutAndGetWhatSpringBinds() throws Exception {
        for (MockHttpServletRequest request : List.of(
                request(),
                request("limit", "1"),
                request("limit", "20"),
                request("limit", "100"),
                request("cursor", "eyJwayI6IlVTRVIjYW5uIn0"),
                request("limit", "7", "cursor", "abc", "category", "Kitchen"))) {
            PageQuery shortcut = PageQueryResolver.plainlyValid(request);
            assertThat(shortcut).isNotNull().isEqualTo(bySpring(request));
        }
        assertThat(PageQueryResolver.plainlyValid(request())).isEqualTo(PageQuery.first());
    }

    @Test
    void everythingElseIsLeftToSpringsBinding() throws Exception {
        // refused by Spring, or read by it in a way the shortcut does not model: octal, hex, trimmed, a default
        for (String limit : List.of("0", "101", "-1", "+5", "05", "010", "0x10", "#10", " 5", "5 ", "", "abc", "1e2")) {
            assertThat(PageQueryResolver.plainlyValid(request("limit", limit)))
                    .as("limit=%s", limit)
                    .isNull();
        }
        MockHttpServletRequest repeated = request("limit", "5", "limit", "6");
        MockHttpServletRequest emptyCursor = request("cursor", "");
        MockHttpServletRequest defaulted = request("!limit", "7");
        MockHttpServletRequest marked = request("_cursor", "");
        MockHttpServletRequest header = request();
        header.addHeader("Limit", "7");
        MockHttpServletRequest uriVariable = request();
        uriVariable.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("cursor", "c"));
        for (MockHttpServletRequest request : List.of(repeated, emptyCursor, defaulted, marked, header, uriVariable)) {
            assertThat(PageQueryResolver.plainlyValid(request)).isNull();
        }
        // why those are left to Spring: it reads them, each its own way
        assertThat(bySpring(defaulted)).isEqualTo(new PageQuery(7, null));
        assertThat(bySpring(header)).isEqualTo(new PageQuery(7, null));
        assertThat(byResolver(header)).isEqualTo(new PageQuery(7, null));
        assertThat(bySpring(request("limit", "010"))).isEqualTo(byResolver(request("limit", "010")));
        assertThatThrownBy(() -> byResolver(request("limit", "0"))).isInstanceOf(MethodArgumentNotValidException.class);
        assertThatThrownBy(() -> byResolver(request("limit", "abc")))
                .isInstanceOf(MethodArgumentNotValidException.class);
    }

    @Test
    void onSeededRandomQueryStringsTheResolverAnswersAsSpringDoes() throws Exception {
        Random random = new Random(20261205);
        String[] limits = {"1", "9", "20", "99", "100", "101", "0", "007", "12", "-3", "+4", " 8", "x", "", "1000", "50"
        };
        String[] cursors = {"abc", "", "eyJhIjoxfQ", " ", "a b", "%", "null"};
        int shortcuts = 0;
        for (int i = 0; i < 2_000; i++) {
            MockHttpServletRequest request = request();
            int limitCount = random.nextInt(4) == 0 ? 0 : 1 + (random.nextInt(8) == 0 ? 1 : 0);
            for (int j = 0; j < limitCount; j++) {
                request.addParameter("limit", limits[random.nextInt(limits.length)]);
            }
            if (random.nextBoolean()) {
                request.addParameter("cursor", cursors[random.nextInt(cursors.length)]);
            }
            if (random.nextInt(10) == 0) {
                request.addParameter(random.nextBoolean() ? "!limit" : "_cursor", "5");
            }
            if (random.nextInt(10) == 0) {
                request.addHeader(random.nextBoolean() ? "Cur-sor" : "X-Other", "h");
            }
            PageQuery expected = bySpring(request);
            PageQuery shortcut = PageQueryResolver.plainlyValid(request);
            if (shortcut != null) {
                shortcuts++;
                assertThat(shortcut).as("request %d", i).isEqualTo(expected);
            }
            if (expected == null) {
                assertThatThrownBy(() -> byResolver(request)).isInstanceOf(MethodArgumentNotValidException.class);
            } else {
                assertThat(byResolver(request)).as("request %d", i).isEqualTo(expected);
            }
        }
        assertThat(shortcuts).isBetween(500, 1_900); // the shortcut is taken, and not for everything
    }
}
