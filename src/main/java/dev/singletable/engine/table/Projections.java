package dev.singletable.engine.table;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * DynamoDB's semantic rules for one index Projection [1] (its shape rules ran earlier): NonKeyAttributes go with
 * INCLUDE only, INCLUDE needs them, and a name appears once. The limit on NonKeyAttributes summed over all of a
 * table's secondary indexes [2] is checked by {@link CreateTableRules}.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Projection.html">Projection</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html">Quotas in Amazon DynamoDB</a>
 */
final class Projections {

    private Projections() {}

    /** Checks the projection and returns its type; the NonKeyAttributes are read by {@link #nonKeyAttributes}. */
    static ProjectionType check(Projection projection) {
        String type = projection.projectionTypeAsString();
        if (type == null) {
            throw Invalid.parameter("Unknown ProjectionType: null");
        }
        ProjectionType parsed = ProjectionType.fromValue(type);
        if (projection.hasNonKeyAttributes() && parsed != ProjectionType.INCLUDE) {
            throw Invalid.parameter("ProjectionType is " + type + ", but NonKeyAttributes is specified");
        }
        if (parsed == ProjectionType.INCLUDE) {
            if (!projection.hasNonKeyAttributes()) {
                throw Invalid.parameter("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
            }
            Set<String> seen = new HashSet<>();
            for (String attribute : projection.nonKeyAttributes()) {
                if (!seen.add(attribute)) {
                    throw Invalid.parameter("Duplicate element in NonKeyAttributes: " + attribute);
                }
            }
        }
        return parsed;
    }

    static List<String> nonKeyAttributes(Projection projection) {
        return projection.hasNonKeyAttributes() ? List.copyOf(projection.nonKeyAttributes()) : List.of();
    }
}
