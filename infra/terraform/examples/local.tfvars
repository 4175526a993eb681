# Apply the module to the bundled engine instead of AWS, to compare Terraform's table with the one the service
# creates (README.md, "Apply it locally"). Start an engine first, e.g. java -jar target/singletable.jar --engine-only
# (port 8000), then: terraform apply -var-file=examples/local.tfvars
dynamodb_endpoint = "http://127.0.0.1:8000"

# The engine serves DynamoDB only: no IAM (until the access-control issue lands), so no service policy here.
create_service_policy = false

# A throw-away table: terraform destroy may delete it.
deletion_protection = false

# The service's table in embedded mode is "singletable"; a table of its own keeps the two apart in one engine.
table_name = "singletable-tf"
