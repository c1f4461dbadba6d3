import Foundation
import Testing
@testable import TriageKit

/// Review row 6: the fixes' Logs Insights queries fit plain execution-log events and the JSON events
/// a log delivery writes (the message inside a JSON object). Insights regexes are checked here with
/// Foundation's engine, which reads the same syntax for what the queries use (classes, named groups).
@Suite("Insights queries for plain and JSON events")
struct InsightsQueryTests {
    let tree: DecisionTree
    init() throws { tree = try ContentLoader.load(.directory(RealContentTests.contentDirectory)) }

    static let requestId = "5a000014-1014-4014-9014-0012345678a4"
    static let lambdaRequestId = "dcb2ab89-2d03-4b77-98cd-18d14fd2b850"

    /// The event as standard logging writes it, and as a JSON delivery does (field names as in the
    /// delivered-json fixtures; the review lists them as unverified, so the queries rely on none).
    static func events(_ message: String) -> [String] {
        let escaped = message.replacingOccurrences(of: "\"", with: "\\\"")
        return [
            "(\(requestId)) \(message)",
            #"{"@timestamp":"2026-11-30T11:20:00.000Z","request_id":"\#(requestId)","level":"ERROR","msg":"\#(escaped)"}"#,
        ]
    }

    private func insights(_ fix: String) throws -> String {
        try #require(tree.node(fix)?.query?.insights)
    }

    /// The `like /.../` filters and the `parse @message /.../` patterns of a query (`\/` is a slash).
    private func patterns(_ query: String, after keyword: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: NSRegularExpression.escapedPattern(for: keyword) + #"((?:\\/|[^/])*)/"#)
        return regex.matches(in: query, range: NSRange(query.startIndex..., in: query)).compactMap { match in
            Range(match.range(at: 1), in: query).map { String(query[$0]).replacingOccurrences(of: "\\/", with: "/") }
        }
    }

    private func captures(_ pattern: String, in text: String) throws -> [String: String] {
        let regex = try NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        guard let match = regex.firstMatch(in: text, range: range) else { return [:] }
        var result: [String: String] = [:]
        for name in ["requestId", "lambdaRequestId", "errorMessage", "seconds", "lambdaStatus", "roleArn"] {
            let group = match.range(withName: name)
            if group.location != NSNotFound, let r = Range(group, in: text) { result[name] = String(text[r]) }
        }
        result["matched"] = "yes"
        return result
    }

    @Test func noQueryParsesWithAGlobThatOnlyFitsThePlainLayout() throws {
        for node in tree.nodes where node.query?.insights != nil {
            let query = try #require(node.query?.insights)
            #expect(!query.contains("parse @message '"), "\(node.id)")
        }
    }

    @Test(arguments: [
        ("fix-lambda-invoke-permission", "Execution failed due to configuration error: Invalid permissions on Lambda function", "requestId", requestId),
        ("fix-lambda-function-error", "Lambda execution failed with status 200 due to customer function error: Cannot read properties of undefined (reading \"id\"). Lambda request id: \(lambdaRequestId)", "lambdaRequestId", lambdaRequestId),
        ("fix-lambda-timeout", "Lambda execution failed with status 200 due to customer function error: 2026-11-30T11:20:03.001Z \(lambdaRequestId) Task timed out after 3.00 seconds. Lambda request id: \(lambdaRequestId)", "seconds", "3.00"),
        ("fix-lambda-service-error", "Lambda invocation failed with status: 502. Lambda request id: \(lambdaRequestId)", "lambdaStatus", "502"),
        ("fix-integration-role", "Execution failed due to configuration error: API Gateway does not have permission to assume the provided role arn:aws:iam::123456789012:role/apigw-invoke", "roleArn", "arn:aws:iam::123456789012:role/apigw-invoke"),
    ])
    func theQueryFindsAndReadsTheEventInBothFormats(fix: String, message: String, field: String, value: String) throws {
        let query = try insights(fix)
        for event in Self.events(message) {
            let filters = try patterns(query, after: "like /")
            #expect(!filters.isEmpty)
            #expect(try filters.contains { try captures($0, in: event)["matched"] != nil }, "\(fix): \(event)")
            let parsed = try patterns(query, after: "parse @message /").map { try captures($0, in: event) }
            #expect(parsed.contains { $0[field] == value }, "\(fix) reads \(field) from \(event): \(parsed)")
        }
    }
}
