#!/usr/bin/env python3
"""A global table with boto3: one client per region against one endpoint. Creates a table in us-east-1, adds a
replica in eu-west-1, writes in eu-west-1 and reads in us-east-1, updates in us-east-1 and reads in eu-west-1, removes
the replica. Usage: scripts/global-tables-boto3.py http://127.0.0.1:8000"""
import os
import sys
import time

import boto3

endpoint = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
table = "boto3_global_%d" % os.getpid()


def client(region):
    return boto3.client("dynamodb", endpoint_url=endpoint, region_name=region,
                        aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID", "local"),
                        aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY", "local"))


def wait_for(what, condition, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            sys.exit("FAILED: timed out waiting for " + what)
        time.sleep(0.2)
    print("ok: " + what)


def item(c, key):
    return c.get_item(TableName=table, Key={"pk": {"S": key}}, ConsistentRead=True).get("Item")


virginia, ireland = client("us-east-1"), client("eu-west-1")
virginia.create_table(TableName=table, BillingMode="PAY_PER_REQUEST",
                      AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                      KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])
virginia.get_waiter("table_exists").wait(TableName=table)
virginia.update_table(TableName=table, ReplicaUpdates=[{"Create": {"RegionName": "eu-west-1"}}])
wait_for("the replica in eu-west-1 is ACTIVE", lambda: [r.get("ReplicaStatus") for r in virginia.describe_table(
    TableName=table)["Table"].get("Replicas", [])] == ["ACTIVE"])
described = ireland.describe_table(TableName=table)["Table"]
assert described["GlobalTableVersion"] == "2019.11.21", described
assert [r["RegionName"] for r in described["Replicas"]] == ["us-east-1"], described

ireland.put_item(TableName=table, Item={"pk": {"S": "user#1"}, "name": {"S": "Aoife"}})
wait_for("written in eu-west-1, read in us-east-1", lambda: item(virginia, "user#1") is not None)
virginia.update_item(TableName=table, Key={"pk": {"S": "user#1"}}, UpdateExpression="SET city = :c",
                     ExpressionAttributeValues={":c": {"S": "Dublin"}})
wait_for("updated in us-east-1, read in eu-west-1",
         lambda: (item(ireland, "user#1") or {}).get("city") == {"S": "Dublin"})

virginia.update_table(TableName=table, ReplicaUpdates=[{"Delete": {"RegionName": "eu-west-1"}}])


def replica_gone():
    try:
        ireland.describe_table(TableName=table)
        return False
    except ireland.exceptions.ResourceNotFoundException:
        return True


wait_for("the replica is removed", replica_gone)
virginia.delete_table(TableName=table)
print("boto3 global tables test passed against " + endpoint)
