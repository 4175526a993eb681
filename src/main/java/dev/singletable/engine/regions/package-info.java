/**
 * Regions and accounts: which tables a request reaches. As on AWS each region of each account has its own tables; a
 * request acts in the region its signature is scoped to and in the account of its access key
 * ({@link dev.singletable.engine.regions.Accounts}); an ARN of another account is decided by IAM's cross-account
 * rule ({@link dev.singletable.engine.regions.CrossAccountCalls}): AccessDeniedException unless the resource's policy
 * allows the caller's account, and then run by the owner's namespace; a batch over several accounts' tables runs each
 * account's part in its namespace ({@link dev.singletable.engine.regions.AccountBatches}). {@code -sharedDb}
 * ({@link dev.singletable.engine.regions.RegionSettings#sharedDb()}) puts every region in one set of tables, as
 * DynamoDB Local's flag does (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocal.UsageNotes.html).
 */
@NullMarked
package dev.singletable.engine.regions;

import org.jspecify.annotations.NullMarked;
