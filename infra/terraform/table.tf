resource "aws_dynamodb_table" "main" {
  name      = var.table_name
  hash_key  = local.layout.partitionKey
  range_key = try(local.layout.sortKey, null)

  billing_mode   = var.billing_mode
  read_capacity  = local.provisioned ? var.provisioned_capacity.read_min : null
  write_capacity = local.provisioned ? var.provisioned_capacity.write_min : null
  table_class    = var.table_class

  dynamic "attribute" {
    for_each = local.layout.attributeDefinitions
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
    ignore_changes = [read_capacity, write_capacity]

    precondition {
      condition     = var.kms_key_arn == null || alltrue([for region in var.replica_regions : contains(keys(var.replica_kms_key_arns), region)])
      error_message = "With kms_key_arn set, replica_kms_key_arns needs a key for every replica region."
    }
  }
}
