# Two APIs share the catalog function; the permission was copied from the admin API.
resource "aws_api_gateway_rest_api" "catalog" {
  name = "catalog"
}

resource "aws_api_gateway_rest_api" "admin" {
  name = "catalog-admin"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.catalog.id
  parent_id   = aws_api_gateway_rest_api.catalog.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "items_post" {
  rest_api_id   = aws_api_gateway_rest_api.catalog.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "items_post" {
  rest_api_id             = aws_api_gateway_rest_api.catalog.id
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = aws_api_gateway_method.items_post.http_method
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.catalog.invoke_arn
  timeout_milliseconds    = 29000
}

resource "aws_api_gateway_stage" "live" {
  deployment_id = aws_api_gateway_deployment.catalog.id
  rest_api_id   = aws_api_gateway_rest_api.catalog.id
  stage_name    = "live"
}

resource "aws_api_gateway_deployment" "catalog" {
  rest_api_id = aws_api_gateway_rest_api.catalog.id
}

resource "aws_lambda_function" "catalog" {
  function_name = "catalog-api"
  role          = "arn:aws:iam::123456789012:role/catalog-lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "catalog.zip"
  timeout       = 60
}

resource "aws_lambda_permission" "catalog" {
  statement_id  = "AllowExecutionFromAPIGateway"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.catalog.function_name
  principal     = "apigateway.amazonaws.com"

  /* Copied from the admin stack. */
  source_arn = "${aws_api_gateway_rest_api.admin.execution_arn}/*/*"
}
