package dev.singletable.support;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What full-stack tests add to the service: a clock they can move, and, when asked with
 * {@code -Dsingletable.test.store=dynamodb-local}, DynamoDB Local in place of the bundled engine (to tell an engine bug
 * from a service bug). By default they run on the bundled engine, in memory.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FullStackTestConfiguration {

    public static final String STORE_PROPERTY = "singletable.test.store";

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = STORE_PROPERTY, havingValue = "dynamodb-local")
    static class DynamoDbLocalStore {

        @Bean(destroyMethod = "shutdown")
        AmazonDynamoDBLocal dynamoDbLocal() {
            return DynamoDBEmbedded.create(true);
        }

        @Bean
        @Primary
        DynamoDbClient dynamoDbLocalClient(AmazonDynamoDBLocal local) {
            return local.dynamoDbClient();
        }
    }
}
