package dev.singletable.engine.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;

/** BatchExecuteStatement and ExecuteTransaction against DynamoDB Local's own PartiQL. */
class PartiqlBatchAndTransactionTest extends PartiqlDifferentialTest {

    @Test
    void batchReadsAnswerEachStatementOnItsOwn() {
        String h = "\"" + hashTable() + "\"";
        fillHash(h.replace("\"", ""), 3);
        String c = "\"" + compositeTable() + "\"";
        fillComposite(c.replace("\"", ""), 2, 2);
        sameBatch(
                "SELECT * FROM " + h + " WHERE pk = 'k1'",
                "SELECT * FROM " + h + " WHERE pk = 'zz'",
                "SELECT pk, m.a FROM " + h + " WHERE pk = 'k2'",
                "SELECT v FROM " + c + " WHERE pk = 'p1' AND sk = 1");
        sameBatch("SELECT * FROM " + h, "SELECT * FROM " + h + " WHERE pk = 'k1'");
        sameBatch("SELECT * FROM " + c + " WHERE pk = 'p1'", "SELECT * FROM " + h + " WHERE pk = 'k1' AND n = 1");
        sameBatch("SELECT * FROM " + c + ".\"byG\" WHERE g = 'g1' AND sk = 1 AND pk = 'p1'");
        sameBatch("SELECT * FROM \"NoSuchTable\" WHERE pk = 'p1'", "SELECT * FROM " + h + " WHERE pk = 'k1'");
        sameBatch("SELECT * FROM " + h + " WHERE pk = 'k1'", "SELECEEEE");
        sameBatch("SELECT * FROM " + h + " WHERE pk = 'k1'", "SELEC x");
        sameBatch("SELECT * FROM " + h + " WHERE pk = 'k1'", "SELECT * FROM " + h + " WHERE pk = 'k1'");
        sameBatch(BatchExecuteStatementRequest.builder()
                .statements(
                        BatchStatementRequest.builder()
                                .statement("SELECT * FROM " + h + " WHERE pk = ?")
                                .build(),
                        BatchStatementRequest.builder()
                                .statement("SELECT * FROM " + h + " WHERE pk = ?")
                                .parameters(s("k2"))
                                .consistentRead(true)
                                .build())
                .build());
    }

    @Test
    void batchWritesReportPerStatementErrors() {
        String h = "\"" + hashTable() + "\"";
        fillHash(h.replace("\"", ""), 5);
        sameBatch(
                "INSERT INTO " + h + " VALUE {'pk': 'b1'}",
                "INSERT INTO " + h + " VALUE {'pk': 'k1'}",
                "UPDATE " + h + " SET a = 1 WHERE pk = 'k2'",
                "DELETE FROM " + h + " WHERE pk = 'k3'");
        sameBatch(
                "UPDATE " + h + " SET a = 1 WHERE pk = 'zzz'",
                "UPDATE " + h + " SET a = 1 WHERE pk = 'k2' AND a = 5",
                "SELEC x");
        sameBatch("INSERT INTO \"NoSuchTable\" VALUE {'pk': 'x'}", "INSERT INTO " + h + " VALUE {'pk': 'b2'}");
        sameBatch("INSERT INTO " + h + " VALUE {'pk': 'b3'}", "INSERT INTO " + h + " VALUE {'pk': 'b3'}");
        sameBatch("UPDATE " + h + " SET a = 1 WHERE pk = 'k1'", "UPDATE " + h + " SET b = 1 WHERE pk = 'k1'");
        sameBatch(
                "DELETE FROM " + h + " WHERE pk = 'b1' RETURNING ALL OLD *",
                "UPDATE " + h + " SET q = 1 WHERE pk = 'k4' RETURNING ALL NEW *");
        sameBatch("DELETE FROM " + h + " WHERE pk = 'nothing' AND a = 1");
        sameBatch("SELECT * FROM " + h + " WHERE pk = 'k1'", "INSERT INTO " + h + " VALUE {'pk': 'b9'}");
        sameBatch(BatchExecuteStatementRequest.builder()
                .statements(BatchStatementRequest.builder()
                        .statement("UPDATE " + h + " SET a = 2 WHERE pk = 'k2' AND a = 7")
                        .returnValuesOnConditionCheckFailure("ALL_OLD")
                        .build())
                .build());
        sameBatch("SELECT * FROM " + h + " WHERE pk = 'k2'");
    }

