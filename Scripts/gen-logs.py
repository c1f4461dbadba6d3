#!/usr/bin/env python3
"""Write a realistic log of a chosen format and size (for Scripts/bench).

Formats (each shaped like the fixtures under Tests/Fixtures/, a few percent of requests failing):
  execution-plain      REST execution log, `(request-id) message` lines (gen-execution-log.py)
  execution-events     the same messages as `aws logs filter-log-events --output json` output
  execution-delivered  the same messages delivered by CloudWatch Logs delivery, JSON format
  execution-insights   the same messages as a Logs Insights console CSV export (@timestamp,@message)
  access-json          access log, one JSON object per line ($context variables, `-` when empty)
  access-clf           access log in Common Log Format (API Gateway's CLF template)
  lambda-text          Lambda function log, text format (START/END/REPORT, runtime lines)
  lambda-json          Lambda function log, JSON format (platform.* records, application records)
  test-invoke          `aws apigateway test-invoke-method` output (one small document; --size ignored)

Usage: gen-logs.py --format FORMAT --size 100M --out FILE [--seed N] [--fail-rate 0.03]
"""

import argparse
import importlib.util
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("gen_execution_log", os.path.join(HERE, "gen-execution-log.py"))
execlog = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(execlog)

FORMATS = ["execution-plain", "execution-events", "execution-delivered", "execution-insights",
           "access-json", "access-clf", "lambda-text", "lambda-json", "test-invoke"]
# What `grep -c` looks for in each format: the line that shows a failure there.
GREP_PATTERNS = {
    "execution-plain": "Method completed with status: 5",
    "execution-events": "Method completed with status: 5",
    "execution-delivered": "Method completed with status: 5",
    "execution-insights": "Method completed with status: 5",
    "access-json": '"status":"5',
    "access-clf": 'HTTP/1.1" 5',
    "lambda-text": "Task timed out",
    "lambda-json": '"status":"timeout"',
    "test-invoke": '"status": 5',
}


class Sink:
    """Buffers output and counts bytes (every generated line is ASCII)."""

    def __init__(self, out):
        self.out = out
        self.parts = []
        self.pending = 0
        self.written = 0

    def write(self, text):
        self.parts.append(text)
        self.pending += len(text)
        if self.pending > 1 << 20:
            self.flush()

    def flush(self):
        self.out.write("".join(self.parts))
        self.written += self.pending
        self.parts.clear()
        self.pending = 0

    @property
    def size(self):
        return self.written + self.pending


def execution_messages(rng, fail_rate, target_bytes, sink, in_flight=3):
    """Yields (request id, message) in log order, interleaving a few requests as a stream does,
    until the sink holds target_bytes."""
    active = []
    while sink.size < target_bytes or active:
        while len(active) < in_flight and sink.size < target_bytes:
            rid, lines = execlog.request_lines(rng, fail_rate)
            active.append([rid, lines, 0])
        if not active:
            return
        entry = active[rng.randrange(len(active))]
        rid, lines, index = entry
        run = min(len(lines) - index, 1 + rng.randrange(6))
        for message in lines[index:index + run]:
            yield rid, message
        entry[2] = index + run
        if entry[2] >= len(lines):
            active.remove(entry)


