import Testing
@testable import TriageKit

/// An execution log names the path a client called (`/orders/18241`); the failure groups need the
/// route (`/orders/{id}`), or every id would be a failure of its own.
@Suite("Execution-log route templates")
struct ExecutionLogRouteTemplateTests {
    private func bytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @Test func theUsagePlanCheckStatesTheRoute() {
        let line = "API Key  authorized because method 'GET /reports/{id}' does not require API Key. Request will not contribute to throttle or quota limits"
        #expect(bytes(line, ExecutionLogRouteTemplate.stated) == "GET /reports/{id}")
        #expect(bytes("API Key  authorized because method 'ANY /{proxy+}' does not require API Key.", ExecutionLogRouteTemplate.stated) == "ANY /{proxy+}")
        // Not a route: nothing is claimed.
        #expect(bytes("API Key  authorized because method 'whatever' does not require API Key.", ExecutionLogRouteTemplate.stated) == nil)
        #expect(bytes("API Key  authorized because method 'GET /orders", ExecutionLogRouteTemplate.stated) == nil)
    }

    @Test func pathParametersPutBackGiveTheTemplate() {
        let parameters = bytes("Method request path: {id=18241, part=a/b}", ExecutionLogRouteTemplate.parameters)
        #expect(parameters.map(\.name) == ["id", "part"])
        #expect(parameters.map(\.value) == ["18241", "a/b"])
        #expect(bytes("Method request path: {}", ExecutionLogRouteTemplate.parameters).isEmpty)

        #expect(ExecutionLogRouteTemplate.template(of: "/orders/18241", parameters: [("id", "18241")]) == "/orders/{id}")
        #expect(ExecutionLogRouteTemplate.template(of: "/users/7/orders/9", parameters: [("order", "9"), ("user", "7")]) == "/users/{user}/orders/{order}")
        #expect(ExecutionLogRouteTemplate.template(of: "/files/a/b/c", parameters: [("proxy", "a/b/c")]) == "/files/{proxy+}")
    }

    @Test func aValueFoundTwiceOrNotAtAllLeavesThePath() {
        #expect(ExecutionLogRouteTemplate.template(of: "/a/1/b/1", parameters: [("x", "1")]) == nil)
        #expect(ExecutionLogRouteTemplate.template(of: "/orders/r%20x", parameters: [("id", "r x")]) == nil)
        #expect(ExecutionLogRouteTemplate.template(of: "/orders", parameters: []) == nil)
    }

    @Test func twoIdsOfOneResourceAreOneFailureGroup() throws {
        func request(_ id: String, _ order: String, _ line: Int) -> String {
            """
            (\(id)) Starting execution for request: \(id)
            (\(id)) HTTP Method: GET, Resource Path: /orders/\(order)
            (\(id)) Method request path: {id=\(order)}
            (\(id)) Endpoint request URI: https://lambda.eu-west-2.amazonaws.com/2015-03-31/functions/arn:aws:lambda:eu-west-2:480391234567:function:orders-api/invocations
            (\(id)) Lambda execution failed with status 200 due to customer function error: boom. Lambda request id: 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6\(line)
            (\(id)) Method completed with status: 502

            """
        }
        let log = request("3c1d5e7f-2a4b-4c6d-8e0f-1a2b3c4d5e61", "18241", 1) + request("3c1d5e7f-2a4b-4c6d-8e0f-1a2b3c4d5e62", "99", 2)
        let report = try EvidenceTestSupport.scan(text: log, named: "execution.log")
        #expect(report.kind == "execution-log")
        let engine = Engine(tree: try ContentLoader.load(.directory(RealContentTests.contentDirectory)))
        let groups = engine.failureGroups(in: engine.start(evidence: [report]))
        #expect(groups.map(\.key) == ["502 GET /orders/{id}"])
        // The commands still get the real path of the example request.
        #expect(groups.first?.facts["resource_path"] == "/orders/18241")
    }
}
