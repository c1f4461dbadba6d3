import Foundation
import Testing
@testable import TriageKit

@Suite("Scenario library")
struct ScenarioLibraryTests {
    @Test func loadsAFolderEasiestFirstAndFindsByNumberOrName() throws {
        let library = try ScenarioLibrary(directory: Fixtures.path("scenarios-engine"))
        #expect(library.issues == [])
        #expect(library.scenarios.map(\.scenario.id) == ["proxy-body", "missing-permission"])
        #expect(library.find("2")?.scenario.id == "missing-permission")
        #expect(library.find(" proxy-body ")?.scenario.id == "proxy-body")
        #expect(library.find("3") == nil)
        #expect(library.find("0") == nil)
        #expect(library.find("nope") == nil)
    }

    @Test func embeddedFilesGiveTheSameScenarios() throws {
        let root = Fixtures.path("scenarios-engine")
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).sorted().compactMap { path -> (path: String, text: String)? in
            guard let text = try? String(contentsOfFile: root + "/" + path, encoding: .utf8) else { return nil }
            return (path, text)
        }
        let embedded = ScenarioLibrary(embedded: files)
        let folder = try ScenarioLibrary(directory: root)
        #expect(embedded.scenarios.map(\.scenario) == folder.scenarios.map(\.scenario))
        guard case .embedded(let texts) = try #require(embedded.find("proxy-body")).files else {
            Issue.record("expected embedded files")
            return
        }
        #expect(texts["curl.txt"]?.hasPrefix("HTTP/2 502\n") == true)
    }

    @Test func aBrokenScenarioIsReportedAndTheOthersStillLoad() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("scenarios-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Fixtures.path("scenarios-engine"), toPath: root.path)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("proxy-body/curl.txt"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("renamed"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: root.appendingPathComponent("missing-permission/scenario.yaml"), to: root.appendingPathComponent("renamed/scenario.yaml"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("bad-yaml"), withIntermediateDirectories: true)
        try "id: bad-yaml\ntitle: [unclosed\n".write(to: root.appendingPathComponent("bad-yaml/scenario.yaml"), atomically: false, encoding: .utf8)

        let library = try ScenarioLibrary(directory: root.path)
        #expect(library.scenarios.map(\.scenario.id) == ["missing-permission"])
        #expect(library.issues.count == 4)
        #expect(library.issues.contains("proxy-body: listed files missing: curl.txt"))
        #expect(library.issues.contains("renamed/scenario.yaml: id 'missing-permission' differs from the folder name"))
        #expect(library.issues.contains("empty: no readable scenario.yaml"))
        #expect(library.issues.contains { $0.hasPrefix("bad-yaml/scenario.yaml: ") })
    }

    @Test func aMissingFolderIsAnError() {
        #expect(throws: ScenarioLoadError.notADirectory("/nonexistent/scenarios")) {
            try ScenarioLibrary(directory: "/nonexistent/scenarios")
        }
    }

    @Test func embeddedScenariosAreWrittenOutAndFolderScenariosAreOfferedInPlace() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("workspace-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = try #require(try ScenarioLibrary(directory: Fixtures.path("scenarios-engine")).find("proxy-body")).scenario
        let bundle = ScenarioBundle(scenario: scenario, files: .embedded(["execution.log": "one\n", "curl.txt": "two\n"]))
        let offered = try ScenarioWorkspace.prepare(bundle, root: root)
        #expect(offered.map(\.number) == [1, 2])
        #expect(offered.map(\.name) == ["execution.log", "curl.txt"])
        #expect(try String(contentsOfFile: offered[1].path, encoding: .utf8) == "two\n")
        #expect(offered[0].path == root.appendingPathComponent("proxy-body/execution.log").path)

        let inPlace = try ScenarioWorkspace.prepare(ScenarioBundle(scenario: scenario, files: .directory("/cases/proxy-body")), root: root)
        #expect(inPlace.map(\.path) == ["/cases/proxy-body/execution.log", "/cases/proxy-body/curl.txt"])
    }

    @Test func aSymbolicLinkWhereTheWorkspaceGoesIsRefused() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("workspace-link-\(UUID().uuidString)")
        let target = base.appendingPathComponent("elsewhere")
        let root = base.appendingPathComponent("root")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root, withDestinationURL: target)
        defer { try? FileManager.default.removeItem(at: base) }
        let scenario = try #require(try ScenarioLibrary(directory: Fixtures.path("scenarios-engine")).find("proxy-body")).scenario
        let bundle = ScenarioBundle(scenario: scenario, files: .embedded(["execution.log": "x\n", "curl.txt": "y\n"]))
        #expect(throws: ScenarioWorkspaceError.cannotWrite(root.path, "it is not a folder owned by you")) {
            try ScenarioWorkspace.prepare(bundle, root: root)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }
}
