package dev.singletable.engine.client;

import dev.singletable.engine.error.EngineErrors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

/**
 * Every DynamoDB operation, failing with a clear ValidationException until the engine implements it. Subclasses
 * override what exists; without this, the SDK interface's defaults would throw a bare UnsupportedOperationException
 * (a 500 over the wire). docs/fidelity.md lists the operations not supported yet.
 */
abstract class UnsupportedDynamoDbOperations implements DynamoDbClient {

    @Override
    public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
        throw EngineErrors.notSupported("BatchExecuteStatement");
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        throw EngineErrors.notSupported("BatchGetItem");
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        throw EngineErrors.notSupported("BatchWriteItem");
    }

    @Override
    public CreateBackupResponse createBackup(CreateBackupRequest request) {
        throw EngineErrors.notSupported("CreateBackup");
    }

    @Override
    public CreateGlobalTableResponse createGlobalTable(CreateGlobalTableRequest request) {
        throw EngineErrors.notSupported("CreateGlobalTable");
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        throw EngineErrors.notSupported("CreateTable");
    }

    @Override
    public DeleteBackupResponse deleteBackup(DeleteBackupRequest request) {
        throw EngineErrors.notSupported("DeleteBackup");
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        throw EngineErrors.notSupported("DeleteItem");
    }

    @Override
    public DeleteResourcePolicyResponse deleteResourcePolicy(DeleteResourcePolicyRequest request) {
        throw EngineErrors.notSupported("DeleteResourcePolicy");
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        throw EngineErrors.notSupported("DeleteTable");
    }

    @Override
    public DescribeBackupResponse describeBackup(DescribeBackupRequest request) {
        throw EngineErrors.notSupported("DescribeBackup");
    }

    @Override
    public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest request) {
        throw EngineErrors.notSupported("DescribeContinuousBackups");
    }

    @Override
    public DescribeContributorInsightsResponse describeContributorInsights(DescribeContributorInsightsRequest request) {
        throw EngineErrors.notSupported("DescribeContributorInsights");
    }

    @Override
    public DescribeEndpointsResponse describeEndpoints(DescribeEndpointsRequest request) {
        throw EngineErrors.notSupported("DescribeEndpoints");
    }

    @Override
    public DescribeExportResponse describeExport(DescribeExportRequest request) {
        throw EngineErrors.notSupported("DescribeExport");
    }

    @Override
    public DescribeGlobalTableResponse describeGlobalTable(DescribeGlobalTableRequest request) {
        throw EngineErrors.notSupported("DescribeGlobalTable");
    }

    @Override
    public DescribeGlobalTableSettingsResponse describeGlobalTableSettings(DescribeGlobalTableSettingsRequest request) {
        throw EngineErrors.notSupported("DescribeGlobalTableSettings");
    }

    @Override
    public DescribeImportResponse describeImport(DescribeImportRequest request) {
        throw EngineErrors.notSupported("DescribeImport");
    }

    @Override
    public DescribeKinesisStreamingDestinationResponse describeKinesisStreamingDestination(
            DescribeKinesisStreamingDestinationRequest request) {
        throw EngineErrors.notSupported("DescribeKinesisStreamingDestination");
    }

    @Override
    public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
        throw EngineErrors.notSupported("DescribeLimits");
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        throw EngineErrors.notSupported("DescribeTable");
    }

    @Override
    public DescribeTableReplicaAutoScalingResponse describeTableReplicaAutoScaling(
            DescribeTableReplicaAutoScalingRequest request) {
        throw EngineErrors.notSupported("DescribeTableReplicaAutoScaling");
    }

    @Override
    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
        throw EngineErrors.notSupported("DescribeTimeToLive");
    }

    @Override
    public DisableKinesisStreamingDestinationResponse disableKinesisStreamingDestination(
            DisableKinesisStreamingDestinationRequest request) {
        throw EngineErrors.notSupported("DisableKinesisStreamingDestination");
    }

    @Override
    public EnableKinesisStreamingDestinationResponse enableKinesisStreamingDestination(
            EnableKinesisStreamingDestinationRequest request) {
        throw EngineErrors.notSupported("EnableKinesisStreamingDestination");
    }

    @Override
    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
        throw EngineErrors.notSupported("ExecuteStatement");
    }

    @Override
    public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request) {
        throw EngineErrors.notSupported("ExecuteTransaction");
    }

    @Override
    public ExportTableToPointInTimeResponse exportTableToPointInTime(ExportTableToPointInTimeRequest request) {
        throw EngineErrors.notSupported("ExportTableToPointInTime");
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        throw EngineErrors.notSupported("GetItem");
    }

    @Override
    public GetResourcePolicyResponse getResourcePolicy(GetResourcePolicyRequest request) {
        throw EngineErrors.notSupported("GetResourcePolicy");
    }

    @Override
    public ImportTableResponse importTable(ImportTableRequest request) {
        throw EngineErrors.notSupported("ImportTable");
    }

    @Override
    public ListBackupsResponse listBackups(ListBackupsRequest request) {
        throw EngineErrors.notSupported("ListBackups");
    }

    @Override
    public ListContributorInsightsResponse listContributorInsights(ListContributorInsightsRequest request) {
        throw EngineErrors.notSupported("ListContributorInsights");
    }

    @Override
    public ListExportsResponse listExports(ListExportsRequest request) {
        throw EngineErrors.notSupported("ListExports");
    }

    @Override
    public ListGlobalTablesResponse listGlobalTables(ListGlobalTablesRequest request) {
        throw EngineErrors.notSupported("ListGlobalTables");
    }

    @Override
    public ListImportsResponse listImports(ListImportsRequest request) {
        throw EngineErrors.notSupported("ListImports");
    }

    @Override
    public ListTablesResponse listTables(ListTablesRequest request) {
        throw EngineErrors.notSupported("ListTables");
    }

    @Override
    public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request) {
        throw EngineErrors.notSupported("ListTagsOfResource");
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        throw EngineErrors.notSupported("PutItem");
    }

    @Override
    public PutResourcePolicyResponse putResourcePolicy(PutResourcePolicyRequest request) {
        throw EngineErrors.notSupported("PutResourcePolicy");
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        throw EngineErrors.notSupported("Query");
    }

    @Override
    public RestoreTableFromBackupResponse restoreTableFromBackup(RestoreTableFromBackupRequest request) {
        throw EngineErrors.notSupported("RestoreTableFromBackup");
    }

    @Override
    public RestoreTableToPointInTimeResponse restoreTableToPointInTime(RestoreTableToPointInTimeRequest request) {
        throw EngineErrors.notSupported("RestoreTableToPointInTime");
    }

    @Override
    public ScanResponse scan(ScanRequest request) {
        throw EngineErrors.notSupported("Scan");
    }

    @Override
    public SearchVectorsResponse searchVectors(SearchVectorsRequest request) {
        throw EngineErrors.notSupported("SearchVectors");
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        throw EngineErrors.notSupported("TagResource");
    }

    @Override
    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
        throw EngineErrors.notSupported("TransactGetItems");
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        throw EngineErrors.notSupported("TransactWriteItems");
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        throw EngineErrors.notSupported("UntagResource");
    }

    @Override
    public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest request) {
        throw EngineErrors.notSupported("UpdateContinuousBackups");
    }

    @Override
    public UpdateContributorInsightsResponse updateContributorInsights(UpdateContributorInsightsRequest request) {
        throw EngineErrors.notSupported("UpdateContributorInsights");
    }

    @Override
    public UpdateGlobalTableResponse updateGlobalTable(UpdateGlobalTableRequest request) {
        throw EngineErrors.notSupported("UpdateGlobalTable");
    }

    @Override
    public UpdateGlobalTableSettingsResponse updateGlobalTableSettings(UpdateGlobalTableSettingsRequest request) {
        throw EngineErrors.notSupported("UpdateGlobalTableSettings");
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        throw EngineErrors.notSupported("UpdateItem");
    }

    @Override
    public UpdateKinesisStreamingDestinationResponse updateKinesisStreamingDestination(
            UpdateKinesisStreamingDestinationRequest request) {
        throw EngineErrors.notSupported("UpdateKinesisStreamingDestination");
    }

    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request) {
        throw EngineErrors.notSupported("UpdateTable");
    }

    @Override
    public UpdateTableReplicaAutoScalingResponse updateTableReplicaAutoScaling(
            UpdateTableReplicaAutoScalingRequest request) {
        throw EngineErrors.notSupported("UpdateTableReplicaAutoScaling");
    }

    @Override
    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
        throw EngineErrors.notSupported("UpdateTimeToLive");
    }
}
