variable "region" {
  description = "The AWS region of the table (the primary region when replicas are added)."
  type        = string
  default     = "us-east-1"
}

variable "table_name" {
  description = "Name of the single table; the service reads it from singletable.table.name. The history table is \"<table_name>-history\"."
  type        = string
  default     = "singletable"
}

variable "billing_mode" {
  description = "PAY_PER_REQUEST (on-demand) or PROVISIONED. Provisioned tables and their GSIs get target-tracking autoscaling."
  type        = string
  default     = "PAY_PER_REQUEST"

  validation {
    condition     = contains(["PAY_PER_REQUEST", "PROVISIONED"], var.billing_mode)
    error_message = "billing_mode must be PAY_PER_REQUEST or PROVISIONED."
  }
}

variable "table_class" {
  description = "STANDARD, or STANDARD_INFREQUENT_ACCESS for tables whose storage costs more than their throughput."
  type        = string
  default     = "STANDARD"

  validation {
    condition     = contains(["STANDARD", "STANDARD_INFREQUENT_ACCESS"], var.table_class)
    error_message = "table_class must be STANDARD or STANDARD_INFREQUENT_ACCESS."
  }
}

variable "provisioned_capacity" {
  description = "Provisioned mode only: the starting capacity and the autoscaling range of the tables and of every GSI, in capacity units."
  type = object({
    read_min           = number
    read_max           = number
    write_min          = number
    write_max          = number
    target_utilization = number
  })
  default = {
    read_min           = 5
    read_max           = 100
    write_min          = 5
    write_max          = 100
    target_utilization = 70
  }

  validation {
    condition = (
      var.provisioned_capacity.read_min >= 1 && var.provisioned_capacity.read_min <= var.provisioned_capacity.read_max &&
      var.provisioned_capacity.write_min >= 1 && var.provisioned_capacity.write_min <= var.provisioned_capacity.write_max &&
      var.provisioned_capacity.target_utilization >= 20 && var.provisioned_capacity.target_utilization <= 90
    )
    error_message = "Capacities must satisfy 1 <= min <= max, and DynamoDB accepts a target utilization between 20 and 90 percent."
  }
}

variable "point_in_time_recovery" {
  description = "Continuous backups (point-in-time recovery) for the table and its history."
  type        = bool
  default     = true
}

variable "deletion_protection" {
  description = "Refuse DeleteTable on both tables until this is turned off. Leave it on outside throw-away environments."
  type        = bool
  default     = true
}

variable "kms_key_arn" {
  description = "A customer-managed KMS key for server-side encryption. null keeps DynamoDB's default encryption with an AWS owned key."
  type        = string
  default     = null
}

variable "replica_regions" {
  description = "Extra regions that turn the table into a global table (version 2019.11.21). Empty: a regional table."
  type        = list(string)
  default     = []

  validation {
    condition     = !contains(var.replica_regions, var.region) && length(distinct(var.replica_regions)) == length(var.replica_regions)
    error_message = "replica_regions must not repeat a region nor name the primary region."
  }

  # A provisioned global table needs write autoscaling in every replica region, which this module's single-region
  # autoscaling does not set up; on-demand replicas need none.
  validation {
    condition     = length(var.replica_regions) == 0 || var.billing_mode == "PAY_PER_REQUEST"
    error_message = "replica_regions needs billing_mode = \"PAY_PER_REQUEST\"."
  }
}

variable "replica_kms_key_arns" {
  description = "With kms_key_arn set, a customer-managed key for each replica region (KMS keys are regional): region => key ARN."
  type        = map(string)
  default     = {}
}

variable "service_policy_name" {
  description = "Name of the IAM policy that grants the service access to these tables, their indexes and streams."
  type        = string
  default     = "singletable-service"
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default = {
    application = "singletable"
  }
}

variable "dynamodb_endpoint" {
  description = "A DynamoDB-compatible endpoint to apply to instead of AWS, e.g. the bundled engine at http://127.0.0.1:8000 (examples/local.tfvars). null: AWS."
  type        = string
  default     = null
}

variable "local_access_key" {
  description = "With dynamodb_endpoint: the access key to sign with (the standalone engine accepts any; the service's port only its own key)."
  type        = string
  default     = "local"
}

variable "local_secret_key" {
  description = "With dynamodb_endpoint: the secret key to sign with."
  type        = string
  default     = "local"
  sensitive   = true
}

variable "create_service_policy" {
  description = "Create the IAM policy for the service. Off against a local engine, which serves no IAM."
  type        = bool
  default     = true
}
