# Points the module's provider at the bundled engine instead of AWS. Copy it next to the module's files
# (cp local/engine_override.tf .): Terraform merges *_override.tf files into the provider block, so the module itself
# stays as it is for AWS. The copy is ignored by git. See "Apply against the bundled engine" in ../README.md.
provider "aws" {
  access_key                  = "local"
  secret_key                  = "local"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true

  endpoints {
    dynamodb = "http://127.0.0.1:8000"
  }
}
