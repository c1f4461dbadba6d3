#!/usr/bin/env bash
# Creates, in a local AWS API implementation (moto_server at $AWS_ENDPOINT_URL), an API with the
# faults the collect end-to-end tests look for, and prints the API's id on stdout.
#   setup-api.sh rest NAME   a REST API whose GET /orders Lambda integration uses httpMethod GET
#                            (integration-method-not-post) and whose function's policy names another API
#   setup-api.sh http NAME   an HTTP API with a Lambda integration and a $default stage
set -euo pipefail
kind=$1
name=$2
region=${AWS_DEFAULT_REGION:-eu-west-1}
account=123456789012
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/fn.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("index.py", "def handler(event, context):\n    return {'statusCode': 200, 'body': 'ok'}\n")
PY
role=$(aws iam create-role --role-name "$name-role" \
  --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}' \
  --query Role.Arn --output text)
fn_arn=$(aws lambda create-function --function-name "$name-fn" --runtime python3.12 --handler index.handler \
  --role "$role" --zip-file "fileb://$work/fn.zip" --timeout 10 --query FunctionArn --output text)
uri="arn:aws:apigateway:$region:lambda:path/2015-03-31/functions/$fn_arn/invocations"

if [ "$kind" = rest ]; then
  api=$(aws apigateway create-rest-api --name "$name" --query id --output text)
  root=$(aws apigateway get-resources --rest-api-id "$api" --query 'items[0].id' --output text)
  resource=$(aws apigateway create-resource --rest-api-id "$api" --parent-id "$root" --path-part orders --query id --output text)
  aws apigateway put-method --rest-api-id "$api" --resource-id "$resource" --http-method GET --authorization-type NONE > /dev/null
  aws apigateway put-integration --rest-api-id "$api" --resource-id "$resource" --http-method GET --type AWS_PROXY \
    --integration-http-method GET --uri "$uri" > /dev/null
  aws apigateway create-deployment --rest-api-id "$api" --stage-name prod > /dev/null
  # The statement names another API: API Gateway's calls from this one are not allowed.
  aws lambda add-permission --function-name "$name-fn" --statement-id apigw --action lambda:InvokeFunction \
    --principal apigateway.amazonaws.com --source-arn "arn:aws:execute-api:$region:$account:zzzzzzzzzz/*/GET/orders" > /dev/null
else
  api=$(aws apigatewayv2 create-api --name "$name" --protocol-type HTTP --query ApiId --output text)
  aws apigatewayv2 create-integration --api-id "$api" --integration-type AWS_PROXY --integration-uri "$fn_arn" \
    --payload-format-version 2.0 > /dev/null
  aws apigatewayv2 create-stage --api-id "$api" --stage-name '$default' --auto-deploy > /dev/null
fi
echo "$api"
