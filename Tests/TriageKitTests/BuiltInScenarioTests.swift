import Foundation
import Testing
import TriageScenarios
@testable import TriageKit

/// The scenarios that ship in `Resources/scenarios`: complete, consistent with the catalogue and
/// the fact vocabulary, embedded as they are on disk, and in the formats AWS produces.
@Suite("Built-in scenarios")
struct BuiltInScenarioTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("Resources/scenarios")
    let library: ScenarioLibrary
    /// The catalogue and vocabulary (read even while the tree itself is incomplete).
    let content: DecisionTree

    init() throws {
        library = try ScenarioLibrary(directory: Self.folder.path)
        let (tree, _) = try ContentLoader.inspect(.directory(Fixtures.packageRoot.appendingPathComponent("Content").path))
        content = try #require(tree)
    }

    private var scenarios: [Scenario] { library.scenarios.map(\.scenario) }

    private func text(_ scenario: Scenario, _ file: String) throws -> String {
        try String(contentsOf: Self.folder.appendingPathComponent(scenario.id).appendingPathComponent(file), encoding: .utf8)
    }

    @Test func allLoadWithoutIssues() {
        #expect(library.issues == [])
        #expect(scenarios.count >= 16)
    }

    @Test func theEmbeddedCopyIsTheFolder() throws {
        let embedded = ScenarioLibrary(embedded: BuiltInScenarios.files)
        #expect(embedded.scenarios.map(\.scenario) == scenarios)
        for bundle in embedded.scenarios {
            guard case .embedded(let texts) = bundle.files else { continue }
            for entry in bundle.scenario.files {
                #expect(texts[entry.name] == (try text(bundle.scenario, entry.name)), "\(bundle.scenario.id)/\(entry.name)")
            }
        }
    }

    @Test func everyStatusCodeAndMostCausesAreCovered() {
        #expect(Set(scenarios.map(\.status)).isSuperset(of: [500, 502, 503, 504]))
        let catalogue = Set(content.causes.map(\.id))
        let covered = Set(scenarios.map(\.expected_cause))
        #expect(covered.isSubset(of: catalogue), "unknown causes: \(covered.subtracting(catalogue).sorted())")
        #expect(covered.count * 4 >= catalogue.count * 3, "only \(covered.count) of \(catalogue.count) causes")
        #expect(Set(scenarios.map(\.api_type)) == ["rest", "http"])
        #expect(Set(scenarios.map(\.difficulty)) == Set(Difficulty.allCases))
    }

    @Test func misleadingScenariosNameAnotherCatalogueCause() {
        let misleading = scenarios.filter { $0.misleads != nil }
        #expect(misleading.count >= 3)
        for scenario in misleading {
            #expect(scenario.misleads != scenario.expected_cause, "\(scenario.id)")
            #expect(content.cause(scenario.misleads!) != nil, "\(scenario.id)")
        }
    }

    @Test func everyFileIsListedDescribedAndThere() throws {
        for scenario in scenarios {
            let present = try FileManager.default.contentsOfDirectory(atPath: Self.folder.appendingPathComponent(scenario.id).path)
            #expect(Set(present) == Set(scenario.files.map(\.name) + [ScenarioLibrary.scenarioFile]), "\(scenario.id)")
            #expect(scenario.files.allSatisfy { !$0.description.isEmpty }, "\(scenario.id)")
            #expect(!scenario.story.isEmpty && !scenario.explanation.isEmpty, "\(scenario.id)")
        }
    }

    @Test func theKeyEvidenceIsQuotedExactly() throws {
        for scenario in scenarios {
            #expect(!scenario.key_evidence.isEmpty, "\(scenario.id)")
            for line in scenario.key_evidence {
                #expect(try text(scenario, line.file).contains(line.text), "\(scenario.id)/\(line.file): \(line.text)")
            }
        }
    }

    @Test func factsFitTheVocabulary() {
        for scenario in scenarios {
            for (key, value) in scenario.facts ?? [:] {
                #expect(AnswerParser.validateFact(value, key: key, in: content) == nil, "\(scenario.id): \(key)=\(value)")
            }
        }
    }

    @Test func identifiersAreInventedNotTheDocumentationExamples() throws {
        let examples = ["123456789012", "uwe3g5jm54", "958845080241", "a1b2c3d4e5", "beags1mnid", "mnh1xmpli7"]
        for scenario in scenarios {
            for entry in scenario.files {
                let body = try text(scenario, entry.name)
                #expect(!examples.contains(where: body.contains), "\(scenario.id)/\(entry.name)")
            }
        }
    }

    @Test func theFolderStaysLean() throws {
        var total = 0
        for scenario in scenarios {
            for entry in scenario.files { total += try text(scenario, entry.name).utf8.count }
        }
        #expect(total < 800_000, "scenarios hold \(total) bytes")
    }
}

/// The evidence files are in the exact shapes of the domain reference.
@Suite("Scenario file formats")
struct ScenarioFormatTests {
    let library: ScenarioLibrary
    init() throws { library = try ScenarioLibrary(directory: BuiltInScenarioTests.folder.path) }

