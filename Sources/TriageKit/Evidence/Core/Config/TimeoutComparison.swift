/// Compares an integration's timeout with its Lambda function's own timeout, which decides what a
/// slow call looks like to the client.
///
/// - Function timeout ≥ integration timeout: API Gateway gives up first and answers 504
///   (`Endpoint request timed out`; 503 on HTTP APIs) while the function keeps running —
///   `integration-timeout`.
/// - Function timeout < integration timeout: the function is stopped first and a slow call comes back
///   as a 502 (500 on HTTP APIs) carrying `Task timed out` — `lambda-timeout`. That is the setting AWS advises, so the
///   finding is only a low-confidence pointer to how such failures will look.
public enum TimeoutComparison {
    /// The finding for one integration/function pair. `apiType` is `rest` or `http` when known.
    public static func compare(
        integrationTimeoutMs: Int, functionTimeoutSeconds: Int, apiType: String? = nil,
        evidence: [EvidenceLine] = []
    ) -> Finding {
        let functionMs = functionTimeoutSeconds * 1000
        let facts = [
            "integration_timeout_ms": String(integrationTimeoutMs), "function_timeout_s": String(functionTimeoutSeconds),
        ]
        if functionMs >= integrationTimeoutMs {
            let status = apiType == "http" ? 503 : 504
            return Finding(
                cause: "integration-timeout", status: apiType == nil ? nil : status, confidence: .medium,
                evidence: evidence, facts: facts,
                summary: "The function may run for \(functionTimeoutSeconds) s but the integration waits only "
                    + "\(integrationTimeoutMs) ms, so a slow call ends in a timeout from API Gateway "
                    + "(\(apiType == "http" ? "503" : apiType == "rest" ? "504" : "504 on REST, 503 on HTTP APIs")) "
                    + "while the function keeps running.")
        }
        // A function error reaches REST clients as 502 and HTTP API clients as 500.
        let errorStatus = apiType == "http" ? "500" : apiType == "rest" ? "502" : "502 (500 on HTTP APIs)"
        return Finding(
            cause: "lambda-timeout", status: apiType == "http" ? 500 : 502, confidence: .low, evidence: evidence,
            facts: facts,
            summary: "The function's \(functionTimeoutSeconds) s timeout is shorter than the integration's "
                + "\(integrationTimeoutMs) ms, so a slow call shows up as a \(errorStatus) with Task timed out, "
                + "not as an integration timeout.")
    }
}
