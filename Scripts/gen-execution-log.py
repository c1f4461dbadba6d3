#!/usr/bin/env python3
"""Write a realistic API Gateway REST execution log of a chosen size (for Scripts/bench).

Every request follows the INFO + data-trace sequence of a Lambda proxy integration as CloudWatch
records it (domain reference §3.2): usage plan checks, method request, endpoint request URI and
headers, the response, `Method completed with status: NNN`, then the integration request id and
the X-Ray id. A few percent of the requests fail, with the exact lines of §3.3 for a spread of
causes. Requests overlap (several in flight at once), as they do in a real log stream.

Usage: gen-execution-log.py --size 100M --out FILE [--seed N] [--fail-rate 0.03]
                            [--in-flight 3] [--shape cloudwatch|iso]
"""

import argparse
import random
import sys

API_ID = "k7x2m9q4ab"
STAGE = "prod"
REGION = "eu-west-1"
ACCOUNT = "210987654321"
FUNCTION = "orders-handler"
FUNCTION_ARN = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{FUNCTION}"
LAMBDA_URI = f"https://lambda.{REGION}.amazonaws.com/2015-03-31/functions/{FUNCTION_ARN}/invocations"
RESOURCES = [("GET", "/orders"), ("GET", "/orders/{id}"), ("POST", "/orders"), ("DELETE", "/orders/{id}")]

HEX = "0123456789abcdef"
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def uuid(rng):
    h = "%032x" % rng.getrandbits(128)
    return f"{h[0:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def short_id(rng, n=14):
    return "".join(rng.choice(B64) for _ in range(n)) + "="


def success_tail(rid, lambda_id, status_code, body):
    return [
        "Received response. Status: 200, Integration latency: %d ms" % (12 + len(body) % 180),
        'Endpoint response body before transformations: {"statusCode":%d,"headers":{"Content-Type":'
        '"application/json"},"body":"%s"}' % (status_code, body),
        "Endpoint response headers: {Date=Thu, 08 Jan 2026 10:15:32 GMT, Content-Type=application/json, "
        f"Content-Length={len(body) + 60}, Connection=keep-alive, x-amzn-RequestId={lambda_id}, "
        "x-amzn-Remapped-Content-Length=0, X-Amz-Executed-Version=$LATEST, "
        "X-Amzn-Trace-Id=root=1-677e5a44-1f2b3c4d5e6f708192a3b4c5;parent=2a3b4c5d6e7f8091;sampled=0;lineage=6f0bd8a1:0}",
        "Method response body after transformations: " + body.replace('\\"', '"'),
        "Method response headers: {Content-Type=application/json, "
        "X-Amzn-Trace-Id=Root=1-677e5a44-1f2b3c4d5e6f708192a3b4c5;Parent=2a3b4c5d6e7f8091;Sampled=0;lineage=6f0bd8a1:0}",
        "Successfully completed execution",
        "Method completed with status: %d" % status_code,
    ]


def failure_tail(kind, rid, lambda_id):
    """The lines that replace the normal tail for one failure kind (exact strings from §3.3)."""
    received = "Received response. Status: 200, Integration latency: %d ms"
    headers = ("Endpoint response headers: {Date=Thu, 08 Jan 2026 10:15:32 GMT, Content-Type=application/json, "
               f"Content-Length=120, Connection=keep-alive, x-amzn-RequestId={lambda_id}, "
               "X-Amz-Executed-Version=$LATEST, X-Amzn-Trace-Id=root=1-677e5a44-1f2b3c4d5e6f708192a3b4c5;sampled=0}")
    if kind == "malformed":
        return [received % 35, headers,
                'Endpoint response body before transformations: {"statusCode":200,"body":{"id":42,"state":"open"}}',
                "Execution failed due to configuration error: Malformed Lambda proxy response",
                "Method completed with status: 502"]
    if kind == "function-error":
        return [received % 210, headers.replace("X-Amz-Executed", "X-Amz-Function-Error=Unhandled, X-Amz-Executed"),
                'Endpoint response body before transformations: {"errorType":"TypeError","errorMessage":"Cannot read properties of undefined (reading \'id\')"}',
                "Lambda execution failed with status 200 due to customer function error: Cannot read properties of "
                f"undefined (reading 'id'). Lambda request id: {lambda_id}",
                "Method completed with status: 502"]
    if kind == "task-timeout":
        return [received % 10012, headers.replace("X-Amz-Executed", "X-Amz-Function-Error=Unhandled, X-Amz-Executed"),
                'Endpoint response body before transformations: {"errorMessage":"2026-01-08T10:15:32.456Z '
                f'{lambda_id} Task timed out after 10.00 seconds"}}',
                "Lambda execution failed with status 200 due to customer function error: 2026-01-08T10:15:32.456Z "
                f"{lambda_id} Task timed out after 10.00 seconds. Lambda request id: {lambda_id}",
                "Method completed with status: 502"]
    if kind == "throttle":
        return [f"Lambda invocation failed with status: 429. Lambda request id: {lambda_id}",
                "Execution failed due to configuration error: Rate Exceeded.",
                "Method completed with status: 500"]
    if kind == "permission":
        return ["Execution failed due to configuration error: Invalid permissions on Lambda function",
                "Method completed with status: 500"]
    if kind == "timeout":
        return ["Execution failed due to a timeout error",
                "Method completed with status: 504"]
    raise ValueError(kind)


FAILURES = ["malformed"] * 4 + ["function-error"] * 3 + ["task-timeout", "throttle", "throttle", "permission", "timeout"]


