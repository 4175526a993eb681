package dev.singletable.bench;

import dev.singletable.web.PageQuery;
import jakarta.validation.Valid;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two pieces of a page read's own path (issue 21, docs/benchmarks.md "The page reads' own path, cut"), each beside what
 * it replaced, in one run: binding {@code ?cursor=} into a PageQuery with Spring's model-attribute binding and with
 * {@code web.PageQueryResolver}; writing a page of 20 entries with four strings and an instant each with Jackson's own
 * Instant serializer and with {@code web.InstantText}. Both pieces are package-private: they are taken by reflection
 * once, at set-up (a benchmark in their package would put JMH's generated {@code *_jmhTest} classes where
 * {@code -Dtest='dev/singletable/web/**'} finds them).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class PageReadBenchmark {

    record Entry(String id, String author, String text, Instant createdAt) {}

    record Page(List<Entry> items, String nextCursor) {}

    private static final JsonMapper JACKSON = JsonMapper.builder().build();
    private static final JsonMapper API =
            JsonMapper.builder().addModule(instantText()).build();

    private final LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
    private final HandlerMethodArgumentResolver binder = new ServletModelAttributeMethodProcessor(true);
    private final HandlerMethodArgumentResolver resolver = pageQueryResolver();
    private final ServletRequestDataBinderFactory binders;
    private final MethodParameter parameter;
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/timeline");
    private final Page page;

    @SuppressWarnings("unused") // the parameter resolved, as a controller declares it
    void endpoint(@Valid PageQuery page) {}

    public PageReadBenchmark() {
        validator.afterPropertiesSet();
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
        initializer.setConversionService(new DefaultFormattingConversionService());
        initializer.setValidator(validator);
        binders = new ServletRequestDataBinderFactory(null, initializer);
        try {
            Method endpoint = PageReadBenchmark.class.getDeclaredMethod("endpoint", PageQuery.class);
            parameter = new MethodParameter(endpoint, 0);
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        request.addParameter("cursor", "eyJleHAiOjE3NjUwMDAwMDAsImtleSI6e319.c2lnbmF0dXJl");
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            entries.add(new Entry(
                    "01JD4X7R2M8Q9B3C5V6N7P8K" + (10 + i),
                    "user" + i,
                    "wrk tweet " + i,
                    Instant.ofEpochSecond(1_765_000_000L + i * 61L, i * 1_000_000)));
        }
        page = new Page(entries, "eyJleHAiOjE3NjUwMDAwMDAsImtleSI6e319.c2lnbmF0dXJl");
    }

    private static JacksonModule instantText() {
        try {
            Class<?> configuration = Class.forName("dev.singletable.web.InstantJsonConfiguration");
            var instants = configuration.getDeclaredMethod("instants");
            instants.setAccessible(true);
            return (JacksonModule) instants.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HandlerMethodArgumentResolver pageQueryResolver() {
        try {
            var constructor =
                    Class.forName("dev.singletable.web.PageQueryResolver").getDeclaredConstructor();
            constructor.setAccessible(true);
            return (HandlerMethodArgumentResolver) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @TearDown
    public void close() {
        validator.close();
    }

    @Benchmark
    public Object bindWithSpring() throws Exception {
        return binder.resolveArgument(parameter, new ModelAndViewContainer(), new ServletWebRequest(request), binders);
    }

    @Benchmark
    public Object bindPlain() throws Exception {
        return resolver.resolveArgument(
                parameter, new ModelAndViewContainer(), new ServletWebRequest(request), binders);
    }

    @Benchmark
    public byte[] writeWithJacksonsInstants() {
        return JACKSON.writeValueAsBytes(page);
    }

    @Benchmark
    public byte[] writeWithInstantText() {
        return API.writeValueAsBytes(page);
    }
}
