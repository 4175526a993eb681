# The table's key schema, indexes, TTL attribute and stream are declared once, in the JSON file the service's table
# bootstrap reads too. Nothing here repeats them: change the JSON, and both the local and the AWS table follow.
locals {
  layout = jsondecode(file("${path.module}/../../src/main/resources/table/singletable-table.json"))

  # Optional keys of the JSON read with try(), so an index without an INCLUDE list needs no empty entry. An index
  # with a multi-attribute key lists its attributes in partitionKeys/sortKeys instead of partitionKey/sortKey.
  all_global_indexes = [
    for index in try(local.layout.globalSecondaryIndexes, []) : {
      name               = index.name
      hash_keys          = try(index.partitionKeys, [index.partitionKey])
      range_keys         = try(index.sortKeys, [index.sortKey], [])
      projection_type    = index.projection
      non_key_attributes = try(index.nonKeyAttributes, null)
    }
  ]

  # hashicorp/aws 5.x (5.100.0 is pinned) has one hash_key and one range_key per global_secondary_index block, so it
  # cannot express a global index whose key has several attributes (DynamoDB, November 2025;
  # hashicorp/terraform-provider-aws#45216, added in 6.29.0). The table is created with the others; those are added right after it by
  # UpdateTable (table.tf, terraform_data.multi_attribute_index).
  global_secondary_indexes = [
    for index in local.all_global_indexes : {
      name               = index.name
      hash_key           = index.hash_keys[0]
      range_key          = try(index.range_keys[0], null)
      projection_type    = index.projection_type
      non_key_attributes = index.non_key_attributes
    } if length(index.hash_keys) == 1 && length(index.range_keys) <= 1
  ]

  multi_attribute_indexes = {
    for index in local.all_global_indexes : index.name => index
    if length(index.hash_keys) > 1 || length(index.range_keys) > 1
  }

  # The provider refuses attribute definitions that no key of the table block uses, so the attributes only a
  # multi-attribute index uses are given to its UpdateTable instead.
  table_block_key_attributes = toset(concat(
    [local.layout.partitionKey], try([local.layout.sortKey], []),
    flatten([for index in local.global_secondary_indexes : compact([index.hash_key, index.range_key])]),
    [for index in try(local.layout.localSecondaryIndexes, []) : index.sortKey],
  ))
  table_attributes = [
    for attribute in local.layout.attributeDefinitions : attribute if contains(local.table_block_key_attributes, attribute.name)
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