def request_lines(rng, fail_rate):
    rid = uuid(rng)
    lambda_id = uuid(rng)
    method, path = rng.choice(RESOURCES)
    concrete = path.replace("{id}", str(rng.randint(1, 99999)))
    source_arn = f"arn:aws:execute-api:{REGION}:{ACCOUNT}:{API_ID}/{STAGE}/{method}{path}"
    body = '{\\"id\\":%d,\\"state\\":\\"open\\",\\"items\\":[{\\"sku\\":\\"A-%d\\",\\"qty\\":%d}]}' % (
        rng.randint(1, 99999), rng.randint(100, 999), rng.randint(1, 9))
    lines = [
        "Extended Request Id: " + short_id(rng),
        f"Verifying Usage Plan for request: {rid}. API Key:  API Stage: {API_ID}/{STAGE}",
        f"API Key  authorized because method '{method} {path}' does not require API Key. "
        "Request will not contribute to throttle or quota limits",
        f"Usage Plan check succeeded for API Key  and API Stage {API_ID}/{STAGE}",
        f"Starting execution for request: {rid}",
        f"HTTP Method: {method}, Resource Path: {concrete}",
        "Method request path: {id=%d}" % rng.randint(1, 99999) if "{id}" in path else "Method request path: {}",
        "Method request query string: {}",
        "Method request headers: {Accept=application/json, CloudFront-Viewer-Country=DE, "
        "Host=%s.execute-api.%s.amazonaws.com, User-Agent=Mozilla/5.0 (X11; Linux x86_64), "
        "X-Amzn-Trace-Id=Root=1-677e5a44-1f2b3c4d5e6f708192a3b4c5, X-Forwarded-For=198.51.100.%d, "
        "X-Forwarded-Port=443, X-Forwarded-Proto=https}" % (API_ID, REGION, rng.randint(1, 254)),
        "Method request body before transformations: " + ("" if method != "POST" else body.replace('\\"', '"')),
        f"Endpoint request URI: {LAMBDA_URI}",
        f"Endpoint request headers: {{x-amzn-lambda-integration-tag={rid}, "
        "Authorization=*********************************************************************************"
        "**********************************************************************************************5e1d1b, "
        f"X-Amz-Date=20260108T101532Z, x-amzn-apigateway-api-id={API_ID}, X-Amz-Source-Arn={source_arn}, "
        f"Accept=application/json, User-Agent=AmazonAPIGateway_{API_ID}, "
        "X-Amz-Security-Token=IQoJb3JpZ2luX2VjEPr//////////wEaCWV1LXdlc3QtMSJHMEUCIQD [TRUNCATED]",
        'Endpoint request body after transformations: {"resource":"%s","path":"/%s","httpMethod":"%s",'
        '"headers":{"Accept":"application/json",'
        '"CloudFront-Viewer-Country":"DE","Host":"%s.execute-api.%s.amazonaws.com"},"requestContext":'
        '{"resourcePath":"%s","stage":"%s"}} [TRUNCATED]' % (path, concrete.lstrip("/"), method, API_ID, REGION, path, STAGE),
        f"Sending request to {LAMBDA_URI}",
    ]
    if rng.random() < fail_rate:
        tail = failure_tail(rng.choice(FAILURES), rid, lambda_id)
    else:
        tail = success_tail(rid, lambda_id, 200, body)
    lines += tail
    lines += [f"AWS Integration Endpoint RequestId : {lambda_id}",
              "X-ray Tracing ID : 1-677e5a44-1f2b3c4d5e6f708192a3b4c5"]
    return rid, lines


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper().rstrip("B")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", required=True, help="target size, e.g. 100M or 1G")
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=20260108)
    parser.add_argument("--fail-rate", type=float, default=0.03)
    parser.add_argument("--in-flight", type=int, default=3, help="requests interleaved at once")
    parser.add_argument("--shape", choices=["cloudwatch", "iso"], default="cloudwatch")
    args = parser.parse_args()

    target = parse_size(args.size)
    rng = random.Random(args.seed)
    written = 0
    active = []  # [rid, lines, next index]
    seconds = 0
    with open(args.out, "w", encoding="utf-8", buffering=1 << 20) as out:
        buffer = []
        buffered = 0
        while written + buffered < target or active:
            while len(active) < args.in_flight and written + buffered < target:
                rid, lines = request_lines(rng, args.fail_rate)
                active.append([rid, lines, 0])
            if not active:
                break
            entry = active[rng.randrange(len(active))] if len(active) > 1 else active[0]
            rid, lines, index = entry
            # Emit a short run of one request's lines, as a log stream does between other requests.
            run = min(len(lines) - index, 1 + rng.randrange(6))
            for message in lines[index:index + run]:
                if args.shape == "iso":
                    seconds += 1
                    line = "2026-01-08T%02d:%02d:%02d.%03dZ (%s) %s\n" % (
                        (seconds // 3600) % 24, (seconds // 60) % 60, seconds % 60, seconds % 1000, rid, message)
                else:
                    line = f"({rid}) {message}\n"
                buffer.append(line)
                buffered += len(line)
            entry[2] = index + run
            if entry[2] >= len(lines):
                active.remove(entry)
            if buffered > 1 << 20:
                chunk = "".join(buffer)
                out.write(chunk)
                written += len(chunk)  # every line is ASCII
                buffer.clear()
                buffered = 0
        chunk = "".join(buffer)
        out.write(chunk)
        written += len(chunk)
    print(f"wrote {written} bytes to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
