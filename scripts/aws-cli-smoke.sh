#!/usr/bin/env bash
# Drives a DynamoDB endpoint with the AWS CLI: create a table with a GSI, put, get, query (table and index), a
# conditional update (one that passes, one that must fail), a transaction, delete, and drop the table.
# Usage: scripts/aws-cli-smoke.sh http://127.0.0.1:8000
set -euo pipefail
endpoint="${1:-http://127.0.0.1:8000}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-local}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-local}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}" AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true
table="cli_smoke_$$"
ddb() { aws dynamodb --endpoint-url "$endpoint" --output json "$@"; }
expect() { # expect <what> <needle> <haystack>
  if ! grep -q -- "$2" <<<"$3"; then echo "FAILED: $1 (wanted $2) in: $3" >&2; exit 1; fi
  echo "ok: $1"
}

ddb create-table --table-name "$table" --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=N AttributeName=owner,AttributeType=S \
  --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE \
  --global-secondary-indexes 'IndexName=byOwner,KeySchema=[{AttributeName=owner,KeyType=HASH}],Projection={ProjectionType=ALL}' >/dev/null
ddb wait table-exists --table-name "$table"
echo "ok: create-table"

ddb put-item --table-name "$table" --item '{"pk":{"S":"acct"},"sk":{"N":"1"},"owner":{"S":"ann"},"balance":{"N":"100"}}'
ddb put-item --table-name "$table" --item '{"pk":{"S":"acct"},"sk":{"N":"2"},"owner":{"S":"bob"},"balance":{"N":"5"}}'
expect "get-item" '"100"' "$(ddb get-item --table-name "$table" --key '{"pk":{"S":"acct"},"sk":{"N":"1"}}')"
expect "query" '"Count": 2' "$(ddb query --table-name "$table" --key-condition-expression 'pk = :p' \
  --expression-attribute-values '{":p":{"S":"acct"}}')"
expect "query on a GSI" '"bob"' "$(ddb query --table-name "$table" --index-name byOwner \
  --key-condition-expression '#o = :o' --expression-attribute-names '{"#o":"owner"}' \
  --expression-attribute-values '{":o":{"S":"bob"}}')"

expect "conditional update" '"70"' "$(ddb update-item --table-name "$table" --key '{"pk":{"S":"acct"},"sk":{"N":"1"}}' \
  --update-expression 'SET balance = balance - :amt' --condition-expression 'balance >= :amt' \
  --expression-attribute-values '{":amt":{"N":"30"}}' --return-values UPDATED_NEW)"
if out=$(ddb update-item --table-name "$table" --key '{"pk":{"S":"acct"},"sk":{"N":"2"}}' \
  --update-expression 'SET balance = balance - :amt' --condition-expression 'balance >= :amt' \
  --expression-attribute-values '{":amt":{"N":"30"}}' 2>&1); then
  echo "FAILED: an update whose condition is false succeeded: $out" >&2; exit 1
fi
expect "failed condition" 'ConditionalCheckFailedException' "$out"

ddb transact-write-items --transact-items "[
  {\"Update\":{\"TableName\":\"$table\",\"Key\":{\"pk\":{\"S\":\"acct\"},\"sk\":{\"N\":\"1\"}},
    \"UpdateExpression\":\"SET balance = balance - :m\",\"ConditionExpression\":\"balance >= :m\",
    \"ExpressionAttributeValues\":{\":m\":{\"N\":\"20\"}}}},
  {\"Update\":{\"TableName\":\"$table\",\"Key\":{\"pk\":{\"S\":\"acct\"},\"sk\":{\"N\":\"2\"}},
    \"UpdateExpression\":\"SET balance = balance + :m\",\"ExpressionAttributeValues\":{\":m\":{\"N\":\"20\"}}}}]"
expect "transaction" '"25"' "$(ddb get-item --table-name "$table" --key '{"pk":{"S":"acct"},"sk":{"N":"2"}}')"

ddb delete-item --table-name "$table" --key '{"pk":{"S":"acct"},"sk":{"N":"2"}}'
expect "delete-item" '"Count": 1' "$(ddb scan --table-name "$table" --select COUNT)"
ddb delete-table --table-name "$table" >/dev/null
echo "ok: delete-table"
echo "AWS CLI smoke test passed against $endpoint"
