package dev.singletable.engine.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;

/** INSERT, UPDATE and DELETE against DynamoDB Local's own PartiQL, and the one place where we follow AWS instead. */
class PartiqlWriteTest extends PartiqlDifferentialTest {

    @Test
    void insertsItemsOfEveryType() {
        String t = "\"" + hashTable() + "\"";
        same("INSERT INTO " + t + " VALUE {'pk': 'a', 'n': 1, 'l': [1, 'x', true, null], "
                + "'m': {'ss': <<'s1','s2'>>, 'ns': <<1,2>>}, 'e': ''}");
        same("SELECT * FROM " + t + " WHERE pk = 'a'");
        same("INSERT INTO " + t + " VALUE {'pk': ?, 'v': ?}", s("b"), n("5"));
        same("INSERT INTO " + t + " VALUE {'pk': 'c', 'n': 1.50, 'z': -0, 'x': 1e3}");
        same("SELECT * FROM " + t + " WHERE pk = 'c'");
        same("INSERT INTO " + t + " VALUE {'pk': 'd', 'pk': 'z'}");
        same("INSERT INTO " + t + " VALUE {\"pk\": 'd'}");
        same("INSERT INTO " + t + " VALUE {'pk': 1}");
        same("INSERT INTO " + t + " VALUE {'x': 1}");
        same("INSERT INTO " + t + " VALUE {'pk': ''}");
        same("INSERT INTO " + t + " VALUE {'pk': 'd', 'e': <<>>}");
        same("INSERT INTO " + t + " VALUE {'pk': 'd', 'e': MISSING}");
        same("INSERT INTO " + t + " VALUE {'pk': 'd', 'e': <<'a', 1>>}");
        same("INSERT INTO " + t + " VALUE {'pk': 'd', 'b': `{a:1}`}");
        same("INSERT INTO " + t + " VALUE {'pk': 'd'} RETURNING ALL OLD *");
        same("INSERT INTO " + t + " VALUE [{'pk': 'd'}]");
        same("INSERT INTO " + t + " VALUE {'pk': 'd'}, {'pk': 'e'}");
        same("INSERT INTO \"NoSuchTable\" VALUE {'pk': 'x'}");
        String c = "\"" + compositeTable() + "\"";
        same("INSERT INTO " + c + ".\"byG\" VALUE {'pk': 'x', 'sk': 1}");
        same("INSERT INTO " + c + " VALUE {'pk': 'x', 'sk': 1, 'g': 5}");
        same("INSERT INTO " + c + " VALUE {'pk': 'x'}");
    }

