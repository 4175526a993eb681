package dev.singletable.engine.fidelity;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * PartiQL end to end through our engine's client against DynamoDB Local: statements, parameters, batches and
 * transactions, and their errors (the partiql package tests its translator in depth).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartiqlTest extends DifferentialTest {

    private String table;

    @BeforeAll
    void createTable() {
        table = hashRangeTable("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
        for (int i = 0; i < 6; i++) {
            putAll(table, "{'pk':{'S':'p'},'sk':{'N':'" + i + "'},'v':{'N':'" + (i % 2) + "'},'s':{'S':'x" + i + "'}}");
        }
    }

    private void statement(String text, AttributeValue... parameters) {
        same(c -> c.executeStatement(r -> {
            r.statement(text.replace("$T", "\"" + table + "\""));
            if (parameters.length > 0) {
                r.parameters(List.of(parameters));
            }
        }));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT * FROM $T WHERE pk = 'p'",
                "SELECT sk, s FROM $T WHERE pk = 'p' AND sk > 2",
                "SELECT * FROM $T WHERE pk = 'p' AND sk BETWEEN 1 AND 3",
                "SELECT * FROM $T WHERE pk = 'p' AND v = 1",
                "SELECT * FROM $T WHERE pk = 'p' ORDER BY sk DESC",
                "SELECT * FROM $T WHERE pk = 'nobody'",
                "SELECT * FROM $T WHERE pk = 'p' AND begins_with(s, 'x1')",
                "SELECT * FROM $T WHERE pk IN ['p', 'q']",
                "SELECT s FROM $T WHERE pk = 'p' AND sk = 3",
                "SELECT * FROM \"no_such_table\"",
                "SELECT * FROM $T WHERE",
                "SELEC * FROM $T",
                "SELECT * FROM $T WHERE pk = 'p' AND sk = 'text'",
                "SELECT * FROM $T.\"no_index\""
            })
    void selects(String text) {
        statement(text);
    }

    @Test
    void writes() {
        statement("INSERT INTO $T VALUE {'pk': 'w', 'sk': 1, 'v': 10}");
        statement("SELECT * FROM $T WHERE pk = 'w'");
        statement("UPDATE $T SET v = v + 5 WHERE pk = 'w' AND sk = 1");
        statement("UPDATE $T SET s = 'new' REMOVE v WHERE pk = 'w' AND sk = 1 RETURNING ALL NEW *");
        statement("UPDATE $T SET v = 1 WHERE pk = 'w' AND sk = 99");
        statement("DELETE FROM $T WHERE pk = 'w' AND sk = 1 RETURNING ALL OLD *");
        statement("DELETE FROM $T WHERE pk = 'w' AND sk = 1");
        statement("INSERT INTO $T VALUE {'pk': ?, 'sk': ?, 'v': ?}", s("w"), n("2"), av("{'L':[{'S':'a'}]}"));
        statement("SELECT * FROM $T WHERE pk = ? AND sk = ?", s("w"), n("2"));
        statement("INSERT INTO $T VALUE {'pk': 'w'}");
        statement("INSERT INTO $T VALUE {'pk': 'w', 'sk': 'one'}");
        statement("UPDATE $T SET pk = 'x' WHERE pk = 'w' AND sk = 2");
        statement("SELECT * FROM $T WHERE pk = ?");
    }

    /** DynamoDB Local's error code for a duplicate INSERT is "DuplicateItem"; AWS's is DuplicateItemException. */
    @Test
    void duplicateInsert() {
        statement("INSERT INTO $T VALUE {'pk': 'dup', 'sk': 1}");
        awsDiffers(
                c -> c.executeStatement(r -> r.statement("INSERT INTO \"" + table + "\" VALUE {'pk': 'dup', 'sk': 1}")),
                "DuplicateItemException",
                "Duplicate primary key exists in table");
    }

    @Test
    void batchesAndTransactions() {
        same(c -> c.batchExecuteStatement(r -> r.statements(
                BatchStatementRequest.builder()
                        .statement("SELECT * FROM \"" + table + "\" WHERE pk = 'p' AND sk = 1")
                        .build(),
                BatchStatementRequest.builder()
                        .statement("UPDATE \"" + table + "\" SET v = 7 WHERE pk = 'p' AND sk = 2")
                        .build(),
                BatchStatementRequest.builder()
                        .statement("SELECT * FROM \"" + table + "\" WHERE pk = 'zz' AND sk = 1")
                        .build())));
        same(c -> c.executeTransaction(r -> r.transactStatements(
                ParameterizedStatement.builder()
                        .statement("UPDATE \"" + table + "\" SET v = 8 WHERE pk = 'p' AND sk = 3")
                        .build(),
                ParameterizedStatement.builder()
                        .statement("INSERT INTO \"" + table + "\" VALUE {'pk': 't', 'sk': 1}")
                        .build())));
        same(c -> c.executeTransaction(r -> r.transactStatements(
                ParameterizedStatement.builder()
                        .statement("UPDATE \"" + table + "\" SET v = 9 WHERE pk = 'p' AND sk = 3")
                        .build(),
                ParameterizedStatement.builder()
                        .statement("INSERT INTO \"" + table + "\" VALUE {'pk': 't', 'sk': 1}")
                        .build())));
        same(c -> c.executeStatement(r -> r.statement("SELECT * FROM \"" + table + "\" WHERE pk = 'p' AND sk = 3")));
        same(c -> c.executeTransaction(r -> r.transactStatements(
                ParameterizedStatement.builder()
                        .statement("SELECT * FROM \"" + table + "\" WHERE pk = 'p' AND sk = 3")
                        .build(),
                ParameterizedStatement.builder()
                        .statement("SELECT * FROM \"" + table + "\" WHERE pk = 't' AND sk = 1")
                        .build())));
        same(c -> c.getItem(r -> r.tableName(table).key(Map.of("pk", s("t"), "sk", n("1")))));
    }
}
