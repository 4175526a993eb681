# "<table>-history": an append-only record of item changes, written later by a projector that reads the main
# table's stream. Only PK and SK are declared: DynamoDB needs definitions for key attributes alone.
resource "aws_dynamodb_table" "history" {
  name      = "${var.table_name}-history"
  hash_key  = "PK"
  range_key = "SK"

  billing_mode   = var.billing_mode
  read_capacity  = local.provisioned ? var.provisioned_capacity.read_min : null
  write_capacity = local.provisioned ? var.provisioned_capacity.write_min : null
  table_class    = var.table_class

  attribute {
    name = "PK"
    type = "S"
  }

  attribute {
    name = "SK"
    type = "S"
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  server_side_encryption {
    enabled     = var.kms_key_arn != null
    kms_key_arn = var.kms_key_arn
  }

  deletion_protection_enabled = var.deletion_protection

  lifecycle {
    ignore_changes = [read_capacity, write_capacity]
  }
}