    @Test
    void aDuplicateInsertIsDuplicateItemExceptionAsInAws() {
        String t = "\"" + hashTable() + "\"";
        same("INSERT INTO " + t + " VALUE {'pk': 'a'}");
        ExecuteStatementRequest again = statement("INSERT INTO " + t + " VALUE {'pk': 'a'}");
        Observed ours = Observed.of(() -> executor.executeStatement(again));
        Observed local = Observed.of(() -> oracle.executeStatement(again));
        assertThat(local.errorCode()).isEqualTo("DuplicateItem");
        assertThat(ours.errorCode()).isEqualTo("DuplicateItemException");
        assertThat(ours.message()).isEqualTo(local.message()).isEqualTo("Duplicate primary key exists in table");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> executor.executeStatement(again))
                .isInstanceOf(DuplicateItemException.class);
    }

    @Test
    void updatesWithSetRemoveConditionsAndReturning() {
        String t = "\"" + hashTable() + "\"";
        same("INSERT INTO " + t + " VALUE {'pk': 'a', 'a': 1, 'b': [1, 2], 'c': {'d': <<'s1', 's2'>>}}");
        same("UPDATE " + t + " SET a = 2 WHERE pk = 'a'");
        same("UPDATE " + t + " SET a = a + 5 SET zz = 'x' REMOVE b WHERE pk = 'a' RETURNING ALL NEW *");
        same("UPDATE " + t + " SET a = 9 WHERE pk = 'missing'");
        same("UPDATE " + t + " REMOVE q WHERE pk = 'missing'");
        same("UPDATE " + t + " SET a = 9 WHERE pk = 'a' AND a = 100");
        same("UPDATE " + t + " SET a = 9 WHERE pk = 'a' AND a = 7 RETURNING MODIFIED OLD *");
        same("UPDATE " + t + " SET a = 10 WHERE pk = 'a' RETURNING MODIFIED NEW *");
        same("UPDATE " + t + " SET a = 11 WHERE pk = 'a' RETURNING ALL OLD *");
        same("UPDATE " + t + " SET a = 11 WHERE a = 10");
        same("UPDATE " + t + " SET pk = 'y' WHERE pk = 'a'");
        same("UPDATE " + t + " SET c.d = set_add(c.d, <<'s3'>>) WHERE pk = 'a' RETURNING ALL NEW *");
        same("UPDATE " + t + " SET c.d = set_delete(c.d, <<'s1'>>) WHERE pk = 'a' RETURNING ALL NEW *");
        same("UPDATE " + t + " SET c = set_add(d, <<'a'>>) WHERE pk = 'a'");
        same("UPDATE " + t + " SET a = if_not_exists(a, 5) WHERE pk = 'a' RETURNING MODIFIED NEW *");
        same("UPDATE " + t + " SET a = 5 - a WHERE pk = 'a' RETURNING MODIFIED NEW *");
        same("UPDATE " + t + " SET l = list_append([0], [1]) WHERE pk = 'a' RETURNING MODIFIED NEW *");
        same("UPDATE " + t + " SET l[0] = 'first' WHERE pk = 'a' RETURNING MODIFIED NEW *");
        same("UPDATE " + t + " SET \"a b\" = 'x' WHERE pk = 'a' RETURNING MODIFIED NEW *");
        same("UPDATE " + t + " SET q = ? WHERE pk = ?", n("3"), s("a"));
        same("UPDATE " + t + " SET q = ? WHERE pk = 'a' AND q = ?", n("3"));
        same("UPDATE " + t + " SET zz = NULL WHERE pk = 'a' RETURNING MODIFIED NEW *");
        same("UPDATE " + t + " SET zz = {'a': [1, <<2>>]} WHERE pk = 'a' RETURNING MODIFIED NEW *");
        same("UPDATE " + t + " SET zz = MISSING WHERE pk = 'a'");
        same("UPDATE " + t + " SET w = 1 WHERE pk = 'a' AND zz IS MISSING");
        same("UPDATE " + t + " SET w = 1 WHERE pk = 'a' OR zz = 1");
        same("UPDATE " + t + " SET w = 1 WHERE pk = 'a' AND pk = 'b'");
        same("UPDATE " + t + " SET w = 1 WHERE pk IN ['a']");
        same("UPDATE " + t + " SET a = 1, z.q = 3 WHERE pk = 'a'");
        same("UPDATE " + t + " SET a = 1 SET a = 2 WHERE pk = 'a'");
        same("UPDATE " + t + " WHERE pk = 'a'");
        same("UPDATE " + t + " SET c = 1 WHERE pk = 'a' RETURNING ALL *");
        same("SELECT * FROM " + t + " WHERE pk = 'a'");
    }

    @Test
    void returnValuesOnConditionCheckFailure() {
        String t = "\"" + hashTable() + "\"";
        same("INSERT INTO " + t + " VALUE {'pk': 'a', 'a': 1}");
        same(statement("UPDATE " + t + " SET a = 2 WHERE pk = 'a' AND a = 5").toBuilder()
                .returnValuesOnConditionCheckFailure("ALL_OLD")
                .build());
        same(statement("DELETE FROM " + t + " WHERE pk = 'a' AND a = 5").toBuilder()
                .returnValuesOnConditionCheckFailure("ALL_OLD")
                .build());
    }

    @Test
    void deletes() {
        String t = "\"" + hashTable() + "\"";
        same("INSERT INTO " + t + " VALUE {'pk': 'a', 'n': 1}");
        same("INSERT INTO " + t + " VALUE {'pk': 'b', 'n': 1}");
        same("DELETE FROM " + t + " WHERE pk = 'a'");
        same("DELETE FROM " + t + " WHERE pk = 'a'");
        same("DELETE FROM " + t + " WHERE pk = 'b' AND n = 5");
        same("DELETE FROM " + t + " WHERE pk = 'b' RETURNING ALL NEW *");
        same("DELETE FROM " + t + " WHERE pk = 'b' RETURNING ALL OLD *");
        same("DELETE FROM " + t + " WHERE pk = 'b' RETURNING ALL OLD *");
        same("DELETE FROM " + t + " WHERE n = 1");
        same("DELETE FROM " + t);
        String c = "\"" + compositeTable() + "\"";
        same("DELETE FROM " + c + " WHERE pk = 'x'");
        same("DELETE FROM " + c + " WHERE pk = 'x' AND sk = 1");
        same("DELETE FROM " + c + ".\"byG\" WHERE pk = 'x' AND sk = 1");
        same("DELETE FROM \"NoSuchTable\" WHERE pk = 'x'");
    }
}
