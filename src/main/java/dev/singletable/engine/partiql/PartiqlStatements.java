package dev.singletable.engine.partiql;

import org.jspecify.annotations.Nullable;

/**
 * What a PartiQL statement does and to which table, for access control: SELECT, INSERT, UPDATE and DELETE are the
 * IAM actions {@code dynamodb:PartiQLSelect}, {@code PartiQLInsert}, {@code PartiQLUpdate}, {@code PartiQLDelete}
 * [1]; an EXISTS check of a transaction reads, so it is a Select.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-iam.html">IAM security policies with PartiQL for DynamoDB</a>
 */
public final class PartiqlStatements {

    /**
     * @param verb  Select, Insert, Update or Delete
     * @param table the table the statement names
     * @param index the index it reads ({@code "table"."index"}), or null
     */
    public record Described(
            String verb, String table, @Nullable String index) {}

    private PartiqlStatements() {}

    /** The statement's verb and table, or null when it does not parse (the engine then answers its error). */
    public static @Nullable Described describe(@Nullable String statement) {
        if (statement == null) {
            return null;
        }
        Ast.Statement parsed;
        try {
            parsed = Parser.parse(statement).statement();
        } catch (RuntimeException e) {
            return null;
        }
        if (parsed instanceof Ast.Select s) {
            return new Described("Select", s.from().table(), s.from().index());
        }
        if (parsed instanceof Ast.Exists e) {
            return new Described(
                    "Select", e.select().from().table(), e.select().from().index());
        }
        if (parsed instanceof Ast.Insert i) {
            return new Described("Insert", i.into().table(), null);
        }
        if (parsed instanceof Ast.Update u) {
            return new Described("Update", u.table().table(), null);
        }
        if (parsed instanceof Ast.Delete d) {
            return new Described("Delete", d.from().table(), null);
        }
        return null;
    }
}
