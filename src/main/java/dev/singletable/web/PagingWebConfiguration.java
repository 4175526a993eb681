package dev.singletable.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Binds the paged endpoints' {@link PageQuery} with {@link PageQueryResolver}. A custom resolver comes before Spring
 * MVC's catch-all model-attribute binding, which otherwise takes a PageQuery (nothing earlier claims one: it carries no
 * {@code @ModelAttribute} or {@code @RequestParam}).
 */
@Configuration(proxyBeanMethods = false)
class PagingWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PageQueryResolver());
    }
}
