/// The kinds of evidence file the wizard knows, as named in content (`evidence:` on file questions)
/// and in `scan` output.
public enum EvidenceKind {
    public static let all: [String: String] = [
        "execution-log": "API Gateway REST execution log",
        "access-log": "API Gateway access log",
        "lambda-response": "Lambda proxy response (JSON)",
        "get-integration": "aws apigateway get-integration output",
        "get-method": "aws apigateway get-method output",
        "get-stage": "aws apigateway get-stage output",
        "export": "OpenAPI/Swagger export with x-amazon-apigateway-integration",
        "apigatewayv2-integration": "aws apigatewayv2 get-integration(s) output",
        "lambda-policy": "aws lambda get-policy output",
        "lambda-configuration": "aws lambda get-function-configuration output",
        "template": "SAM or CloudFormation template",
        "http-response": "curl -v / curl -i output or a raw HTTP response",
        "test-invoke": "aws apigateway test-invoke-method / test-invoke-authorizer output",
        "lambda-log": "Lambda function log (text or JSON format, as CloudWatch, aws logs tail, sam or serverless print it)",
        "har": "HAR capture (browser devtools export)",
        "postman-run": "Newman JSON report or Postman collection-run export",
        "wscat": "wscat transcript of a WebSocket API",
        "terraform": "Terraform configuration (.tf) or terraform show -json / plan output",
        "serverless": "Serverless Framework serverless.yml",
        "framework-config": "Chalice, Zappa or up configuration",
        "source-code": "source code (a function, a CDK app or a diff), not evidence",
    ]
}
