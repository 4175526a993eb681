package dev.singletable.engine.global;

import dev.singletable.engine.error.EngineErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableWitnessGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;

/**
 * Multi-Region strong consistency (MRSC, 2025) [1]: the shape AWS requires of the UpdateTable that creates such a global
 * table — three regions in one call, either two replicas or a replica and a witness, in regions that offer it — and
 * its messages (as recorded by the AWS Controllers for Kubernetes' API-quirks lab). The engine checks the request as
 * AWS does, then answers that it replicates with eventual consistency only.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html">How DynamoDB global tables work</a>
 */
final class MultiRegionRules {

    /** Regions AWS does not offer MRSC in (recorded: us-west-1). */
    private static final Set<String> WITHOUT_STRONG_CONSISTENCY = Set.of("us-west-1");

    private MultiRegionRules() {}

    static void check(
            String localRegion, List<ReplicationGroupUpdate> replicas, List<GlobalTableWitnessGroupUpdate> witnesses) {
        if (witnesses.size() > 1) {
            throw EngineErrors.shapeViolations(List.of("Value '" + witnesses + "' at 'globalTableWitnessUpdates' "
                    + "failed to satisfy constraint: Member must have length less than or equal to 1"));
        }
        List<String> replicaRegions = new ArrayList<>();
        for (ReplicationGroupUpdate u : replicas) {
            if (u.create() != null) {
                replicaRegions.add(u.create().regionName());
            }
        }
        List<String> witnessRegions = new ArrayList<>();
        for (GlobalTableWitnessGroupUpdate w : witnesses) {
            if (w.create() != null) {
                witnessRegions.add(w.create().regionName());
            }
        }
        for (String w : witnessRegions) {
            if (replicaRegions.contains(w)) {
                throw GlobalErrors.sameRegionTwice();
            }
            if (w.equals(localRegion)) {
                throw GlobalErrors.witnessInOwnRegion();
            }
        }
        TreeSet<String> unsupported = new TreeSet<>();
        for (String region : replicaRegions) {
            if (WITHOUT_STRONG_CONSISTENCY.contains(region)) {
                unsupported.add(region);
            }
        }
        for (String region : witnessRegions) {
            if (WITHOUT_STRONG_CONSISTENCY.contains(region)) {
                unsupported.add(region);
            }
        }
        if (!unsupported.isEmpty()) {
            throw EngineErrors.validation("Unsupported Region(s) specified for global tables with "
                    + "MultiRegionConsistency set to STRONG: " + unsupported + ".");
        }
        if (replicaRegions.size() + witnessRegions.size() != 2) {
            throw GlobalErrors.strongReplicaCount();
        }
    }
}
