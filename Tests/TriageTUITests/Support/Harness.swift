import TriageKit
@testable import TriageTUI

/// Drives a `WizardController` the way `FullScreenWizard` does: render, absorb the layout, take a
/// key, render again. Collects what the controller asked of the terminal.
struct Harness {
    var controller: WizardController
    var theme: Theme
    private(set) var requests: [TerminalRequest] = []
    private(set) var saved: [String: String] = [:]

    /// What the fake inspector says about `logs/execution-502.log`: a REST execution log showing
    /// malformed proxy responses, with the API's id, stage and region.
    static func executionLog(at path: String = "logs/execution-502.log") -> EvidenceReport {
        EvidenceReport(
        path: path, kind: "execution-log",
        description: "API Gateway execution log, 120 lines, 4 requests, 2 failed with 502", lines: 120,
        requests: 4, failed: 2,
        findings: [Finding(
            cause: "lambda-response-format", status: 502, confidence: .high, count: 2,
            evidence: [EvidenceLine(file: path, line: 17, text: "Execution failed due to configuration error: Malformed Lambda proxy response")],
            summary: "The function's response is not a valid proxy response.")],
        facts: ["api_id": "a1b2c3d4e5", "stage": "prod", "region": "eu-west-1"])
    }

    /// Execution logs for names with "execution-502", an access log for anything else.
    static let fakeInspect: @Sendable (String) -> EvidenceReport = { path in
        if path.hasSuffix("execution-502.log") { return executionLog(at: path) }
        return EvidenceReport(path: path, kind: "access-log", description: "API Gateway access log, 40 lines", lines: 40)
    }

    init(
        size: TerminalSize = TerminalSize(columns: 80, rows: 24), theme: Theme = .unicode,
        givenFacts: [String: String] = [:], evidence: [EvidenceReport] = [], files: FakeFiles = FakeFiles(),
        inspect: @escaping @Sendable (String) -> EvidenceReport = Harness.fakeInspect, sessionID: String? = nil
    ) throws {
        let engine = try SmallTree.engine()
        let state = engine.start(givenFacts: givenFacts, evidence: evidence)
        var services = WizardServices(inspect: inspect, files: files, save: { path, _ in .saved(path: path) })
        services.sessionID = sessionID
        controller = WizardController(engine: engine, state: state, size: size, services: services)
        self.theme = theme
        render()
    }

    @discardableResult
    mutating func render() -> RenderedScreen {
        let frame = ScreenRenderer.render(controller.view(theme: theme))
        controller.absorb(frame.feedback)
        return frame
    }

    mutating func press(_ keys: Key...) {
        for key in keys {
            requests += controller.handle(key)
            render()
        }
    }

    mutating func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    mutating func resize(columns: Int, rows: Int) {
        press(.resize(TerminalSize(columns: columns, rows: rows)))
    }

    /// The screen's text, one string per row.
    mutating func rows() -> [String] {
        let grid = render().grid
        return (0..<grid.height).map { grid.text(ofRow: $0) }
    }

    mutating func screenText() -> String {
        rows().joined(separator: "\n")
    }

    var position: Position { controller.state.current }

    /// Walks the small tree from the start to the fix for malformed responses (no facts given).
    mutating func walkToFix(functionName: String = "orders-fn") {
        press(.character("2"))           // Status code: 502
        press(.enter)                    // API type: rest (first choice)
        press(.character("y"))           // Lambda proxy? yes
        press(.enter)                    // Execution log: skip
        type(functionName)
        press(.enter)                    // Function name
        press(.character("n"))           // Task timed out? no
        press(.enter, .enter, .enter)    // Region, API id, stage: left as placeholders
    }
}
