package dev.singletable.engine.core;

import dev.singletable.engine.storage.IndexData;
import dev.singletable.engine.storage.TableData;
import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.table.KeyDef;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.value.AttributeValues;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** A table of the catalog: its current definition (replaced whole on every control-plane change) and its data. */
public final class Table {

    private volatile TableDefinition definition;
    private final TableData data = new TableData();
    /** Until when (epoch ms) the table shows CREATING / UPDATING; kept in memory only (see Engine#statusOf). */
    private volatile long creatingUntil;
    private volatile long updatingUntil;

    Table(TableDefinition definition) {
        this.definition = definition;
        for (IndexDef index : definition.globalIndexes()) {
            data.addIndex(indexData(index));
        }
        for (IndexDef index : definition.localIndexes()) {
            data.addIndex(indexData(index));
        }
    }

    public TableDefinition definition() {
        return definition;
    }

    void definition(TableDefinition newDefinition) {
        this.definition = newDefinition;
    }

    public TableData data() {
        return data;
    }

    public String name() {
        return definition.name();
    }

    /** CREATING or UPDATING while a transient status lasts, else ACTIVE (a deleted table's is the engine's to say). */
    TableStatus status(long nowMillis) {
        if (nowMillis < creatingUntil) {
            return TableStatus.CREATING;
        }
        return nowMillis < updatingUntil ? TableStatus.UPDATING : TableStatus.ACTIVE;
    }

    void creatingUntil(long millis) {
        this.creatingUntil = millis;
    }

    void updatingUntil(long millis) {
        this.updatingUntil = millis;
    }

    IndexData indexData(IndexDef index) {
        KeyDef tableKey = definition.primaryKey();
        return new IndexData(index.name(), new IndexData.Shape() {
            @Override
            public List<String> hashNames() {
                return index.key().hashNames();
            }

            @Override
            public List<ScalarAttributeType> hashTypes() {
                return index.key().hashParts().stream().map(KeyDef.KeyPart::type).toList();
            }

            @Override
            public List<String> rangeNames() {
                return index.key().rangeNames();
            }

            @Override
            public List<ScalarAttributeType> rangeTypes() {
                return index.key().rangeParts().stream().map(KeyDef.KeyPart::type).toList();
            }

            @Override
            public Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
                return index.project(item, tableKey);
            }

            @Override
            public boolean projectsAll() {
                return index.projection() == ProjectionType.ALL;
            }

            @Override
            public boolean local() {
                return !index.global();
            }
        }, AttributeValues::itemSize);
    }
}
