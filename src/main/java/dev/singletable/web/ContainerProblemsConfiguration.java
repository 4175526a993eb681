package dev.singletable.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link ContainerProblemValve} where Tomcat's error report valve was. Ordered last, so that it runs after Spring
 * Boot's own customizer has added its {@link ErrorReportValve}, which it then removes.
 */
@Configuration(proxyBeanMethods = false)
class ContainerProblemsConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> containerProblems() {
        return new ContainerProblemsCustomizer();
    }

    static final class ContainerProblemsCustomizer
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> replaceErrorReportValve(context.getParent()));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private static void replaceErrorReportValve(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ContainerProblemValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ContainerProblemValve());
        if (host instanceof StandardHost standard) {
            // Otherwise the host adds Tomcat's own valve on start, as it finds none of its configured class.
            standard.setErrorReportValveClass(ContainerProblemValve.class.getName());
        }
    }
}
