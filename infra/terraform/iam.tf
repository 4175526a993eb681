# The service's permissions: item reads and writes, Query and Scan on the indexes, and the stream, for these two
# tables only (and their replicas). No CreateTable or DeleteTable: in AWS mode the tables are Terraform's.
locals {
  # Replicas have their own ARNs (same name, other region); a global table's writes can land in any of them.
  main_table_arns = concat([aws_dynamodb_table.main.arn], [for replica in aws_dynamodb_table.main.replica : replica.arn])
  table_arns      = concat(local.main_table_arns, [aws_dynamodb_table.history.arn])
}

data "aws_iam_policy_document" "service" {
  statement {
    sid = "ItemsOfTheTables"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:BatchGetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem",
      "dynamodb:ConditionCheckItem", # TransactWriteItems is authorised per action inside it, this one included
      "dynamodb:Query",
      "dynamodb:Scan",
      "dynamodb:DescribeTable",
      "dynamodb:DescribeTimeToLive",
    ]
    resources = local.table_arns
  }

  statement {
    sid       = "QueriesOfTheIndexes"
    actions   = ["dynamodb:Query", "dynamodb:Scan"]
    resources = [for arn in local.main_table_arns : "${arn}/index/*"]
  }

  statement {
    sid = "TheChangeStream"
    actions = [
      "dynamodb:DescribeStream",
      "dynamodb:GetShardIterator",
      "dynamodb:GetRecords",
    ]
    resources = [for arn in local.main_table_arns : "${arn}/stream/*"]
  }
}

resource "aws_iam_policy" "service" {
  count = var.create_service_policy ? 1 : 0

  name        = var.service_policy_name
  description = "singletable service: items, indexes and stream of ${aws_dynamodb_table.main.name} and ${aws_dynamodb_table.history.name}"
  policy      = data.aws_iam_policy_document.service.json
}

# A documented example, not attached to anything: fine-grained access control for a client that talks to DynamoDB
# directly (a mobile app with Cognito identities, say). dynamodb:LeadingKeys limits every request to partitions whose
# key is the caller's own "USER#<id>"; "$${...}" is Terraform's escape for IAM's own ${...} policy variable.
# ForAllValues makes every key of a BatchGetItem/BatchWriteItem match, but it is also true of a request that names
# no key at all, which is why Scan is not granted. The LSIs share the table's partition key and may be queried;
# the GSIs are partitioned by other attributes, so they are left out.
data "aws_iam_policy_document" "leading_keys_example" {
  statement {
    sid = "OwnPartitionOnly"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:BatchGetItem",
      "dynamodb:Query",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem",
    ]
    resources = concat(
      [aws_dynamodb_table.main.arn],
      [for index in local.local_secondary_indexes : "${aws_dynamodb_table.main.arn}/index/${index.name}"],
    )

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:LeadingKeys"
      values   = ["USER#$${cognito-identity.amazonaws.com:sub}"]
    }
  }
}
