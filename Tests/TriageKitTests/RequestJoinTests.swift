import Testing

@testable import TriageKit

@Suite("One request across files")
struct RequestJoinTests {
    static let lambdaID = "8c2f4a61-0b7d-4e3a-9f55-2a6c1d8e0b47"
    static let gatewayID = "5b0e1c2d-3f4a-4b5c-8d6e-7f8091a2b3c4"

    static let accessLine = EvidenceLine(file: "access.log", line: 4, text: #"{"status":"502","integrationStatus":"200"}"#)
    static let timeoutLine = EvidenceLine(file: "lambda.log", line: 12, text: "Task timed out after 3.00 seconds")

    static func accessLog(_ keys: RequestKeys, count: Int = 1) -> EvidenceReport {
        EvidenceReport(
            path: "access.log", kind: "access-log", description: "",
            undetermined: [UndeterminedFailure(status: 502, apiType: "rest", count: count, evidence: [accessLine], request: keys)])
    }

    static func lambdaLog(_ keys: RequestKeys, confidence: Confidence = .high) -> EvidenceReport {
        EvidenceReport(
            path: "lambda.log", kind: "lambda-log", description: "",
            findings: [Finding(cause: "lambda-timeout", confidence: confidence, evidence: [timeoutLine], request: keys)])
    }

    @Test func anAccessLog502AndTheLambdaTimeoutOfItsLambdaRequestIdAreOneLambdaTimeout() throws {
        let reports = EvidenceRefinement.refine([
            Self.accessLog(RequestKeys(apiGatewayRequestId: Self.gatewayID, lambdaRequestId: Self.lambdaID)),
            Self.lambdaLog(RequestKeys(lambdaRequestId: Self.lambdaID)),
        ])
        #expect(reports[0].undetermined.isEmpty)
        let finding = try #require(reports[1].findings.first)
        #expect(finding.cause == "lambda-timeout")
        #expect(finding.status == 502)
        #expect(finding.confidence == .high)
        #expect(finding.evidence == [Self.timeoutLine, Self.accessLine])
        #expect(finding.summary.contains("Lambda request id \(Self.lambdaID)"))
        #expect(finding.request?.apiGatewayRequestId == Self.gatewayID)

        let summary = ScanSummary(reports: [
            Self.accessLog(RequestKeys(lambdaRequestId: Self.lambdaID)), Self.lambdaLog(RequestKeys(lambdaRequestId: Self.lambdaID)),
        ])
        #expect(summary.diagnoses.map(\.cause) == ["lambda-timeout"])
        #expect(summary.diagnoses.first?.count == 1)
        #expect(summary.diagnoses.first?.status == 502)
        #expect(summary.undetermined.isEmpty)
    }

    @Test(arguments: [
        (RequestKeys(apiGatewayRequestId: "5B0E1C2D-3F4A-4B5C-8D6E-7F8091A2B3C4"), RequestKeys(apiGatewayRequestId: gatewayID), "API Gateway request id"),
        (RequestKeys(extendedRequestId: "Xk3bPFKDLPEFq2w="), RequestKeys(extendedRequestId: "Xk3bPFKDLPEFq2w="), "extended request id"),
        (RequestKeys(lambdaRequestId: lambdaID), RequestKeys(lambdaRequestId: lambdaID), "Lambda request id"),
        (RequestKeys(traceId: "1-67a1b2c3-0a1b2c3d4e5f6a7b8c9d0e1f"), RequestKeys(traceId: "1-67A1B2C3-0A1B2C3D4E5F6A7B8C9D0E1F"), "X-Ray trace id"),
    ])
    func joinsByEachKindOfId(failureKeys: RequestKeys, findingKeys: RequestKeys, kind: String) throws {
        let reports = RequestJoin.join([Self.accessLog(failureKeys), Self.lambdaLog(findingKeys)])
        #expect(reports[0].undetermined.isEmpty)
        let finding = try #require(reports[1].findings.first)
        #expect(finding.summary.contains(kind))
        #expect(finding.evidence.contains(Self.accessLine))
    }

    @Test func anExtendedIdJoinsOnlyInTheSameCase() {
        let reports = RequestJoin.join([
            Self.accessLog(RequestKeys(extendedRequestId: "Xk3bPFKDLPEFq2w=")), Self.lambdaLog(RequestKeys(extendedRequestId: "xk3bpfkdlpefq2w=")),
        ])
        #expect(reports[0].undetermined.count == 1)
    }

    @Test func differentIdsDoNotJoin() {
        let reports = RequestJoin.join([
            Self.accessLog(RequestKeys(lambdaRequestId: Self.lambdaID)),
            Self.lambdaLog(RequestKeys(lambdaRequestId: "00000000-0b7d-4e3a-9f55-2a6c1d8e0b47")),
        ])
        #expect(reports[0].undetermined.count == 1)
        #expect(reports[1].findings.first?.status == nil)
    }

    @Test func aLowFindingSettlesNothing() {
        let reports = RequestJoin.join([
            Self.accessLog(RequestKeys(lambdaRequestId: Self.lambdaID)), Self.lambdaLog(RequestKeys(lambdaRequestId: Self.lambdaID), confidence: .low),
        ])
        #expect(reports[0].undetermined.count == 1)
    }

    @Test func onlyTheExampleRequestOfAGroupIsSettled() {
        let reports = RequestJoin.join([
            Self.accessLog(RequestKeys(lambdaRequestId: Self.lambdaID), count: 4), Self.lambdaLog(RequestKeys(lambdaRequestId: Self.lambdaID)),
        ])
        #expect(reports[0].undetermined.map(\.count) == [3])
        #expect(reports[0].undetermined.first?.request == nil)
    }

    @Test func timeAndRouteJoinWithALowerConfidenceThatSaysSo() throws {
        let curl = EvidenceReport(
            path: "curl.txt", kind: "http-response", description: "",
            undetermined: [
                UndeterminedFailure(
                    status: 500, apiType: "rest", evidence: [EvidenceLine(file: "curl.txt", line: 1, text: "HTTP/2 500")],
                    request: RequestKeys(time: "2026-01-10T11:04:46Z", route: "POST /orders/42"))
            ])
        let execution = EvidenceReport(
            path: "execution.log", kind: "execution-log", description: "",
            findings: [
                Finding(
                    cause: "lambda-invoke-permission", status: 500, confidence: .high,
                    evidence: [EvidenceLine(file: "execution.log", line: 7, text: "Invalid permissions on Lambda function")],
                    request: RequestKeys(apiGatewayRequestId: Self.gatewayID, time: "2026-01-10T11:04:45Z", route: "POST /orders/{id}"))
            ])
        let reports = RequestJoin.join([curl, execution])
        #expect(reports[0].undetermined.isEmpty)
        let joined = try #require(reports[0].findings.first)
        #expect(joined.cause == "lambda-invoke-permission")
        #expect(joined.confidence == .medium)
        #expect(joined.summary.contains("joined by time and route, not by id"))
        #expect(joined.evidence.map(\.file) == ["curl.txt", "execution.log"])
        #expect(reports[1] == execution)
    }

    @Test func timeAloneOrAnotherRouteDoesNotJoin() {
        func curl(_ keys: RequestKeys) -> EvidenceReport {
            EvidenceReport(path: "curl.txt", kind: "http-response", description: "", undetermined: [UndeterminedFailure(status: 500, request: keys)])
        }
        let finding = Finding(
            cause: "lambda-invoke-permission", confidence: .high, request: RequestKeys(time: "2026-01-10T11:04:45Z", route: "POST /orders"))
        let log = EvidenceReport(path: "execution.log", kind: "execution-log", description: "", findings: [finding])
        #expect(RequestJoin.join([curl(RequestKeys(time: "2026-01-10T11:04:45Z")), log])[0].undetermined.count == 1)
        #expect(RequestJoin.join([curl(RequestKeys(time: "2026-01-10T11:04:45Z", route: "GET /orders")), log])[0].undetermined.count == 1)
        #expect(RequestJoin.join([curl(RequestKeys(time: "2026-01-10T11:05:45Z", route: "POST /orders")), log])[0].undetermined.count == 1)
    }

    @Test func aChainOfFilesJoinsThroughTheIdsEachAdds() throws {
        let curl = EvidenceReport(
            path: "curl.txt", kind: "http-response", description: "",
            undetermined: [UndeterminedFailure(status: 502, evidence: [EvidenceLine(file: "curl.txt", line: 1, text: "HTTP/2 502")],
                                               request: RequestKeys(apiGatewayRequestId: Self.gatewayID))])
        let reports = RequestJoin.join([
            curl, Self.accessLog(RequestKeys(apiGatewayRequestId: Self.gatewayID, lambdaRequestId: Self.lambdaID)),
            Self.lambdaLog(RequestKeys(lambdaRequestId: Self.lambdaID)),
        ])
        #expect(reports.allSatisfy { $0.undetermined.isEmpty })
        let finding = try #require(reports[2].findings.first)
        #expect(finding.status == 502)
        #expect(finding.evidence.map(\.file).contains("curl.txt"))
    }

    @Test func routesMatchTemplatesProxiesAndAny() {
        #expect(RouteMatch.matches("GET /orders/{id}", "GET /orders/42"))
        #expect(RouteMatch.matches("ANY /{proxy+}", "POST /a/b/c"))
        #expect(RouteMatch.matches("$default", "GET /x"))
        #expect(!RouteMatch.matches("GET /orders/{id}", "GET /orders"))
        #expect(!RouteMatch.matches("GET /orders", "POST /orders"))
    }

    @Test func timesReadInEverySpellingEvidenceUses() {
        #expect(RequestTime.normalized("2026-11-30T10:00:01.123Z") == "2026-11-30T10:00:01.123Z")
        #expect(RequestTime.normalized("2026-11-30 11:00:01+01:00") == "2026-11-30T10:00:01Z")
        #expect(RequestTime.normalized("30/Nov/2026:10:00:01 +0000") == "2026-11-30T10:00:01Z")
        #expect(RequestTime.normalized("Mon, 30 Nov 2026 10:00:01 GMT") == "2026-11-30T10:00:01Z")
        #expect(RequestTime.normalized("20261130T100001Z") == "2026-11-30T10:00:01Z")
        #expect(RequestTime.normalized("1796032801000") == "2026-11-30T10:00:01Z")
        #expect(RequestTime.normalized("1796032801") == "2026-11-30T10:00:01Z")
        #expect(RequestTime.normalized("yesterday") == nil)
        #expect(RequestTime.normalized("2026-13-45T99:00:00Z") == nil)
    }

    @Test func traceIdsReadFromHeadersAndBare() {
        #expect(TraceIdentifier.root(in: "Root=1-67a1b2c3-0a1b2c3d4e5f6a7b8c9d0e1f;Parent=5e6f7a8b9c0d1e2f;Sampled=0")
            == "1-67a1b2c3-0a1b2c3d4e5f6a7b8c9d0e1f")
        #expect(TraceIdentifier.root(in: "1-67A1B2C3-0A1B2C3D4E5F6A7B8C9D0E1F") == "1-67a1b2c3-0a1b2c3d4e5f6a7b8c9d0e1f")
        #expect(TraceIdentifier.root(in: "-") == nil)
    }
}
