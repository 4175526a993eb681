package dev.singletable.engine.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;

/** SELECT against DynamoDB Local's own PartiQL: key reads, scans, projections, indexes, paging, and their errors. */
class PartiqlSelectTest extends PartiqlDifferentialTest {

    @Test
    void selectsByFullKeyByPartitionAndByScan() {
        String h = hashTable();
        fillHash(h, 5);
        String c = compositeTable();
        fillComposite(c, 3, 4);
        same("SELECT * FROM \"" + h + "\" WHERE pk = 'k1'");
        same("SELECT * FROM " + h + " WHERE \"pk\" = 'k1'");
        same("SELECT * FROM \"" + h + "\" WHERE pk = 'nope'");
        same("SELECT * FROM \"" + h + "\"");
        same("SELECT * FROM \"" + h + "\" WHERE n > 2");
        same("SELECT * FROM \"" + c + "\" WHERE pk = 'p1'");
        same("SELECT * FROM \"" + c + "\" WHERE pk = 'p1' AND sk > 1");
        same("SELECT * FROM \"" + c + "\" WHERE pk = 'p1' AND sk BETWEEN 1 AND 2");
        same("SELECT * FROM \"" + c + "\" WHERE pk = 'p1' AND sk = 2");
        same("SELECT * FROM \"" + c + "\" WHERE 'p1' = pk AND sk = 1");
        same("SELECT * FROM \"" + c + "\" WHERE pk = 'p1' AND sk = 1 AND v = 'v11'");
        same("SELECT * FROM \"" + c + "\" WHERE pk = 'p1' AND v <> 'v11'");
        same("SELECT * FROM \"" + c + "\" WHERE sk = 1");
        same("SELECT * FROM \"" + c + "\" WHERE pk = 'p1' OR sk = 1");
        sameIgnoringOrder("SELECT * FROM \"" + c + "\" WHERE pk = 'p1' AND sk <> 1");
        sameIgnoringOrder("SELECT * FROM \"" + c + "\" WHERE pk = 'p1' AND sk > 1 AND sk < 3");
        sameIgnoringOrder("SELECT * FROM \"" + h + "\" WHERE pk IN ['k1', 'k2']");
        sameIgnoringOrder("SELECT * FROM \"" + c + "\" WHERE pk IN ['p1', 'p2'] AND sk >= 2");
        sameIgnoringOrder("SELECT * FROM \"" + h + "\" WHERE pk = 'k1' OR pk = 'k2'");
    }

    @Test
    void conditions() {
        String h = hashTable();
        fillHash(h, 5);
        String t = "\"" + h + "\"";
        same("SELECT pk FROM " + t + " WHERE n BETWEEN 1 AND 2");
        same("SELECT pk FROM " + t + " WHERE begins_with(name, 'name1')");
        same("SELECT pk FROM " + t + " WHERE contains(m.b, 'x') AND n < 2");
        same("SELECT pk FROM " + t + " WHERE m.a IS MISSING");
        same("SELECT pk FROM " + t + " WHERE zz IS MISSING AND n = 1");
        same("SELECT pk FROM " + t + " WHERE zz IS NOT MISSING");
        same("SELECT pk FROM " + t + " WHERE name IS NULL");
        same("SELECT pk FROM " + t + " WHERE n IS NUMERIC AND n <= 1");
        same("SELECT pk FROM " + t + " WHERE m IS STRUCT AND NOT n = 1");
        same("SELECT pk FROM " + t + " WHERE n IS STRING");
        same("SELECT pk FROM " + t + " WHERE attribute_type(n, 'N') AND n = 1");
        same("SELECT pk FROM " + t + " WHERE size(name) = 5 AND n = 1");
        same("SELECT pk FROM " + t + " WHERE n <> 1");
        same("SELECT pk FROM " + t + " WHERE n != 1");
        same("SELECT pk FROM " + t + " WHERE n IN [1, 2]");
        same("SELECT pk FROM " + t + " WHERE n IN (1, 2)");
        same("SELECT pk FROM " + t + " WHERE n = '1'");
        same("SELECT pk FROM " + t + " WHERE pk = \"k1\"");
        same("SELECT pk FROM " + t + " WHERE m.b[0] = 'x' AND n = 1");
        same("SELECT pk FROM " + t + " WHERE m['b'][1] = 'y2'");
        same("SELECT pk FROM " + t + " WHERE n = 1 OR (n = 2 AND name = 'name2')");
        same("SELECT pk FROM " + t + " WHERE attribute_exists(zz)");
        same("SELECT pk FROM " + t + " WHERE zz = MISSING");
        same("SELECT pk FROM " + t + " WHERE foo(zz)");
        same("SELECT pk FROM " + t + " WHERE n = 1 + 1");
        same("SELECT pk FROM " + t + " WHERE n");
        same("SELECT pk FROM " + t + " WHERE value = 1");
    }

