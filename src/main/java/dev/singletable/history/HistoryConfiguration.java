package dev.singletable.history;

import dev.singletable.streams.ConditionalOnStreams;
import dev.singletable.table.TableProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The audit history: a projector of every change into {@code <table>-history}, and that table in the local modes. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnStreams
class HistoryConfiguration {

    @Bean
    HistoryProjector historyProjector(DynamoDbClient dynamo, TableProperties table) {
        return new HistoryProjector(dynamo, HistoryProjector.historyTableOf(table.name()));
    }

    /** Local stores get the history table from the service; on AWS, Terraform owns it. */
    @Bean(initMethod = "ensureTable")
    @ConditionalOnExpression("'${singletable.storage.mode:embedded}'.toLowerCase() != 'aws'")
    HistoryTableBootstrap historyTableBootstrap(DynamoDbClient dynamo, TableProperties table) {
        return new HistoryTableBootstrap(dynamo, HistoryProjector.historyTableOf(table.name()));
    }
}
