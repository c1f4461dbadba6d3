data "aws_caller_identity" "current" {}

resource "aws_api_gateway_rest_api" "web" {
  name = "web-ui"
}

resource "aws_api_gateway_method" "root_get" {
  rest_api_id   = aws_api_gateway_rest_api.web.id
  resource_id   = aws_api_gateway_rest_api.web.root_resource_id
  http_method   = "GET"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.web.id
}

# S3 proxy for the web UI, called with the web_proxy role.
resource "aws_api_gateway_integration" "root_get" {
  rest_api_id             = aws_api_gateway_rest_api.web.id
  resource_id             = aws_api_gateway_rest_api.web.root_resource_id
  http_method             = aws_api_gateway_method.root_get.http_method
  type                    = "AWS"
  integration_http_method = "GET"
  uri                     = "arn:aws:apigateway:eu-west-1:s3:path/web-ui-bucket/index.html"
  credentials             = aws_iam_role.web_proxy.arn
}

resource "aws_api_gateway_method_response" "root_get_200" {
  rest_api_id = aws_api_gateway_rest_api.web.id
  resource_id = aws_api_gateway_rest_api.web.root_resource_id
  http_method = aws_api_gateway_method.root_get.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "root_get_200" {
  rest_api_id = aws_api_gateway_rest_api.web.id
  resource_id = aws_api_gateway_rest_api.web.root_resource_id
  http_method = aws_api_gateway_method.root_get.http_method
  status_code = aws_api_gateway_method_response.root_get_200.status_code
}

resource "aws_iam_role" "web_proxy" {
  name = "web-ui-proxy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "apigateway.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = {
          StringEquals = {
            "aws:SourceAccount" = data.aws_caller_identity.current.account_id
          }
        }
      }
    ]
  })
}

resource "aws_api_gateway_authorizer" "web" {
  name                   = "web-token"
  rest_api_id            = aws_api_gateway_rest_api.web.id
  authorizer_uri         = aws_lambda_function.authorizer.invoke_arn
  authorizer_credentials = aws_iam_role.invocation_role.arn
}

data "aws_iam_policy_document" "invocation_assume_role" {
  statement {
    effect = "Allow"

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }

    actions = ["sts:AssumeRole"]
  }
}

resource "aws_iam_role" "invocation_role" {
  name               = "api_gateway_auth_invocation"
  path               = "/"
  assume_role_policy = data.aws_iam_policy_document.invocation_assume_role.json
}

resource "aws_lambda_function" "authorizer" {
  filename         = "lambda-function.zip"
  function_name    = "api_gateway_authorizer"
  role             = "arn:aws:iam::123456789012:role/authorizer-lambda"
  handler          = "exports.example"
  runtime          = "nodejs20.x"
  source_code_hash = filebase64sha256("lambda-function.zip")
}
