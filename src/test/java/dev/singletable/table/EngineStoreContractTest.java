package dev.singletable.table;

import dev.singletable.support.TestStores;
import org.junit.jupiter.api.AfterAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The store contract on the bundled engine (or DynamoDB Local with -Dsingletable.test.store=dynamodb-local). */
class EngineStoreContractTest extends StoreContract {

    private TestStores.Store store;

    @Override
    DynamoDbClient storeWithTable() {
        store = TestStores.withTable(TABLE);
        return store.dynamo();
    }

    @AfterAll
    void close() {
        store.close();
    }
}
