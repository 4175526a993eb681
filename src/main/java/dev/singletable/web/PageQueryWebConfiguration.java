package dev.singletable.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers {@link PageQueryResolver}. Spring consults resolvers added here after its annotation-driven ones and
 * before its catch-all model-attribute binding, which is where an unannotated {@link PageQuery} went before.
 */
@Configuration(proxyBeanMethods = false)
class PageQueryWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PageQueryResolver());
    }
}
