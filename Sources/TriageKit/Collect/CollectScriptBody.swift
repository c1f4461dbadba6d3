/// The fixed part of the collect script: everything after the values. It reads only the shell
/// variables the preamble sets (`CollectScript`), so no value is ever spliced into code.
///
/// Rules it keeps: bash 3.2 or newer (macOS too), `set -u` without `set -e` (a denied call is a gap,
/// not the end), no `jq` (lists come from `--query … --output text`), AWS CLI v1 and v2 (no v2-only
/// command or option), every AWS call a get/list/describe/filter/lookup/export (the one exception,
/// `test-invoke-method`, is written only with `--allow-invoke`, and marked: `invoke`), stdin closed for every
/// call, and one MANIFEST line per call: file, exit status, the command, the error's first words.
enum CollectScriptBody {
    /// The one call that runs the backend, put in place of the `#@INVOKE@` line only with
    /// `--allow-invoke`; without it the script holds no such call at all.
    static let invoke = #"""
  # INVOKES THE BACKEND (--allow-invoke): runs the integration once, as the console's Test does.
  call test-invoke.json aws apigateway test-invoke-method --rest-api-id "$API_ID" \
    --resource-id "$INVOKE_RESOURCE_ID" --http-method "$INVOKE_METHOD" --path-with-query-string "$INVOKE_PATH"
"""#

    static let text = #"""
export AWS_PAGER=""
umask 077

base=(--region "$REGION")
if [ -n "$PROFILE" ]; then base+=(--profile "$PROFILE"); fi

if ! command -v aws >/dev/null 2>&1; then
  echo "collect: the AWS CLI (aws) is not installed or not on PATH." >&2
  exit 1
fi
if ! mkdir -p "$OUT"; then
  echo "collect: cannot create the folder $OUT" >&2
  exit 1
fi
MANIFEST="$OUT/MANIFEST"
{
  printf '# apigw-triage collect manifest 1\n'
  printf '# api_id=%s stage=%s region=%s api_type=%s since=%s until=%s request_id=%s\n' \
    "$API_ID" "$STAGE" "$REGION" "$API_TYPE" "$SINCE_ISO" "$UNTIL_ISO" "$REQUEST_ID"
  printf '# file\tstatus\tcommand\tnote\n'
} > "$MANIFEST"
calls=0
gaps=0

# record FILE STATUS NOTE COMMAND...: one MANIFEST line.
record() {
  local file=$1 status=$2 note=$3
  shift 3
  printf '%s\t%s\t%s\t%s\n' "$file" "$status" "$*" "$note" >> "$MANIFEST"
}

# skip FILE REASON: a call that does not apply (nothing to read), recorded as such.
skip() {
  record "$1" "-" "$2" "(not run)"
}

# run_call FILE OUTPUT aws ARGS...: runs one read-only call with its stdout to OUTPUT, records it in
# the MANIFEST; a failure (denied, not found, not applicable) is recorded with the error's first 300
# characters, FILE is removed, and the run goes on.
run_call() {
  local file=$1 output=$2
  shift 2
  local err status note=""
  err=$(mktemp "${TMPDIR:-/tmp}/apigw-collect.XXXXXX") || return 1
  "$@" "${base[@]}" > "$output" 2> "$err" < /dev/null
  status=$?
  calls=$((calls + 1))
  if [ "$status" -ne 0 ]; then
    note=$(tr '\t\r\n' '   ' < "$err" | cut -c1-300)
    rm -f "$OUT/$file"
    gaps=$((gaps + 1))
    echo "  gap: $file ($note)" >&2
  else
    echo "  ok:  $file" >&2
  fi
  rm -f "$err"
  record "$file" "$status" "$note" "$@"
  return "$status"
}

# call FILE aws ARGS...: a call whose JSON output is saved as $OUT/FILE.
call() {
  local file=$1
  shift
  run_call "$file" "$OUT/$file" "$@" --output json
}

# call_to_file FILE aws ARGS... OUTFILE: a call that writes its own output file (get-export,
# export-api); the path is given last by the caller.
call_to_file() {
  local file=$1
  shift
  run_call "$file" /dev/null "$@"
}

# value aws ARGS... --query Q: the query's result as lines of text, for discovery; nothing on failure.
value() {
  "$@" "${base[@]}" --output text 2> /dev/null < /dev/null | tr '\t' '\n' | grep -v -e '^None$' -e '^$'
}

# functions_in: Lambda function names (with :alias or :version) in integration or authorizer URIs on
# stdin; names chosen by a stage variable cannot be resolved here and are left out.
functions_in() {
  sed -n -e 's#.*:function:\([^/]*\)/invocations.*#\1#p' -e 's#^arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:\([^/]*\)$#\1#p' \
    | grep -v '\$' | sort -u
}

# safe NAME: a name usable in a file name.
safe() {
  printf '%s' "$1" | tr -c 'A-Za-z0-9._-' '_'
}

# log_group_of ARN: the log group name in a CloudWatch Logs ARN (arn:aws:logs:R:A:log-group:NAME[:*]).
log_group_of() {
  case "$1" in
    arn:aws*:logs:*:log-group:*)
      local name=${1#*:log-group:}
      printf '%s' "${name%:\*}"
      ;;
  esac
}

# logs FILE GROUP: the group's events in the window (only the request's, when a request id is known).
logs() {
  if [ -n "$REQUEST_ID" ]; then
    call "$1" aws logs filter-log-events --log-group-name "$2" --start-time "$START_MS" --end-time "$END_MS" \
      --filter-pattern "\"$REQUEST_ID\"" --max-items "$MAX_ITEMS"
  else
    call "$1" aws logs filter-log-events --log-group-name "$2" --start-time "$START_MS" --end-time "$END_MS" \
      --max-items "$MAX_ITEMS"
  fi
}

# metric FILE NAMESPACE METRIC STATISTIC... -- DIMENSION...: one metric over the window.
metric() {
  local file=$1 namespace=$2 name=$3
  shift 3
  local statistics=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    statistics+=("$1")
    shift
  done
  [ $# -gt 0 ] && shift
  call "$file" aws cloudwatch get-metric-statistics --namespace "$namespace" --metric-name "$name" \
    --dimensions "$@" --start-time "$SINCE_ISO" --end-time "$UNTIL_ISO" --period "$PERIOD" \
    --statistics "${statistics[@]}"
}

if [ -z "$REGION" ]; then
  REGION=$(aws configure get region ${PROFILE:+--profile "$PROFILE"} 2> /dev/null < /dev/null)
  REGION=${REGION:-${AWS_REGION:-${AWS_DEFAULT_REGION:-}}}
  if [ -z "$REGION" ]; then
    echo "collect: no Region: run apigw-triage collect with --region, or set AWS_REGION." >&2
    exit 1
  fi
  base=(--region "$REGION")
  if [ -n "$PROFILE" ]; then base+=(--profile "$PROFILE"); fi
fi

echo "Collecting evidence for API $API_ID, stage $STAGE, in $REGION, from $SINCE_ISO to $UNTIL_ISO into $OUT" >&2

if [ -z "$API_TYPE" ]; then
  if value aws apigateway get-rest-api --rest-api-id "$API_ID" --query id > /dev/null; then
    API_TYPE=rest
  else
    case "$(value aws apigatewayv2 get-api --api-id "$API_ID" --query ProtocolType)" in
      HTTP) API_TYPE=http ;;
      WEBSOCKET) API_TYPE=websocket ;;
      *)
        echo "collect: API $API_ID was not found as a REST, HTTP or WebSocket API in $REGION (or it cannot be read)." >&2
        API_TYPE=unknown
        ;;
    esac
  fi
  echo "API type: $API_TYPE" >&2
