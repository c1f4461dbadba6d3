/// What would decide between the candidate causes of an undetermined failure: the file to get,
/// with the command that gets it, filled with the ids the evidence gave (placeholders otherwise).
///
/// - REST: the execution log of that request (it names the cause in one line, §3.3).
/// - Any API type: the access log with the fields that explain a 5xx (§4.1, §4.4); for an HTTP
///   API it is the only log there is.
/// - A candidate in the function (a 502, or a 500 on an HTTP API): the function's own log for
///   that time.
/// - A 504 or HTTP API 503: the integration's timeout beside the response time.
/// - Last, the `apigw-triage collect` command that fetches all of these in one folder.
public enum DecidingEvidence {
    public static func next(
        for failure: UndeterminedFailure, candidates: [String], facts: [String: String]
    ) -> [String] {
        let api = facts["api_id"] ?? "<api-id>"
        let stage = facts["stage"] ?? "<stage>"
        let keys = failure.request ?? RequestKeys()
        var next: [String] = []
        if failure.apiType != "http" {
            let filter = keys.apiGatewayRequestId.map { "--filter-pattern '\"\($0)\"'" } ?? timeWindow(keys) ?? "--filter-pattern '\"Method completed with status: \(failure.status)\"'"
            let which = keys.apiGatewayRequestId.map { "the execution log for request \($0)" } ?? "the execution log of the failing requests"
            next.append(
                "\(which): aws logs filter-log-events --log-group-name 'API-Gateway-Execution-Logs_\(api)/\(stage)' \(filter)")
        }
        next.append(
            "the access log with $context.integrationErrorMessage, $context.integrationStatus, $context.error.responseType "
                + "and $context.integration.requestId for \(keys.apiGatewayRequestId.map { "request \($0)" } ?? "these requests")")
        if candidates.contains(where: { $0.hasPrefix("lambda-") && !$0.hasSuffix("-permission") }) {
            let function = facts["function_name"] ?? "<function-name>"
            let filter = keys.lambdaRequestId.map { "--filter-pattern '\"\($0)\"'" } ?? timeWindow(keys) ?? "--filter-pattern '?ERROR ?\"Task timed out\"'"
            next.append("the function's own log: aws logs filter-log-events --log-group-name '/aws/lambda/\(function)' \(filter)")
        }
        if failure.status == 504 || (failure.status == 503 && failure.apiType == "http") {
            next.append("the integration's timeout beside the response time (a timeout answers after about 29 s on REST, 30 s on HTTP APIs)")
        }
        // The collect script fetches every file above (and the configuration) in one folder for `scan`.
        next.append(
            "all of it at once: \(CollectCommandLine.command(facts: facts)) > collect.sh, run it where the AWS credentials are, "
                + "then apigw-triage scan the folder it writes")
        return next
    }

    /// `--start-time/--end-time` a minute either side of the request, when its time is known.
    private static func timeWindow(_ keys: RequestKeys) -> String? {
        guard let time = keys.time, let milliseconds = RequestTime.milliseconds(time) else { return nil }
        return "--start-time \(milliseconds - 60_000) --end-time \(milliseconds + 60_000)"
    }
}
