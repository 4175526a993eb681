#!/usr/bin/env bash
# A global table with the AWS CLI, as docs/global-tables.md teaches it: create a table in us-east-1, add a replica in
# eu-west-1, write in one region and read in the other (printing the lag), force a conflict (the later write wins in
# both regions), read the replicated write from eu-west-1's stream, remove the replica.
# Usage: scripts/global-tables-cli.sh http://127.0.0.1:8000
set -euo pipefail
endpoint="${1:-http://127.0.0.1:8000}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-local}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-local}"
export AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true
table="cli_global_$$"
ddb() { aws dynamodb --endpoint-url "$endpoint" --output json "$@"; }
streams() { aws dynamodbstreams --endpoint-url "$endpoint" --output json "$@"; }
expect() { # expect <what> <needle> <haystack>
  if ! grep -q -- "$2" <<<"$3"; then echo "FAILED: $1 (wanted $2) in: $3" >&2; exit 1; fi
  echo "ok: $1"
}
# until <seconds> <command...>: runs the command every 0.2 s until it succeeds, or fails after <seconds>
until_ok() {
  local deadline=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then echo "FAILED: timed out waiting for: $*" >&2; exit 1; fi
    sleep 0.2
  done
}
replica_active() { ddb --region us-east-1 describe-table --table-name "$table" --query 'Table.Replicas[0].ReplicaStatus' \
  --output text | grep -qx ACTIVE; }
topic_in() { ddb --region "$1" get-item --table-name "$table" --consistent-read \
  --key '{"pk":{"S":"room#1"},"sk":{"S":"topic"}}' --query 'Item.t.S' --output text; }
message_in() { ddb --region "$1" get-item --table-name "$table" --consistent-read \
  --key '{"pk":{"S":"room#1"},"sk":{"S":"msg#1"}}' --query 'Item.text.S' --output text | grep -qx 'hi from Virginia'; }
both_say() { [ "$(topic_in us-east-1)" = "$1" ] && [ "$(topic_in eu-west-1)" = "$1" ]; }
gone_from() { ! ddb --region "$1" describe-table --table-name "$table"; }
now_ms() { date +%s%3N; }

ddb --region us-east-1 create-table --table-name "$table" --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=S \
  --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE >/dev/null
ddb --region us-east-1 wait table-exists --table-name "$table"
echo "ok: create-table in us-east-1"

expect "no table of that name in eu-west-1 yet" 'ResourceNotFoundException' \
  "$(ddb --region eu-west-1 describe-table --table-name "$table" 2>&1 || true)"
expect "update-table adds a replica" '"2019.11.21"' \
  "$(ddb --region us-east-1 update-table --table-name "$table" --replica-updates 'Create={RegionName=eu-west-1}')"
until_ok 60 replica_active
expect "the replica in eu-west-1 names its peer" '"us-east-1"' \
  "$(ddb --region eu-west-1 describe-table --table-name "$table" --query 'Table.Replicas')"
expect "the replica's ARN is in eu-west-1" ':eu-west-1:' \
  "$(ddb --region eu-west-1 describe-table --table-name "$table" --query 'Table.TableArn')"

start=$(now_ms)
ddb --region us-east-1 put-item --table-name "$table" \
  --item '{"pk":{"S":"room#1"},"sk":{"S":"msg#1"},"text":{"S":"hi from Virginia"}}'
until_ok 60 message_in eu-west-1
echo "ok: written in us-east-1, read in eu-west-1 after $(($(now_ms) - start)) ms"

ddb --region us-east-1 put-item --table-name "$table" \
  --item '{"pk":{"S":"room#1"},"sk":{"S":"topic"},"t":{"S":"from Virginia"}}'
ddb --region eu-west-1 put-item --table-name "$table" \
  --item '{"pk":{"S":"room#1"},"sk":{"S":"topic"},"t":{"S":"from Ireland"}}'
until_ok 60 both_say 'from Ireland'
expect "the later write won in us-east-1" 'from Ireland' "$(topic_in us-east-1)"
expect "the later write won in eu-west-1" 'from Ireland' "$(topic_in eu-west-1)"

stream=$(ddb --region eu-west-1 describe-table --table-name "$table" --query 'Table.LatestStreamArn' --output text)
expect "eu-west-1's stream is its own" ':eu-west-1:' "$stream"
shard=$(streams --region eu-west-1 describe-stream --stream-arn "$stream" \
  --query 'StreamDescription.Shards[0].ShardId' --output text)
iterator=$(streams --region eu-west-1 get-shard-iterator --stream-arn "$stream" --shard-id "$shard" \
  --shard-iterator-type TRIM_HORIZON --query ShardIterator --output text)
expect "eu-west-1's stream carries the write made in us-east-1" 'hi from Virginia' \
  "$(streams --region eu-west-1 get-records --shard-iterator "$iterator")"

ddb --region us-east-1 update-table --table-name "$table" --replica-updates 'Delete={RegionName=eu-west-1}' >/dev/null
until_ok 60 gone_from eu-west-1
expect "the replica is gone, the table stays in us-east-1" 'ACTIVE' \
  "$(ddb --region us-east-1 describe-table --table-name "$table" --query 'Table.TableStatus')"
ddb --region us-east-1 delete-table --table-name "$table" >/dev/null
echo "AWS CLI global tables test passed against $endpoint"