    @Test
    void projections() {
        String h = hashTable();
        fillHash(h, 3);
        String t = "\"" + h + "\"";
        same("SELECT pk, m.a, m.b[1], name FROM " + t + " WHERE pk = 'k1'");
        same("SELECT m FROM " + t + " WHERE pk = 'k1'");
        same("SELECT nope FROM " + t + " WHERE pk = 'k1'");
        same("SELECT \"pk\", \"m\".\"a\" FROM " + t + " WHERE pk = 'k1'");
        same("SELECT m['a'] FROM " + t + " WHERE pk = 'k1'");
        same("SELECT m.a, a FROM " + t + " WHERE pk = 'k1'");
        same("SELECT *, pk FROM " + t + " WHERE pk = 'k1'");
        same("SELECT COUNT(*) FROM " + t);
        same("SELECT m.b[5] FROM " + t + " WHERE pk = 'k1'");
    }

    @Test
    void indexesAndOrdering() {
        String c = compositeTable();
        fillComposite(c, 3, 4);
        String t = "\"" + c + "\"";
        same("SELECT * FROM " + t + ".\"byG\" WHERE g = 'g1'");
        same("SELECT * FROM " + t + ".\"byG\" WHERE g = 'g1' AND sk = 3");
        same("SELECT * FROM " + t + ".\"gKeys\" WHERE g = 'g1'");
        same("SELECT v FROM " + t + ".\"gKeys\" WHERE g = 'g1'");
        same("SELECT * FROM " + t + ".\"byL\" WHERE pk = 'p1'");
        same("SELECT * FROM " + t + ".\"byL\" WHERE pk = 'p1' AND l > 'l2'");
        same("SELECT * FROM " + t + ".\"byL\" WHERE pk = 'p1' ORDER BY l DESC");
        same("SELECT * FROM " + t + ".\"nope\" WHERE g = 'g1'");
        same("SELECT * FROM " + t + ".\"byG\".\"x\" WHERE g = 'g1'");
        same(statement("SELECT * FROM " + t + ".\"byG\" WHERE g = 'g1'").toBuilder()
                .consistentRead(true)
                .build());
        same("SELECT * FROM " + t + " WHERE pk = 'p1' ORDER BY sk DESC");
        same("SELECT * FROM " + t + " WHERE pk = 'p1' ORDER BY sk");
        same("SELECT * FROM " + t + " WHERE pk = 'p1' AND sk > 1 ORDER BY sk DESC");
        same("SELECT * FROM " + t + " WHERE pk = 'p1' AND v = 'v11' ORDER BY sk DESC");
        same("SELECT * FROM " + t + " ORDER BY sk DESC");
        same("SELECT * FROM " + t + " WHERE pk = 'p1' ORDER BY v");
        same("SELECT * FROM " + t + " WHERE v = 'v11' ORDER BY sk");
    }