    private func files(where match: (String) -> Bool) throws -> [(scenario: Scenario, name: String, text: String)] {
        try library.scenarios.flatMap { bundle in
            try bundle.scenario.files.map(\.name).filter(match).map { name in
                (bundle.scenario, name, try String(
                    contentsOf: BuiltInScenarioTests.folder.appendingPathComponent(bundle.scenario.id).appendingPathComponent(name),
                    encoding: .utf8))
            }
        }
    }

    private static let cloudWatch = try! NSRegularExpression(pattern: #"^\(([^)]+)\) (.*)$"#)
    private static let isoPrefixed = try! NSRegularExpression(pattern: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z \(([^)]+)\) (.*)$"#)
    private static let console = try! NSRegularExpression(pattern: #"^\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4} : (.*)$"#)

    /// The message of an execution-log line in any of its three shapes, or nil for a continuation line.
    private static func message(_ line: String) -> String? {
        let range = NSRange(line.startIndex..., in: line)
        for (regex, group) in [(cloudWatch, 2), (isoPrefixed, 2), (console, 1)] {
            if let match = regex.firstMatch(in: line, range: range), let body = Range(match.range(at: group), in: line) {
                return String(line[body])
            }
        }
        return nil
    }

    @Test func executionLogLinesHaveARequestIdOrTimestampAndEventsStopAt1024Bytes() throws {
        let logs = try files(where: { $0.hasPrefix("execution") && $0.hasSuffix(".log") || $0 == "console-test.log" })
        #expect(logs.count >= 18)
        for log in logs {
            var lines = log.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            if log.name == "console-test.log" { #expect(lines.removeFirst() == "Execution log for request test-request") }
            var previous: String?
            for line in lines {
                if let message = Self.message(line) {
                    previous = message
                    let size = message.utf8.count
                    #expect(size <= 1024 || (message.hasSuffix(" [TRUNCATED]") && size <= 1024 + 12), "\(log.scenario.id)/\(log.name)")
                } else {
                    // Only a body (JSON, XML, HTML) continues on lines without a prefix.
                    #expect(previous?.contains("body") == true, "\(log.scenario.id)/\(log.name): \(line)")
                }
            }
        }
    }

    @Test func everyStartedRequestCompletesWithAStatus() throws {
        // Requests stopped by an authorizer or by WAF never start executing, so a log may have none.
        var total = 0
        for log in try files(where: { $0.hasPrefix("execution") && $0.hasSuffix(".log") }) {
            var started: Set<String> = []
            var completed: Set<String> = []
            for line in log.text.split(separator: "\n").map(String.init) {
                let range = NSRange(line.startIndex..., in: line)
                guard let match = Self.cloudWatch.firstMatch(in: line, range: range) ?? Self.isoPrefixed.firstMatch(in: line, range: range),
                    let rid = Range(match.range(at: 1), in: line), let body = Range(match.range(at: 2), in: line)
                else { continue }
                if line[body].hasPrefix("Starting execution for request:") { started.insert(String(line[rid])) }
                if line[body].hasPrefix("Method completed with status: ") { completed.insert(String(line[rid])) }
            }
            #expect(started == completed, "\(log.scenario.id)/\(log.name)")
            total += started.count
        }
        #expect(total >= 60)
    }

    @Test func filterLogEventsOutputHasTheCLIShape() throws {
        let outputs = try files(where: { $0.hasSuffix(".json") && $0.contains("execution") })
        #expect(outputs.count >= 3)
        for output in outputs {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(output.text.utf8)) as? [String: Any])
            let events = try #require(object["events"] as? [[String: Any]])
            #expect(!events.isEmpty)
            var last = 0
            for event in events {
                #expect(Set(event.keys) == ["logStreamName", "timestamp", "message", "ingestionTime", "eventId"])
                let timestamp = try #require(event["timestamp"] as? Int)
                #expect(timestamp >= last && (event["ingestionTime"] as? Int ?? 0) > timestamp)
                last = timestamp
                #expect(Self.message(event["message"] as? String ?? "") != nil, "\(output.scenario.id)")
            }
        }
    }

    @Test func jsonFilesParseAndPoliciesAreJSONStrings() throws {
        for file in try files(where: { $0.hasSuffix(".json") }) {
            #expect(throws: Never.self, "\(file.scenario.id)/\(file.name)") {
                _ = try JSONSerialization.jsonObject(with: Data(file.text.utf8))
            }
        }
        let policies = try files(where: { $0.hasPrefix("get-policy") && $0.hasSuffix(".json") })
        #expect(policies.count >= 3)
        for file in policies {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(file.text.utf8)) as? [String: Any])
            let policy = try #require(object["Policy"] as? String, "Policy is a JSON string, not an object")
            let inner = try #require(try JSONSerialization.jsonObject(with: Data(policy.utf8)) as? [String: Any])
            #expect(inner["Statement"] is [[String: Any]])
            #expect(object["RevisionId"] is String)
        }
    }

    @Test func jsonAccessLogsHaveOneObjectPerLineWithAStatus() throws {
        for file in try files(where: { $0 == "access.log" }) where file.text.hasPrefix("{") {
            for line in file.text.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(object?["status"] is String, "\(file.scenario.id): \(line)")
            }
        }
    }

    @Test func theClientSeesTheScenarioStatusInCurl() throws {
        for file in try files(where: { $0 == "curl-v.txt" }) {
            #expect(file.text.contains("\n< HTTP/2 \(file.scenario.status)\n"), "\(file.scenario.id)")
        }
    }
}
