package dev.singletable.web;

import dev.singletable.resilience.WriteRateLimits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the per-user write limit in front of the API's controllers. Optional so web slices without the resilience
 * configuration still start; the service always has it.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitWebConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<WriteRateLimits> limits;

    RateLimitWebConfiguration(ObjectProvider<WriteRateLimits> limits) {
        this.limits = limits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        limits.ifAvailable(available -> registry.addInterceptor(new WriteRateLimitInterceptor(available))
                .addPathPatterns("/api/**"));
    }
}
