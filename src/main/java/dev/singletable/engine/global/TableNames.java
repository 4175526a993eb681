package dev.singletable.engine.global;

/** A TableName parameter may be the table's name or its ARN ({@code arn:aws:dynamodb:region:account:table/name}). */
final class TableNames {

    private TableNames() {}

    static String of(String tableNameOrArn) {
        if (tableNameOrArn == null || !tableNameOrArn.startsWith("arn:")) {
            return tableNameOrArn;
        }
        int at = tableNameOrArn.indexOf(":table/");
        if (at < 0) {
            return tableNameOrArn;
        }
        String rest = tableNameOrArn.substring(at + ":table/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
