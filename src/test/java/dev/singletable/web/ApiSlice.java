package dev.singletable.web;

import dev.singletable.sessions.SliceSessions;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * What every controller's {@code @WebMvcTest} slice shares besides its controller and the services it mocks: the
 * application's security over sessions that know {@link SliceCallers}, the paging and cursor signing the controllers
 * use, and a clock. The exception handler and the write limit's interceptor are part of any web slice already.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import({SliceSessions.class, Paging.class, CursorCodec.class, ApiSlice.SliceClock.class})
@TestPropertySource(properties = "singletable.cursor.secret=slice-tests-cursor-secret-0123456789abcdef")
public @interface ApiSlice {

    @TestConfiguration(proxyBeanMethods = false)
    class SliceClock {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