def iso(ms):
    seconds, millis = divmod(ms, 1000)
    return "2026-01-08T%02d:%02d:%02d.%03dZ" % ((seconds // 3600) % 24, (seconds // 60) % 60, seconds % 60, millis)


def write_execution(kind, rng, args, sink):
    ms = 36_000_000
    if kind == "execution-events":
        sink.write('{\n    "events": [\n')
        first = True
        for rid, message in execution_messages(rng, args.fail_rate, args.target, sink):
            ms += rng.randint(0, 7)
            event = ('        {\n'
                     '            "logStreamName": "9f8e7d6c5b4a39281706f5e4d3c2b1a0",\n'
                     '            "timestamp": %d,\n'
                     '            "message": %s,\n'
                     '            "ingestionTime": %d,\n'
                     '            "eventId": "3871%048d"\n'
                     '        }') % (1767800000000 + ms, json.dumps(f"({rid}) {message}"), 1767800000050 + ms, ms)
            sink.write(("" if first else ",\n") + event)
            first = False
        sink.write('\n    ],\n    "searchedLogStreams": []\n}\n')
    elif kind == "execution-delivered":
        for rid, message in execution_messages(rng, args.fail_rate, args.target, sink):
            ms += rng.randint(0, 7)
            sink.write('{"time":"%s","requestId":"%s","message":%s}\n' % (iso(ms), rid, json.dumps(message)))
    elif kind == "execution-insights":
        sink.write("@timestamp,@message\n")
        for rid, message in execution_messages(rng, args.fail_rate, args.target, sink):
            ms += rng.randint(0, 7)
            text = f"({rid}) {message}"
            if any(c in text for c in ',"\n'):
                text = '"' + text.replace('"', '""') + '"'
            stamp = iso(ms).replace("T", " ").rstrip("Z")
            sink.write(f"2026-01-08 {stamp[11:]},{text}\n")
    else:
        for rid, message in execution_messages(rng, args.fail_rate, args.target, sink):
            sink.write(f"({rid}) {message}\n")


ACCESS_FAILURES = [
    # (status, integration status, integration error, error message)
    ("502", "200", "-", "Internal server error"),
    ("502", "200", "-", "Malformed Lambda proxy response"),
    ("504", "-", "-", "Endpoint request timed out"),
    ("500", "-", "-", "Internal server error"),
    ("503", "-", "-", "Service Unavailable"),
    ("429", "-", "-", "Too Many Requests"),
]


def write_access_json(rng, args, sink):
    ms = 36_000_000
    while sink.size < args.target:
        ms += rng.randint(1, 40)
        rid, lambda_id = execlog.uuid(rng), execlog.uuid(rng)
        method, path = rng.choice(execlog.RESOURCES)
        status, integration, integration_error, error = "200", "200", "-", "-"
        if rng.random() < args.fail_rate:
            status, integration, integration_error, error = rng.choice(ACCESS_FAILURES)
        latency = rng.randint(20, 400)
        sink.write(
            '{"requestId":"%s", "extendedRequestId":"%s", "ip":"198.51.100.%d", "requestTime":"%s", '
            '"httpMethod":"%s", "resourcePath":"%s", "status":"%s", "protocol":"HTTP/1.1", '
            '"responseLength":"%d", "responseLatency":"%d", "integrationLatency":"%d", '
            '"integrationStatus":"%s", "integration-error":"%s", "integrationRequestId":"%s", '
            '"errorMessage":"%s", "apiId":"%s", "stage":"%s", "userAgent":"Mozilla/5.0 (X11; Linux x86_64)"}\n'
            % (rid, execlog.short_id(rng), rng.randint(1, 254), iso(ms), method, path, status,
               rng.randint(30, 900), latency, max(0, latency - 8), integration, integration_error,
               lambda_id if integration != "-" else "-", error, execlog.API_ID, execlog.STAGE))


def write_access_clf(rng, args, sink):
    seconds = 0
    while sink.size < args.target:
        seconds += rng.randint(0, 2)
        rid = execlog.uuid(rng)
        method, path = rng.choice(execlog.RESOURCES)
        status, error = "200", ""
        if rng.random() < args.fail_rate:
            status, _, _, message = rng.choice(ACCESS_FAILURES)
            error = " Execution failed due to configuration error: Malformed Lambda proxy response" \
                if message == "Malformed Lambda proxy response" else ""
        stamp = "08/Jan/2026:%02d:%02d:%02d +0000" % ((seconds // 3600) % 24, (seconds // 60) % 60, seconds % 60)
        sink.write('198.51.100.%d - - [%s] "%s %s HTTP/1.1" %s %d %s %s%s\n'
                   % (rng.randint(1, 254), stamp, method, path, status, rng.randint(30, 900), rid,
                      execlog.short_id(rng), error))


LAMBDA_ARN = "arn:aws:lambda:eu-west-1::runtime:0f4ad4e3c9b5d8a1f2e7c6b5a4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5"


def write_lambda_text(rng, args, sink):
    ms = 36_000_000
    sink.write(f"INIT_START Runtime Version: nodejs:20.v43\tRuntime Version ARN: {LAMBDA_ARN}\n")
    while sink.size < args.target:
        rid = execlog.uuid(rng)
        ms += rng.randint(5, 900)
        sink.write(f"START RequestId: {rid} Version: $LATEST\n")
        for _ in range(rng.randint(1, 4)):
            ms += rng.randint(0, 9)
            sink.write(f"{iso(ms)}\t{rid}\tINFO\tGET /orders/{rng.randint(1, 99999)} served from cache shard {rng.randint(0, 31)}\n")
        failure = rng.random() < args.fail_rate
        kind = rng.choice(["error", "timeout"]) if failure else None
        duration = rng.uniform(2, 300)
        status = ""
        if kind == "error":
            sink.write(f"{iso(ms)}\t{rid}\tERROR\tInvoke Error \t{{\"errorType\":\"TypeError\",\"errorMessage\":"
                       "\"Cannot read properties of undefined (reading 'id')\",\"stack\":[\"TypeError: Cannot read "
                       "properties of undefined (reading 'id')\",\"    at Runtime.handler (file:///var/task/index.mjs:7:32)\"]}\n")
        elif kind == "timeout":
            duration = 3000.0
            sink.write(f"{iso(ms + 3000)} {rid} Task timed out after 3.00 seconds\n")
            status = "\tStatus: timeout"
        sink.write(f"END RequestId: {rid}\n")
        sink.write(f"REPORT RequestId: {rid}\tDuration: {duration:.2f} ms\tBilled Duration: {int(duration) + 1} ms\t"
                   f"Memory Size: 256 MB\tMax Memory Used: {rng.randint(70, 120)} MB\t{status}\n")


def write_lambda_json(rng, args, sink):
    ms = 36_000_000
    sink.write('{"time":"%s","type":"platform.initStart","record":{"initializationType":"on-demand","phase":"init",'
               '"runtimeVersion":"nodejs:20.v43","runtimeVersionArn":"%s","functionName":"%s","functionVersion":"$LATEST"}}\n'
               % (iso(ms), LAMBDA_ARN, execlog.FUNCTION))
    while sink.size < args.target:
        rid = execlog.uuid(rng)
        ms += rng.randint(5, 900)
        sink.write('{"time":"%s","type":"platform.start","record":{"requestId":"%s","version":"$LATEST"}}\n' % (iso(ms), rid))
        for _ in range(rng.randint(1, 4)):
            ms += rng.randint(0, 9)
            sink.write('{"timestamp":"%s","level":"INFO","requestId":"%s","message":"GET /orders/%d served from cache shard %d"}\n'
                       % (iso(ms), rid, rng.randint(1, 99999), rng.randint(0, 31)))
        failure = rng.random() < args.fail_rate
        kind = rng.choice(["error", "timeout"]) if failure else None
        duration = rng.uniform(2, 300)
        status = "success"
        if kind == "error":
            status = "error"
            sink.write('{"timestamp":"%s","level":"ERROR","requestId":"%s","message":{"errorType":"TypeError",'
                       '"errorMessage":"Cannot read properties of undefined (reading \'id\')","stackTrace":'
                       '["TypeError: Cannot read properties of undefined (reading \'id\')","    at Runtime.handler '
                       '(file:///var/task/index.mjs:7:32)"]}}\n' % (iso(ms), rid))
        elif kind == "timeout":
            status, duration = "timeout", 3000.0
        ms += int(duration)
        sink.write('{"time":"%s","type":"platform.runtimeDone","record":{"requestId":"%s","status":"%s",'
                   '"metrics":{"durationMs":%.2f,"producedBytes":212}}}\n' % (iso(ms), rid, status, duration))
        sink.write('{"time":"%s","type":"platform.report","record":{"requestId":"%s","metrics":{"durationMs":%.2f,'
                   '"billedDurationMs":%d,"memorySizeMB":256,"maxMemoryUsedMB":%d},"status":"%s"}}\n'
                   % (iso(ms), rid, duration, int(duration) + 1, rng.randint(70, 120), status))


def write_test_invoke(sink):
    fixture = os.path.join(HERE, "..", "Tests", "Fixtures", "test-invoke", "method-invoke-permission.json")
    with open(fixture, encoding="utf-8") as source:
        sink.write(source.read())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument("--size", default="100M", help="target size, e.g. 100M or 1G")
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=20260108)
    parser.add_argument("--fail-rate", type=float, default=0.03)
    parser.add_argument("--grep-pattern", action="store_true", help="print the format's grep pattern and exit")
    args = parser.parse_args()
    if args.grep_pattern:
        print(GREP_PATTERNS[args.format])
        return
    args.target = execlog.parse_size(args.size)
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8", buffering=1 << 20) as out:
        sink = Sink(out)
        if args.format.startswith("execution-"):
            write_execution(args.format, rng, args, sink)
        elif args.format == "access-json":
            write_access_json(rng, args, sink)
        elif args.format == "access-clf":
            write_access_clf(rng, args, sink)
        elif args.format == "lambda-text":
            write_lambda_text(rng, args, sink)
        elif args.format == "lambda-json":
            write_lambda_json(rng, args, sink)
        else:
            write_test_invoke(sink)
        sink.flush()
    print(f"wrote {sink.written} bytes of {args.format} to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
