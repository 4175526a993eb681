package dev.singletable.engine.regions;

import dev.singletable.engine.client.DelegatingDynamoDbClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;

/**
 * The DynamoDB API of one account's tables in one region, as callers in that account and region reach it: a request
 * that names another account's resource by ARN is decided as IAM decides a cross-account call
 * ({@link CrossAccountCalls}) and, once allowed, runs in the owner's namespace; every other request runs in this one.
 */
public class RegionalClient extends DelegatingDynamoDbClient {

    /** The client method of each request class, for a request routed to another account's namespace. */
    private static final ClassValue<Method> OPERATIONS = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            String operation = CrossAccountCalls.operationName(type);
            String name = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
            try {
                return DynamoDbClient.class.getMethod(name, type);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no DynamoDbClient operation takes a " + type.getSimpleName(), e);
            }
        }
    };

    private final CrossAccountCalls crossAccount;

    public RegionalClient(DynamoDbClient delegate, CrossAccountCalls crossAccount) {
        super(delegate);
        this.crossAccount = crossAccount;
    }

    public String account() {
        return crossAccount.account();
    }

    public String region() {
        return crossAccount.region();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <Q extends SdkRequest, R> R invoke(Q request, Function<Q, R> operation) {
        String owner = crossAccount.ownerOf(request);
        if (owner == null) {
            if (request instanceof PutResourcePolicyRequest put) {
                return super.invoke((Q) crossAccount.confirmedForCaller(put), operation);
            }
            return super.invoke(request, operation);
        }
        DynamoDbClient theirs = crossAccount.namespaces().dynamo(owner, region());
        if (theirs == this) {
            throw new IllegalStateException("account " + owner + " is served by the caller's own namespace");
        }
        return routed(theirs, request);
    }

    @SuppressWarnings("unchecked")
    private static <R> R routed(DynamoDbClient theirs, SdkRequest request) {
        try {
            return (R) OPERATIONS.get(request.getClass()).invoke(theirs, request);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
