# The table's key schema, indexes, TTL attribute and stream are declared once, in the JSON file the service's table
# bootstrap reads too. Nothing here repeats them: change the JSON, and both the local and the AWS table follow.
locals {
  layout = jsondecode(file("${path.module}/../../src/main/resources/table/singletable-table.json"))

  # Optional keys of the JSON read with try(), so an index without an INCLUDE list needs no empty entry.
  global_secondary_indexes = [
    for index in try(local.layout.globalSecondaryIndexes, []) : {
      name               = index.name
      hash_key           = index.partitionKey
      range_key          = try(index.sortKey, null)
      projection_type    = index.projection
      non_key_attributes = try(index.nonKeyAttributes, null)
    }
  ]

  local_secondary_indexes = [
    for index in try(local.layout.localSecondaryIndexes, []) : {
      name               = index.name
      range_key          = index.sortKey
      projection_type    = index.projection
      non_key_attributes = try(index.nonKeyAttributes, null)
    }
  ]

  provisioned = var.billing_mode == "PROVISIONED"
}
