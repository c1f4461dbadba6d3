resource "aws_apigatewayv2_api" "profile" {
  name          = "profile-http-api"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.profile.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_apigatewayv2_integration" "profile" {
  api_id                 = aws_apigatewayv2_api.profile.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.profile.invoke_arn
  integration_method     = "POST"
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "get_profile" {
  api_id    = aws_apigatewayv2_api.profile.id
  route_key = "GET /profile"
  target    = "integrations/${aws_apigatewayv2_integration.profile.id}"
}

resource "aws_lambda_function" "profile" {
  function_name = "profile-service"
  role          = "arn:aws:iam::123456789012:role/profile-service"
  handler       = "bootstrap"
  runtime       = "provided.al2023"
  filename      = "profile.zip"
  timeout       = 15
  memory_size   = 512
}

resource "aws_lambda_permission" "profile" {
  statement_id  = "AllowHttpApiInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.profile.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.profile.execution_arn}/*/*"
}
