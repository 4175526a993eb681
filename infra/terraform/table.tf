resource "aws_dynamodb_table" "main" {
  name      = var.table_name
  hash_key  = local.layout.partitionKey
  range_key = try(local.layout.sortKey, null)

  billing_mode   = var.billing_mode
  read_capacity  = local.provisioned ? var.provisioned_capacity.read_min : null
  write_capacity = local.provisioned ? var.provisioned_capacity.write_min : null
  table_class    = var.table_class

  dynamic "attribute" {
    for_each = local.table_attributes
    content {
      name = attribute.value.name
      type = attribute.value.type
    }
  }

  dynamic "global_secondary_index" {
    for_each = local.global_secondary_indexes
    content {
      name               = global_secondary_index.value.name
      hash_key           = global_secondary_index.value.hash_key
      range_key          = global_secondary_index.value.range_key
      projection_type    = global_secondary_index.value.projection_type
      non_key_attributes = global_secondary_index.value.non_key_attributes
      read_capacity      = local.provisioned ? var.provisioned_capacity.read_min : null
      write_capacity     = local.provisioned ? var.provisioned_capacity.write_min : null
    }
  }

  dynamic "local_secondary_index" {
    for_each = local.local_secondary_indexes
    content {
      name               = local_secondary_index.value.name
      range_key          = local_secondary_index.value.range_key
      projection_type    = local_secondary_index.value.projection_type
      non_key_attributes = local_secondary_index.value.non_key_attributes
    }
  }

  ttl {
    attribute_name = local.layout.timeToLiveAttribute
    enabled        = true
  }

  # The history projector and global-table replication both read this stream; replicas need NEW_AND_OLD_IMAGES.
  stream_enabled   = true
  stream_view_type = local.layout.streamViewType

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  # enabled = false is not "unencrypted": DynamoDB always encrypts at rest, with an AWS owned key unless told otherwise.
  server_side_encryption {
    enabled     = var.kms_key_arn != null
    kms_key_arn = var.kms_key_arn
  }

  deletion_protection_enabled = var.deletion_protection

  dynamic "replica" {
    for_each = var.replica_regions
    content {
      region_name            = replica.value
      kms_key_arn            = var.kms_key_arn == null ? null : lookup(var.replica_kms_key_arns, replica.value, null)
      point_in_time_recovery = var.point_in_time_recovery
      propagate_tags         = true
    }
  }

  lifecycle {
    # Autoscaling owns the table's capacity in provisioned mode; Terraform only sets the starting point.
    # The global indexes are read back with the multi-attribute ones, which this provider cannot describe and would
    # plan to delete, and the attribute definitions with the attributes only those use (which it would refuse as
    # unused at creation): index changes after creation go through UpdateTable (see
    # terraform_data.multi_attribute_index) until the provider supports multi-attribute keys.
    ignore_changes = [read_capacity, write_capacity, global_secondary_index, attribute]

    precondition {
      condition     = var.kms_key_arn == null || alltrue([for region in var.replica_regions : contains(keys(var.replica_kms_key_arns), region)])
      error_message = "With kms_key_arn set, replica_kms_key_arns needs a key for every replica region."
    }
  }
}

# A global index with a multi-attribute key (the orders' status index), added by UpdateTable once the table exists,
# because hashicorp/aws 5.x cannot declare one (layout.tf). Needs the AWS CLI v2 where Terraform runs. DynamoDB builds
# one index at a time and backfills it from the items' attributes; the command waits until the index is ACTIVE.
resource "terraform_data" "multi_attribute_index" {
  for_each = local.multi_attribute_indexes

  input = {
    table = aws_dynamodb_table.main.name
    attribute_definitions = [
      for attribute in local.layout.attributeDefinitions : { AttributeName = attribute.name, AttributeType = attribute.type }
      if contains(concat(each.value.hash_keys, each.value.range_keys), attribute.name)
    ]
    create = merge(
      {
        IndexName = each.key
        KeySchema = concat(
          [for name in each.value.hash_keys : { AttributeName = name, KeyType = "HASH" }],
          [for name in each.value.range_keys : { AttributeName = name, KeyType = "RANGE" }],
        )
        Projection = merge(
          { ProjectionType = each.value.projection_type },
          each.value.non_key_attributes == null ? {} : { NonKeyAttributes = each.value.non_key_attributes },
        )
      },
      local.provisioned ? {
        ProvisionedThroughput = { ReadCapacityUnits = var.provisioned_capacity.read_min, WriteCapacityUnits = var.provisioned_capacity.write_min }
      } : {},
    )
  }

  provisioner "local-exec" {
    environment = {
      TABLE      = self.input.table
      INDEX      = self.input.create.IndexName
      ATTRIBUTES = jsonencode(self.input.attribute_definitions)
      UPDATES    = jsonencode([{ Create = self.input.create }])
      REGION     = var.region
      # with dynamodb_endpoint (examples/local.tfvars): that endpoint and the provider's static keys
      ENDPOINT         = coalesce(var.dynamodb_endpoint, "-")
      LOCAL_ACCESS_KEY = var.local_access_key
      LOCAL_SECRET_KEY = var.local_secret_key
    }
    command = <<-EOT
      set -eu
      set -- --region "$REGION"
      if [ "$ENDPOINT" != "-" ]; then
        export AWS_ACCESS_KEY_ID="$LOCAL_ACCESS_KEY" AWS_SECRET_ACCESS_KEY="$LOCAL_SECRET_KEY"
        set -- "$@" --endpoint-url "$ENDPOINT"
      fi
      aws dynamodb update-table "$@" --table-name "$TABLE" \
        --attribute-definitions "$ATTRIBUTES" --global-secondary-index-updates "$UPDATES" > /dev/null
      # at most an hour: a large table's backfill takes minutes on AWS
      tries=0
      until [ "$(aws dynamodb describe-table "$@" --table-name "$TABLE" \
        --query "Table.GlobalSecondaryIndexes[?IndexName=='$INDEX'].IndexStatus | [0]" --output text)" = "ACTIVE" ]; do
        tries=$((tries + 1))
        if [ "$tries" -gt 720 ]; then
          echo "index $INDEX of $TABLE is not ACTIVE after an hour" >&2
          exit 1
        fi
        sleep 5
      done
    EOT
  }
}