    @Test
    void parametersAndKeyTypes() {
        String c = compositeTable();
        fillComposite(c, 2, 3);
        String t = "\"" + c + "\"";
        same("SELECT * FROM " + t + " WHERE pk = ?", s("p1"));
        same("SELECT * FROM " + t + " WHERE pk = ? AND sk >= ?", s("p1"), n("1"));
        same("SELECT * FROM " + t + " WHERE pk = ?");
        same("SELECT * FROM " + t + " WHERE pk = ? AND sk = ?", s("p1"));
        same("SELECT * FROM " + t + " WHERE pk = 'p1'", s("extra"));
        same("SELECT * FROM " + t + " WHERE pk = ?", n("1"));
        same("SELECT * FROM " + t + " WHERE pk = 1");
        same("SELECT * FROM " + t + " WHERE pk = 'p1' AND sk = 'x'");
        same("SELECT * FROM " + t + " WHERE pk = 'p1' AND begins_with(sk, '1')");
        same(
                "SELECT * FROM " + t + " WHERE pk = ?",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder()
                        .build());
    }

    @Test
    void malformedStatementsAndMissingTables() {
        String h = hashTable();
        String t = "\"" + h + "\"";
        same("SELEC * FROM " + t);
        same("SELECT * FROM " + t + " WHERE");
        same("SELECT * FROM " + t + " WHERE pk = 'k1");
        same("SELECT * FROM " + t + " WHERE pk == 'k1'");
        same("SELECT * FROM " + t + " AS x WHERE pk = 'k1'");
        same("SELECT * FROM " + t + " WHERE pk = 'k1';");
        same("select * from " + t + " where pk = 'k1'");
        same("SELECT * FROM \"NoSuchTable\"");
        same("SELECT * FROM \"NoSuchTable\" WHERE pk = 'x'");
        same("foo");
        same("EXISTS(SELECT * FROM " + t + " WHERE pk = 'k1' AND a = 1)");
        same("SELECT * FROM " + t + " WHERE pk = 'k1' AND EXISTS(SELECT * FROM " + t + " WHERE pk = 'k1')");
    }

    @Test
    void pagesWithLimitAndNextToken() {
        String h = hashTable();
        fillHash(h, 7);
        String c = compositeTable();
        fillComposite(c, 3, 4);
        ExecuteStatementRequest scan =
                statement("SELECT * FROM \"" + h + "\"").toBuilder().limit(2).build();
        assertThat(samePages(scan)).hasSize(4);
        samePages(statement("SELECT * FROM \"" + h + "\" WHERE n = 2").toBuilder()
                .limit(1)
                .build());
        samePages(statement("SELECT * FROM \"" + c + "\" WHERE pk = 'p1'").toBuilder()
                .limit(3)
                .build());
        samePages(statement("SELECT * FROM \"" + c + "\" WHERE pk = 'p1' AND sk = 1").toBuilder()
                .limit(1)
                .build());
        samePages(statement("SELECT * FROM \"" + c + "\" WHERE pk IN ['p0', 'p2']").toBuilder()
                .limit(3)
                .build());
        same(statement("SELECT * FROM \"" + h + "\"").toBuilder().limit(0).build());
        same(statement("SELECT * FROM \"" + h + "\"").toBuilder()
                .nextToken("abc")
                .build());
    }

    @Test
    void aNextTokenOnlyContinuesTheRequestItWasIssuedFor() {
        String h = hashTable();
        fillHash(h, 4);
        ExecuteStatementRequest first =
                statement("SELECT * FROM \"" + h + "\"").toBuilder().limit(1).build();
        String token = executor.executeStatement(first).nextToken();
        assertThat(token).isNotNull();
        ExecuteStatementRequest other = statement("SELECT pk FROM \"" + h + "\"").toBuilder()
                .nextToken(token)
                .build();
        Observed o = Observed.of(() -> executor.executeStatement(other));
        assertThat(o.message()).isEqualTo("NextToken does not match request");
    }
}
