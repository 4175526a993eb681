# Provisioned mode only: target-tracking autoscaling on reads and writes of both tables and of every GSI.
# (LSIs share the table's capacity.) In on-demand mode the map is empty and nothing is created.
locals {
  scalable_resources = local.provisioned ? merge(
    {
      table   = { resource_id = "table/${aws_dynamodb_table.main.name}", kind = "table" }
      history = { resource_id = "table/${aws_dynamodb_table.history.name}", kind = "table" }
    },
    {
      for index in local.all_global_indexes :
      "index-${index.name}" => { resource_id = "table/${aws_dynamodb_table.main.name}/index/${index.name}", kind = "index" }
    }
  ) : {}

  scaling_dimensions = {
    read  = { unit = "ReadCapacityUnits", metric = "DynamoDBReadCapacityUtilization", min = var.provisioned_capacity.read_min, max = var.provisioned_capacity.read_max }
    write = { unit = "WriteCapacityUnits", metric = "DynamoDBWriteCapacityUtilization", min = var.provisioned_capacity.write_min, max = var.provisioned_capacity.write_max }
  }

  scaling_targets = {
    for pair in setproduct(keys(local.scalable_resources), keys(local.scaling_dimensions)) :
    "${pair[0]}-${pair[1]}" => {
      resource_id        = local.scalable_resources[pair[0]].resource_id
      scalable_dimension = "dynamodb:${local.scalable_resources[pair[0]].kind}:${local.scaling_dimensions[pair[1]].unit}"
      metric             = local.scaling_dimensions[pair[1]].metric
      min                = local.scaling_dimensions[pair[1]].min
      max                = local.scaling_dimensions[pair[1]].max
    }
  }
}

resource "aws_appautoscaling_target" "capacity" {
  for_each = local.scaling_targets

  service_namespace  = "dynamodb"
  resource_id        = each.value.resource_id
  scalable_dimension = each.value.scalable_dimension
  min_capacity       = each.value.min
  max_capacity       = each.value.max

  # a multi-attribute index exists only once its UpdateTable has run
  depends_on = [terraform_data.multi_attribute_index]
}

resource "aws_appautoscaling_policy" "capacity" {
  for_each = local.scaling_targets

  name               = "${var.table_name}-${each.key}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.capacity[each.key].service_namespace
  resource_id        = aws_appautoscaling_target.capacity[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.capacity[each.key].scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = var.provisioned_capacity.target_utilization

    predefined_metric_specification {
      predefined_metric_type = each.value.metric
    }
  }
}
