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

/** A table of the catalog: its current definition (replaced whole on every control-plane change) and its data. */
public final class Table {

    private volatile TableDefinition definition;
    private final TableData data = new TableData();

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
