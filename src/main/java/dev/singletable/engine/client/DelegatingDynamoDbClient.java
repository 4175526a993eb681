package dev.singletable.engine.client;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.*;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * A {@link DynamoDbClient} that passes every operation to another one through {@link #invoke}, the one place a
 * subclass sees every request (and may refuse it); a subclass overrides the operations it answers differently.
 * Newer SDK versions generate such a class; the one the project uses does not.
 */
public abstract class DelegatingDynamoDbClient implements DynamoDbClient {

    private final DynamoDbClient delegate;

    protected DelegatingDynamoDbClient(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    /** The client operations are passed to. */
    protected DynamoDbClient delegate() {
        return delegate;
    }

    /** The client method of each request class (GetItemRequest: getItem), for {@link #send}. */
    private static final ClassValue<Method> OPERATIONS = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            String simple = type.getSimpleName();
            String operation = simple.endsWith("Request") ? simple.substring(0, simple.length() - 7) : simple;
            String name = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
            try {
                return DynamoDbClient.class.getMethod(name, type);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no DynamoDbClient operation takes a " + simple, e);
            }
        }
    };

    /**
     * Runs a request on another client, by the request's class: for a subclass that decides per request which client
     * answers it (the function {@link #invoke} is given is bound to the delegate). Reflective, so meant for the rare
     * case, not every request.
     */
    @SuppressWarnings("unchecked")
    protected static <R> R send(DynamoDbClient client, SdkRequest request) {
        try {
            return (R) OPERATIONS.get(request.getClass()).invoke(client, request);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one operation; subclasses check the request here. */
    protected <Q extends SdkRequest, R> R invoke(Q request, Function<Q, R> operation) {
        return operation.apply(request);
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
        return delegate.serviceClientConfiguration();
    }

    /** Waiters poll through this client, so they see what its callers see. */
    @Override
    public DynamoDbWaiter waiter() {
        return DynamoDbWaiter.builder().client(this).build();
    }

    @Override
    public void close() {
        // the delegate's owner closes it
    }

    @Override
    public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
        return invoke(request, delegate::batchExecuteStatement);
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        return invoke(request, delegate::batchGetItem);
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        return invoke(request, delegate::batchWriteItem);
    }

    @Override
    public CreateBackupResponse createBackup(CreateBackupRequest request) {
        return invoke(request, delegate::createBackup);
    }

    @Override
    public CreateGlobalTableResponse createGlobalTable(CreateGlobalTableRequest request) {
        return invoke(request, delegate::createGlobalTable);
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        return invoke(request, delegate::createTable);
    }

    @Override
    public DeleteBackupResponse deleteBackup(DeleteBackupRequest request) {
        return invoke(request, delegate::deleteBackup);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return invoke(request, delegate::deleteItem);
    }

    @Override
    public DeleteResourcePolicyResponse deleteResourcePolicy(DeleteResourcePolicyRequest request) {
        return invoke(request, delegate::deleteResourcePolicy);
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        return invoke(request, delegate::deleteTable);
    }

    @Override
    public DescribeBackupResponse describeBackup(DescribeBackupRequest request) {
        return invoke(request, delegate::describeBackup);
    }

    @Override
    public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest request) {
        return invoke(request, delegate::describeContinuousBackups);
    }

    @Override
    public DescribeContributorInsightsResponse describeContributorInsights(DescribeContributorInsightsRequest request) {
        return invoke(request, delegate::describeContributorInsights);
    }

    @Override
    public DescribeEndpointsResponse describeEndpoints(DescribeEndpointsRequest request) {
        return invoke(request, delegate::describeEndpoints);
    }

    @Override
    public DescribeExportResponse describeExport(DescribeExportRequest request) {
        return invoke(request, delegate::describeExport);
    }

    @Override
    public DescribeGlobalTableResponse describeGlobalTable(DescribeGlobalTableRequest request) {
        return invoke(request, delegate::describeGlobalTable);
    }

    @Override
    public DescribeGlobalTableSettingsResponse describeGlobalTableSettings(DescribeGlobalTableSettingsRequest request) {
        return invoke(request, delegate::describeGlobalTableSettings);
    }

    @Override
    public DescribeImportResponse describeImport(DescribeImportRequest request) {
        return invoke(request, delegate::describeImport);
    }

    @Override
    public DescribeKinesisStreamingDestinationResponse describeKinesisStreamingDestination(
            DescribeKinesisStreamingDestinationRequest request) {
        return invoke(request, delegate::describeKinesisStreamingDestination);
    }

    @Override
    public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
        return invoke(request, delegate::describeLimits);
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return invoke(request, delegate::describeTable);
    }

    @Override
    public DescribeTableReplicaAutoScalingResponse describeTableReplicaAutoScaling(
            DescribeTableReplicaAutoScalingRequest request) {
        return invoke(request, delegate::describeTableReplicaAutoScaling);
    }

    @Override
    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
        return invoke(request, delegate::describeTimeToLive);
    }

    @Override
    public DisableKinesisStreamingDestinationResponse disableKinesisStreamingDestination(
            DisableKinesisStreamingDestinationRequest request) {
        return invoke(request, delegate::disableKinesisStreamingDestination);
    }

    @Override
    public EnableKinesisStreamingDestinationResponse enableKinesisStreamingDestination(
            EnableKinesisStreamingDestinationRequest request) {
        return invoke(request, delegate::enableKinesisStreamingDestination);
    }

    @Override
    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
        return invoke(request, delegate::executeStatement);
    }

    @Override
    public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request) {
        return invoke(request, delegate::executeTransaction);
    }

    @Override
    public ExportTableToPointInTimeResponse exportTableToPointInTime(ExportTableToPointInTimeRequest request) {
        return invoke(request, delegate::exportTableToPointInTime);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return invoke(request, delegate::getItem);
    }

    @Override
    public GetResourcePolicyResponse getResourcePolicy(GetResourcePolicyRequest request) {
        return invoke(request, delegate::getResourcePolicy);
    }

    @Override
    public ImportTableResponse importTable(ImportTableRequest request) {
        return invoke(request, delegate::importTable);
    }

    @Override
    public ListBackupsResponse listBackups(ListBackupsRequest request) {
        return invoke(request, delegate::listBackups);
    }

    @Override
    public ListContributorInsightsResponse listContributorInsights(ListContributorInsightsRequest request) {
        return invoke(request, delegate::listContributorInsights);
    }

    @Override
    public ListExportsResponse listExports(ListExportsRequest request) {
        return invoke(request, delegate::listExports);
    }

    @Override
    public ListGlobalTablesResponse listGlobalTables(ListGlobalTablesRequest request) {
        return invoke(request, delegate::listGlobalTables);
    }

    @Override
    public ListImportsResponse listImports(ListImportsRequest request) {
        return invoke(request, delegate::listImports);
    }

    @Override
    public ListTablesResponse listTables(ListTablesRequest request) {
        return invoke(request, delegate::listTables);
    }

    @Override
    public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request) {
        return invoke(request, delegate::listTagsOfResource);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return invoke(request, delegate::putItem);
    }

    @Override
    public PutResourcePolicyResponse putResourcePolicy(PutResourcePolicyRequest request) {
        return invoke(request, delegate::putResourcePolicy);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return invoke(request, delegate::query);
    }

    @Override
    public RestoreTableFromBackupResponse restoreTableFromBackup(RestoreTableFromBackupRequest request) {
        return invoke(request, delegate::restoreTableFromBackup);
    }

    @Override
    public RestoreTableToPointInTimeResponse restoreTableToPointInTime(RestoreTableToPointInTimeRequest request) {
        return invoke(request, delegate::restoreTableToPointInTime);
    }

    @Override
    public ScanResponse scan(ScanRequest request) {
        return invoke(request, delegate::scan);
    }

    @Override
    public SearchVectorsResponse searchVectors(SearchVectorsRequest request) {
        return invoke(request, delegate::searchVectors);
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        return invoke(request, delegate::tagResource);
    }

    @Override
    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
        return invoke(request, delegate::transactGetItems);
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        return invoke(request, delegate::transactWriteItems);
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        return invoke(request, delegate::untagResource);
    }

    @Override
    public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest request) {
        return invoke(request, delegate::updateContinuousBackups);
    }

    @Override
    public UpdateContributorInsightsResponse updateContributorInsights(UpdateContributorInsightsRequest request) {
        return invoke(request, delegate::updateContributorInsights);
    }

    @Override
    public UpdateGlobalTableResponse updateGlobalTable(UpdateGlobalTableRequest request) {
        return invoke(request, delegate::updateGlobalTable);
    }

    @Override
    public UpdateGlobalTableSettingsResponse updateGlobalTableSettings(UpdateGlobalTableSettingsRequest request) {
        return invoke(request, delegate::updateGlobalTableSettings);
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        return invoke(request, delegate::updateItem);
    }

    @Override
    public UpdateKinesisStreamingDestinationResponse updateKinesisStreamingDestination(
            UpdateKinesisStreamingDestinationRequest request) {
        return invoke(request, delegate::updateKinesisStreamingDestination);
    }

    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request) {
        return invoke(request, delegate::updateTable);
    }

    @Override
    public UpdateTableReplicaAutoScalingResponse updateTableReplicaAutoScaling(
            UpdateTableReplicaAutoScalingRequest request) {
        return invoke(request, delegate::updateTableReplicaAutoScaling);
    }

    @Override
    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
        return invoke(request, delegate::updateTimeToLive);
    }
}