fi

uris=""
roles=""
if [ "$API_TYPE" = rest ]; then
  call api.json aws apigateway get-rest-api --rest-api-id "$API_ID"
  call stage.json aws apigateway get-stage --rest-api-id "$API_ID" --stage-name "$STAGE"
  call stages.json aws apigateway get-stages --rest-api-id "$API_ID"
  call resources.json aws apigateway get-resources --rest-api-id "$API_ID" --embed methods
  call_to_file export.json aws apigateway get-export --rest-api-id "$API_ID" --stage-name "$STAGE" \
    --export-type oas30 --parameters extensions=integrations "$OUT/export.json"
  call gateway-responses.json aws apigateway get-gateway-responses --rest-api-id "$API_ID"
  call authorizers.json aws apigateway get-authorizers --rest-api-id "$API_ID"
  call deployments.json aws apigateway get-deployments --rest-api-id "$API_ID"
  call vpc-links.json aws apigateway get-vpc-links
  uris=$(value aws apigateway get-resources --rest-api-id "$API_ID" --embed methods \
    --query 'items[].resourceMethods.*[].methodIntegration.uri')
  uris="$uris
$(value aws apigateway get-authorizers --rest-api-id "$API_ID" --query 'items[].authorizerUri')"
  roles=$(value aws apigateway get-resources --rest-api-id "$API_ID" --embed methods \
    --query 'items[].resourceMethods.*[].methodIntegration.credentials')
  roles="$roles
