output "table_name" {
  description = "Set singletable.table.name to this in AWS mode."
  value       = aws_dynamodb_table.main.name
}

output "table_arn" {
  value = aws_dynamodb_table.main.arn
}

output "table_stream_arn" {
  value = aws_dynamodb_table.main.stream_arn
}

output "replica_arns" {
  description = "region => table ARN, for each global-table replica."
  value       = { for replica in aws_dynamodb_table.main.replica : replica.region_name => replica.arn }
}

output "history_table_name" {
  value = aws_dynamodb_table.history.name
}

output "history_table_arn" {
  value = aws_dynamodb_table.history.arn
}

output "service_policy_arn" {
  description = "Attach to the role the service runs as (ECS task role, EKS pod identity, EC2 instance profile). null when create_service_policy is false."
  value       = one(aws_iam_policy.service[*].arn)
}

output "leading_keys_example_policy_json" {
  description = "The fine-grained access example (dynamodb:LeadingKeys); see README.md."
  value       = data.aws_iam_policy_document.leading_keys_example.json
}
