package dev.singletable.engine.client;

import dev.singletable.engine.backup.BackupOperations;
import dev.singletable.engine.ops.AccountOperations;
import dev.singletable.engine.ops.BatchOperations;
import dev.singletable.engine.ops.ItemOperations;
import dev.singletable.engine.ops.PolicyOperations;
import dev.singletable.engine.ops.QueryOperations;
import dev.singletable.engine.ops.ScanOperations;
import dev.singletable.engine.ops.TableOperations;
import dev.singletable.engine.ops.TransactionOperations;
import dev.singletable.engine.partiql.PartiqlExecutor;
import dev.singletable.engine.validation.RequestShapes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableFromBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableFromBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeRequest;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.TagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/**
 * The engine behind the SDK's {@link DynamoDbClient} interface: no HTTP, no JSON. Each call checks the request's shape
 * first, as AWS does before it looks at any table, then runs the operation.
 */
public final class EngineDynamoDbClient extends UnsupportedDynamoDbOperations {

    private final TableOperations tables;
    private final ItemOperations items;
    private final QueryOperations queries;
    private final ScanOperations scans;
    private final BatchOperations batches;
    private final TransactionOperations transactions;
    private final AccountOperations account;
    private final BackupOperations backups;
    private final PolicyOperations policies;
    /** PartiQL runs as ordinary operations on this very client, so it shares every rule they enforce. */
    private final PartiqlExecutor partiql = new PartiqlExecutor(this);

    public EngineDynamoDbClient(
            TableOperations tables,
            ItemOperations items,
            QueryOperations queries,
            ScanOperations scans,
            BatchOperations batches,
            TransactionOperations transactions,
            AccountOperations account,
            BackupOperations backups,
            PolicyOperations policies) {
        this.account = account;
        this.policies = policies;
        this.backups = backups;
        this.tables = tables;
        this.items = items;
        this.queries = queries;
        this.scans = scans;
        this.batches = batches;
        this.transactions = transactions;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
        return DynamoDbServiceClientConfiguration.builder().build();
    }

    /** The SDK's waiters poll DescribeTable like on AWS; here tables are ready at once, so they return immediately. */
    @Override
    public software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter waiter() {
        return software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter.builder()
                .client(this)
                .build();
    }

    @Override
    public void close() {
        // the engine owns its resources; closing a client handle releases nothing
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        RequestShapes.validate(request);
        return tables.createTable(request);
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        RequestShapes.validate(request);
        return tables.describeTable(request);
    }

    @Override
    public ListTablesResponse listTables(ListTablesRequest request) {
        RequestShapes.validate(request);
        return tables.listTables(request);
    }

    @Override
    public ListTablesResponse listTables() {
        return listTables(ListTablesRequest.builder().build());
    }

    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request) {
        RequestShapes.validate(request);
        return tables.updateTable(request);
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        RequestShapes.validate(request);
        return tables.deleteTable(request);
    }

    @Override
    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
        RequestShapes.validate(request);
        return tables.updateTimeToLive(request);
    }

    @Override
    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
        RequestShapes.validate(request);
        return tables.describeTimeToLive(request);
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        RequestShapes.validate(request);
        return tables.tagResource(request);
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        RequestShapes.validate(request);
        return tables.untagResource(request);
    }

    @Override
    public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request) {
        RequestShapes.validate(request);
        return tables.listTagsOfResource(request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        RequestShapes.validate(request);
        return items.putItem(request);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        RequestShapes.validate(request);
        return items.getItem(request);
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        RequestShapes.validate(request);
        return items.updateItem(request);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        RequestShapes.validate(request);
        return items.deleteItem(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        RequestShapes.validate(request);
        return queries.query(request);
    }

    @Override
    public ScanResponse scan(ScanRequest request) {
        RequestShapes.validate(request);
        return scans.scan(request);
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        RequestShapes.validate(request);
        return batches.batchGetItem(request);
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        RequestShapes.validate(request);
        return batches.batchWriteItem(request);
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        RequestShapes.validate(request);
        return transactions.transactWriteItems(request);
    }

    @Override
    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
        RequestShapes.validate(request);
        return transactions.transactGetItems(request);
    }

    @Override
    public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
        RequestShapes.validate(request);
        return account.describeLimits(request);
    }

    @Override
    public DescribeEndpointsResponse describeEndpoints(DescribeEndpointsRequest request) {
        RequestShapes.validate(request);
        return account.describeEndpoints(request);
    }

    @Override
    public CreateBackupResponse createBackup(CreateBackupRequest request) {
        RequestShapes.validate(request);
        return backups.createBackup(request);
    }

    @Override
    public DescribeBackupResponse describeBackup(DescribeBackupRequest request) {
        RequestShapes.validate(request);
        return backups.describeBackup(request);
    }

    @Override
    public ListBackupsResponse listBackups(ListBackupsRequest request) {
        RequestShapes.validate(request);
        return backups.listBackups(request);
    }

    @Override
    public ListBackupsResponse listBackups() {
        return listBackups(ListBackupsRequest.builder().build());
    }

    @Override
    public DeleteBackupResponse deleteBackup(DeleteBackupRequest request) {
        RequestShapes.validate(request);
        return backups.deleteBackup(request);
    }

    @Override
    public RestoreTableFromBackupResponse restoreTableFromBackup(RestoreTableFromBackupRequest request) {
        RequestShapes.validate(request);
        return backups.restoreTableFromBackup(request);
    }

    @Override
    public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest request) {
        RequestShapes.validate(request);
        return backups.updateContinuousBackups(request);
    }

    @Override
    public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest request) {
        RequestShapes.validate(request);
        return backups.describeContinuousBackups(request);
    }

    @Override
    public RestoreTableToPointInTimeResponse restoreTableToPointInTime(RestoreTableToPointInTimeRequest request) {
        RequestShapes.validate(request);
        return backups.restoreTableToPointInTime(request);
    }

    @Override
    public PutResourcePolicyResponse putResourcePolicy(PutResourcePolicyRequest request) {
        RequestShapes.validate(request);
        return policies.putResourcePolicy(request);
    }

    @Override
    public GetResourcePolicyResponse getResourcePolicy(GetResourcePolicyRequest request) {
        RequestShapes.validate(request);
        return policies.getResourcePolicy(request);
    }

    @Override
    public DeleteResourcePolicyResponse deleteResourcePolicy(DeleteResourcePolicyRequest request) {
        RequestShapes.validate(request);
        return policies.deleteResourcePolicy(request);
    }

    @Override
    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
        RequestShapes.validate(request);
        return partiql.executeStatement(request);
    }

    @Override
    public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
        RequestShapes.validate(request);
        return partiql.batchExecuteStatement(request);
    }

    @Override
    public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request) {
        RequestShapes.validate(request);
        return partiql.executeTransaction(request);
    }
}