$(value aws apigateway get-authorizers --rest-api-id "$API_ID" --query 'items[].authorizerCredentials')"
  links=$(value aws apigateway get-resources --rest-api-id "$API_ID" --embed methods \
    --query 'items[].resourceMethods.*[].methodIntegration.connectionId')
  for link in $links; do
    case "$link" in *'$'*) continue ;; esac
    for nlb in $(value aws apigateway get-vpc-link --vpc-link-id "$link" --query 'targetArns'); do
      for group in $(value aws elbv2 describe-target-groups --load-balancer-arn "$nlb" --query 'TargetGroups[].TargetGroupArn'); do
        call "target-health-$(safe "${group##*/}").json" aws elbv2 describe-target-health --target-group-arn "$group"
      done
    done
  done
  access=$(value aws apigateway get-stage --rest-api-id "$API_ID" --stage-name "$STAGE" --query 'accessLogSettings.destinationArn')
  logs execution-log.json "API-Gateway-Execution-Logs_$API_ID/$STAGE"
  call log-delivery-sources.json aws logs describe-delivery-sources
  call log-deliveries.json aws logs describe-deliveries
  api_name=$(value aws apigateway get-rest-api --rest-api-id "$API_ID" --query name)
  if [ -n "$api_name" ]; then
    metric metric-5xxerror.json AWS/ApiGateway 5XXError Sum -- Name=ApiName,Value="$api_name" Name=Stage,Value="$STAGE"
    metric metric-latency.json AWS/ApiGateway Latency Average Maximum -- Name=ApiName,Value="$api_name" Name=Stage,Value="$STAGE"
    metric metric-integrationlatency.json AWS/ApiGateway IntegrationLatency Average Maximum -- Name=ApiName,Value="$api_name" Name=Stage,Value="$STAGE"
  else
    skip metric-5xxerror.json "REST metrics need the API's name (get-rest-api failed)"
  fi
#@INVOKE@
elif [ "$API_TYPE" = http ] || [ "$API_TYPE" = websocket ]; then
  call api.json aws apigatewayv2 get-api --api-id "$API_ID"
  call stage.json aws apigatewayv2 get-stage --api-id "$API_ID" --stage-name "$STAGE"
  call stages.json aws apigatewayv2 get-stages --api-id "$API_ID"
  call routes.json aws apigatewayv2 get-routes --api-id "$API_ID"
  call integrations.json aws apigatewayv2 get-integrations --api-id "$API_ID"
  call authorizers.json aws apigatewayv2 get-authorizers --api-id "$API_ID"
  call deployments.json aws apigatewayv2 get-deployments --api-id "$API_ID"
  call domain-names.json aws apigatewayv2 get-domain-names
  if [ "$API_TYPE" = http ]; then
    call_to_file export.json aws apigatewayv2 export-api --api-id "$API_ID" --output-type JSON \
      --specification OAS30 --stage-name "$STAGE" "$OUT/export.json"
    call vpc-links.json aws apigatewayv2 get-vpc-links
  fi
  uris=$(value aws apigatewayv2 get-integrations --api-id "$API_ID" --query 'Items[].IntegrationUri')
  uris="$uris
$(value aws apigatewayv2 get-authorizers --api-id "$API_ID" --query 'Items[].AuthorizerUri')"
  roles=$(value aws apigatewayv2 get-integrations --api-id "$API_ID" --query 'Items[].CredentialsArn')
  roles="$roles
$(value aws apigatewayv2 get-authorizers --api-id "$API_ID" --query 'Items[].AuthorizerCredentialsArn')"
  for listener in $(printf '%s\n' "$uris" | grep ':listener/'); do
    for group in $(value aws elbv2 describe-listeners --listener-arns "$listener" --query 'Listeners[].DefaultActions[].TargetGroupArn'); do
      call "target-health-$(safe "${group##*/}").json" aws elbv2 describe-target-health --target-group-arn "$group"
    done
  done
  access=$(value aws apigatewayv2 get-stage --api-id "$API_ID" --stage-name "$STAGE" --query 'AccessLogSettings.DestinationArn')
  if [ "$API_TYPE" = websocket ]; then
    logs execution-log.json "/aws/apigateway/$API_ID/$STAGE"
    metric metric-integrationerror.json AWS/ApiGateway IntegrationError Sum -- Name=ApiId,Value="$API_ID" Name=Stage,Value="$STAGE"
    metric metric-executionerror.json AWS/ApiGateway ExecutionError Sum -- Name=ApiId,Value="$API_ID" Name=Stage,Value="$STAGE"
  else
    metric metric-5xx.json AWS/ApiGateway 5xx Sum -- Name=ApiId,Value="$API_ID" Name=Stage,Value="$STAGE"
  fi
  metric metric-latency.json AWS/ApiGateway Latency Average Maximum -- Name=ApiId,Value="$API_ID" Name=Stage,Value="$STAGE"
  metric metric-integrationlatency.json AWS/ApiGateway IntegrationLatency Average Maximum -- Name=ApiId,Value="$API_ID" Name=Stage,Value="$STAGE"
else
  access=""
  skip api.json "the API could not be found or read"
fi

group=$(log_group_of "$access")
if [ -n "$group" ]; then
  logs access-log.json "$group"
elif [ -n "$access" ]; then
  skip access-log.json "access logs go to $access (not CloudWatch Logs)"
else
  skip access-log.json "no access logging on this stage"
fi

functions=$(printf '%s\n' "${FUNCTIONS[@]+"${FUNCTIONS[@]}"}" | grep -v '^$')
if [ -z "$functions" ]; then
  functions=$(printf '%s\n' "$uris" | functions_in)
fi
for fn in $functions; do
  name=${fn%%:*}
  file=$(safe "$fn")
  call "lambda-$file-configuration.json" aws lambda get-function-configuration --function-name "$fn"
  call "lambda-$file-policy.json" aws lambda get-policy --function-name "$fn"
  call "lambda-$(safe "$name")-aliases.json" aws lambda list-aliases --function-name "$name"
  fn_group=$(value aws lambda get-function-configuration --function-name "$fn" --query 'LoggingConfig.LogGroup')
  logs "lambda-$(safe "$name")-log.json" "${fn_group:-/aws/lambda/$name}"
  metric "metric-lambda-$(safe "$name")-errors.json" AWS/Lambda Errors Sum -- Name=FunctionName,Value="$name"
  metric "metric-lambda-$(safe "$name")-throttles.json" AWS/Lambda Throttles Sum -- Name=FunctionName,Value="$name"
  metric "metric-lambda-$(safe "$name")-duration.json" AWS/Lambda Duration Average Maximum -- Name=FunctionName,Value="$name"
done
if [ -z "$functions" ]; then
  skip lambda.json "no Lambda function named in the integrations (give --function NAME)"
fi

for role in $(printf '%s\n' "$roles" | grep ':role/' | sort -u); do
  call "iam-role-$(safe "${role##*/}").json" aws iam get-role --role-name "${role##*/}"
done

call cloudtrail-apigateway.json aws cloudtrail lookup-events \
  --lookup-attributes AttributeKey=EventSource,AttributeValue=apigateway.amazonaws.com \
  --start-time "$SINCE_ISO" --end-time "$UNTIL_ISO" --max-items "$MAX_ITEMS"
call cloudtrail-lambda.json aws cloudtrail lookup-events \
  --lookup-attributes AttributeKey=EventSource,AttributeValue=lambda.amazonaws.com \
  --start-time "$SINCE_ISO" --end-time "$UNTIL_ISO" --max-items "$MAX_ITEMS"

printf '# done: %s calls, %s gaps\n' "$calls" "$gaps" >> "$MANIFEST"
echo "Done: $calls calls, $gaps gaps (see $MANIFEST). Next: apigw-triage scan '$OUT'" >&2
"""#
}
