provider "aws" {
  region = var.region

  # Against a local DynamoDB-compatible engine (dynamodb_endpoint set, e.g. examples/local.tfvars): its endpoint,
  # static keys it accepts, and none of the checks that need a real AWS account. Unset: AWS as usual.
  access_key                  = var.dynamodb_endpoint == null ? null : var.local_access_key
  secret_key                  = var.dynamodb_endpoint == null ? null : var.local_secret_key
  skip_credentials_validation = var.dynamodb_endpoint != null
  skip_metadata_api_check     = var.dynamodb_endpoint != null
  skip_requesting_account_id  = var.dynamodb_endpoint != null
  skip_region_validation      = var.dynamodb_endpoint != null

  endpoints {
    dynamodb = var.dynamodb_endpoint
  }

  default_tags {
    tags = var.tags
  }
}