    @Test
    void transactionsReadAndWriteAllOrNothing() {
        String h = "\"" + hashTable() + "\"";
        fillHash(h.replace("\"", ""), 4);
        String c = "\"" + compositeTable() + "\"";
        fillComposite(c.replace("\"", ""), 2, 2);
        sameTransaction(
                "SELECT * FROM " + h + " WHERE pk = 'k1'",
                "SELECT pk FROM " + c + " WHERE pk = 'p1' AND sk = 1",
                "SELECT * FROM " + h + " WHERE pk = 'none'");
        sameTransaction(
                "INSERT INTO " + h + " VALUE {'pk': 't1'}",
                "UPDATE " + h + " SET a = 1 WHERE pk = 'k1'",
                "DELETE FROM " + h + " WHERE pk = 'k0'");
        sameTransaction(
                "INSERT INTO " + h + " VALUE {'pk': 't2'}",
                "UPDATE " + h + " SET a = 1 WHERE pk = 'k1' AND a = 5",
                "DELETE FROM " + h + " WHERE pk = 'k2'");
        sameTransaction("INSERT INTO " + h + " VALUE {'pk': 't1'}", "UPDATE " + h + " SET a = 2 WHERE pk = 'k1'");
        sameTransaction(
                "INSERT INTO " + h + " VALUE {'pk': 't3'}",
                "EXISTS(SELECT * FROM " + h + " WHERE pk = 'k1' AND a = 1)");
        sameTransaction("UPDATE " + h + " SET a = 1 WHERE pk = 'nonexistent'");
        sameTransaction(
                "SELECT * FROM " + h + " WHERE pk = 'k1'",
                "SELECT * FROM " + h + " WHERE pk = 't1'",
                "SELECT * FROM " + h + " WHERE pk = 't3'",
                "SELECT * FROM " + h + " WHERE pk = 'k2'");
        List<ParameterizedStatement> failing = List.of(
                ParameterizedStatement.builder()
                        .statement("INSERT INTO " + h + " VALUE {'pk': 't4'}")
                        .build(),
                ParameterizedStatement.builder()
                        .statement("UPDATE " + h + " SET a = 1 WHERE pk = 'k1' AND a = 5")
                        .returnValuesOnConditionCheckFailure("ALL_OLD")
                        .build());
        sameTransaction(
                ExecuteTransactionRequest.builder().transactStatements(failing).build());
    }

    @Test
    void transactionValidation() {
        String h = "\"" + hashTable() + "\"";
        fillHash(h.replace("\"", ""), 2);
        String c = "\"" + compositeTable() + "\"";
        sameTransaction("SELECT * FROM " + h + " WHERE pk = 'k1'", "INSERT INTO " + h + " VALUE {'pk': 't1'}");
        sameTransaction("INSERT INTO " + h + " VALUE {'pk': 't4'}", "EXISTS(SELECT * FROM " + h + " WHERE pk = 'k1')");
        sameTransaction("INSERT INTO " + h + " VALUE {'pk': 't5'}", "INSERT INTO " + h + " VALUE {'pk': 't5'}");
        sameTransaction("SELECT * FROM " + h + " WHERE n = 1");
        sameTransaction("SELECT * FROM " + h + " WHERE pk = 'k1' AND n = 1");
        sameTransaction("SELECT * FROM " + c + ".\"byG\" WHERE g = 'g1' AND sk = 1");
        sameTransaction("DELETE FROM " + h + " WHERE pk = 'k1' RETURNING ALL OLD *");
        sameTransaction("INSERT INTO " + h + " VALUE {'pk': 't6'}", "SELEC");
        sameTransaction("INSERT INTO " + h + " VALUE {'pk': 't6'}", "SELECT * FROM WHERE");
        sameTransaction("INSERT INTO " + h + " VALUE {'x': 'zz1'}", "UPDATE " + h + " SET a = 1 WHERE pk = 'k1'");
        sameTransaction("INSERT INTO " + h + " VALUE {'pk': 1}", "DELETE FROM " + h + " WHERE pk = 'k0'");
        sameTransaction("UPDATE " + h + " SET a = 1 WHERE pk = 'k1'", "DELETE FROM " + h + " WHERE pk = 'k1'");
        sameTransaction("EXISTS(SELECT * FROM " + h + " WHERE n = 1)");
    }

    @Test
    void transactionClientRequestTokenIsIdempotent() {
        String h = "\"" + hashTable() + "\"";
        ExecuteTransactionRequest first = ExecuteTransactionRequest.builder()
                .clientRequestToken("token-1")
                .transactStatements(ParameterizedStatement.builder()
                        .statement("INSERT INTO " + h + " VALUE {'pk': 't7'}")
                        .build())
                .build();
        sameTransaction(first);
        sameTransaction(first);
        // The mismatch error comes from the target's TransactWriteItems, whose wording is the target's own.
        ExecuteTransactionRequest reused = first.toBuilder()
                .transactStatements(ParameterizedStatement.builder()
                        .statement("INSERT INTO " + h + " VALUE {'pk': 't8'}")
                        .build())
                .build();
        assertThat(Observed.of(() -> executor.executeTransaction(reused)).errorCode())
                .isEqualTo(Observed.of(() -> oracle.executeTransaction(reused)).errorCode())
                .isEqualTo("IdempotentParameterMismatchException");
    }

    @Test
    void sizeLimits() {
        String h = "\"" + hashTable() + "\"";
        List<BatchStatementRequest> batch = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            batch.add(BatchStatementRequest.builder()
                    .statement("SELECT * FROM " + h + " WHERE pk = 'x" + i + "'")
                    .build());
        }
        Observed tooBig = Observed.of(() -> executor.batchExecuteStatement(
                BatchExecuteStatementRequest.builder().statements(batch).build()));
        assertThat(tooBig.errorCode()).isEqualTo("ValidationException");
        assertThat(tooBig.message()).contains("'statements'").contains("less than or equal to 25");
        List<ParameterizedStatement> tx = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tx.add(ParameterizedStatement.builder()
                    .statement("INSERT INTO " + h + " VALUE {'pk': 'x" + i + "'}")
                    .build());
        }
        Observed tooMany = Observed.of(() -> executor.executeTransaction(
                ExecuteTransactionRequest.builder().transactStatements(tx).build()));
        assertThat(tooMany.errorCode()).isEqualTo("ValidationException");
        assertThat(tooMany.message()).contains("'transactStatements'").contains("less than or equal to 100");
    }
}
