/**
 * Regions and accounts: which tables a request reaches. As on AWS each region of each account has its own tables; a
 * request acts in the region its signature is scoped to and in the account of its access key
 * ({@link dev.singletable.engine.regions.Accounts}); an ARN of another account is AccessDeniedException
 * ({@link dev.singletable.engine.regions.ForeignAccounts}). {@code -sharedDb}
 * ({@link dev.singletable.engine.regions.RegionSettings#sharedDb()}) puts every region in one set of tables, as
 * DynamoDB Local's flag does (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocal.UsageNotes.html).
 */
package dev.singletable.engine.regions;
