import Foundation
import Testing
@testable import TriageKit
@testable import TriageTUI

/// Training in full screen (issue 13 item 6): the scenario's files stay listed, `a` takes a file's
/// number or name, and Tab completes inside the scenario's folder.
@Suite struct TrainingFilesTests {
    /// A controller offering two files written to a temporary folder; `inspect` reports the path it read.
    private func harness(folder: String) throws -> Harness {
        try FileManagerTemp.write("log\n", to: folder + "/execution.log")
        try FileManagerTemp.write("{}\n", to: folder + "/integration.json")
        var harness = try Harness()
        var services = WizardServices(inspect: { EvidenceReport(path: $0, kind: "access-log", description: "read \($0)") })
        services.offer([
            OfferedFile(number: 1, name: "execution.log", description: "the stage's execution log", path: folder + "/execution.log"),
            OfferedFile(number: 2, name: "integration.json", description: "get-integration output", path: folder + "/integration.json"),
        ], folder: folder)
        let engine = harness.controller.engine
        harness.controller = WizardController(engine: engine, state: engine.start(), size: TerminalSize(columns: 80, rows: 24), services: services)
        harness.render()
        return harness
    }

    @Test func theFilesStayListedBesideTheQuestion() throws {
        let folder = FileManagerTemp.make()
        defer { FileManagerTemp.remove(folder) }
        var harness = try harness(folder: folder)
        #expect(harness.screenText().contains("Scenario files (a, then a number): 1 execution.log, 2 integration.json"))
        harness.press(.character("a"))
        let prompt = harness.screenText()
        #expect(prompt.contains("1. execution.log: the stage's execution log"))
        #expect(prompt.contains("2. integration.json: get-integration output"))
    }

    @Test func aTakesAFilesNumberOrName() throws {
        let folder = FileManagerTemp.make()
        defer { FileManagerTemp.remove(folder) }
        var harness = try harness(folder: folder)
        harness.press(.character("a"))
        harness.type("2")
        harness.press(.enter)
        #expect(harness.controller.evidence.map(\.path) == [folder + "/integration.json"])
        harness.press(.character("a"))
        harness.type("execution.log")
        harness.press(.enter)
        #expect(harness.controller.evidence.map(\.path).last == folder + "/execution.log")
        #expect(harness.controller.ui.overlay == nil)
    }

    @Test func tabCompletesInTheScenariosFolder() throws {
        let folder = FileManagerTemp.make()
        defer { FileManagerTemp.remove(folder) }
        var harness = try harness(folder: folder)
        harness.press(.character("a"))
        harness.type("integ")
        harness.press(.tab)
        guard case .prompt(let prompt)? = harness.controller.ui.overlay else { Issue.record("no prompt"); return }
        #expect(prompt.field.text == "integration.json")
        harness.press(.enter)
        #expect(harness.controller.evidence.map(\.path) == [folder + "/integration.json"])
    }
}
