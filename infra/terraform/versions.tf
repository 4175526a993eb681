terraform {
  required_version = ">= 1.9.0" # validations that refer to other variables

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.x: the table blocks used here (deletion protection, table class, replicas with their own KMS keys)
      # are stable there; 6.x reshapes the provider's region handling.
      version = "~> 5.60"
    }
  }
}
