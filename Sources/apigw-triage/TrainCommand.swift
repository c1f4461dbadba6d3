import ArgumentParser
import Foundation
import TriageKit
import TriagePlain
import TriageTUI
import TriageScenarios

/// `apigw-triage train`: practise on a scenario — a ticket, the files an engineer would collect,
/// the wizard, and a verdict at the end.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Practise on a training scenario: a ticket, its evidence files, the wizard, and a verdict.",
        discussion: """
            Shows the scenario's story and offers its files without loading them: you decide what to \
            look at and when (type 'load N', or give a file's number at a file question). At the end: \
            whether you reached the scenario's cause, your questions against the shortest path, what \
            each file would have answered, and why.
            """
    )

    @Argument(
        help: ArgumentHelp("A scenario's number or name (see --list); without it, you are asked.", valueName: "scenario"),
        completion: .list(BuiltInScenarios.names))
    var scenario: String?

    @Flag(help: "List the scenarios (number, level, status, title) and exit.")
    var list = false

    @Option(
        help: ArgumentHelp("Use the scenarios in this folder (one subfolder each) instead of the built-in ones.", valueName: "dir"),
        completion: .directory)
    var scenarios: String?

    @Flag(help: "Learn mode: explain every question and the rule behind each step.")
    var explain = false

    @Flag(help: "Plain line mode (also chosen when standard input or output is not a terminal).")
    var plain = false

    @Flag(name: .customLong("no-color"), help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    @Flag(help: "Draw no box characters.")
    var ascii = false

    @OptionGroup var contentOptions: ContentOptions

    func run() throws {
        let library = try loadLibrary()
        let origin = scenarios ?? "built in"
        if list {
            print(TrainingText.list(library, origin: origin), terminator: "")
            return
        }
        guard let bundle = try pick(from: library, origin: origin) else { throw ExitStatus.usage.exitCode }
        let tree = try contentOptions.loadTree()
        if tree.cause(bundle.scenario.expected_cause) == nil {
            printError("apigw-triage: scenario \(bundle.scenario.id) expects cause '\(bundle.scenario.expected_cause)', which this content's catalogue lacks.")
        }
        let files: [OfferedFile]
        do {
            files = try ScenarioWorkspace.prepare(bundle)
        } catch {
            printError("apigw-triage: \(error.description)")
            throw ExitStatus.unreadable.exitCode
        }
        let session = TrainingSession(scenario: bundle.scenario, files: files, inspection: EvidenceScanning.inspection)
        if !Terminal.wantsPlain(flag: plain), try runFullScreen(session, tree: tree) { return }
        var output = StandardOutput()
        output.write(TrainingText.introduction(session, width: 78))
        let engine = Engine(tree: tree)
        var wizard = PlainWizard(
            engine: engine, state: engine.start(), input: StandardInput(), output: output,
            echo: !Terminal.isInteractive, explain: explain, companion: TrainingCompanion(session: session))
        switch wizard.run() {
        case .finished, .quit: return
        case .endOfInput: throw ExitStatus.usage.exitCode
        }
    }

    /// The full-screen wizard for a scenario: the story on the normal screen first, then the
    /// wizard, then the verdict printed below the fix. False when the terminal cannot be opened.
    private func runFullScreen(_ session: TrainingSession, tree: DecisionTree) throws -> Bool {
        var output = StandardOutput()
        output.write(TrainingText.fullScreenIntroduction(session, width: 78))
        output.write("Press Enter to start the wizard. ")
        guard readLine(strippingNewline: true) != nil else { throw ExitStatus.usage.exitCode }
        let engine = Engine(tree: tree)
        let options = TUIOptions(
            color: TUIOptions.colorWanted(flag: noColor, environment: ProcessInfo.processInfo.environment), ascii: ascii,
            explain: explain)
        var services = WizardServices(inspect: { session.inspection.inspect($0) })
        // The scenario's files stay listed, `a` takes their numbers, and Tab starts in their folder.
        if let first = session.files.first, first.path.hasSuffix("/" + first.name) {
            services.offer(session.files, folder: String(first.path.dropLast(first.name.count + 1)))
        }
        let outcome = MainActor.assumeIsolated {
            FullScreenWizard.run(engine: engine, state: engine.start(), options: options, services: services)
        }
        switch outcome {
        case .unavailable(let reason):
            printError("apigw-triage: \(reason); using plain mode.")
            return false
        case .interrupted:
            throw ExitStatus.interrupted.exitCode
        case .finished(_, let state):
            var companion = TrainingCompanion(session: session)
            output.write(companion.afterOutcome(state, engine: engine) ?? "No fix reached, so no verdict yet: run the scenario again.\n")
            return true
        }
    }

    private func loadLibrary() throws -> ScenarioLibrary {
        let library: ScenarioLibrary
        if let scenarios {
            do {
                library = try ScenarioLibrary(directory: scenarios)
            } catch {
                printError("apigw-triage: \(error.description)")
                throw ExitStatus.unreadable.exitCode
            }
        } else {
            library = ScenarioLibrary(embedded: BuiltInScenarios.files)
        }
        for issue in library.issues { printError("apigw-triage: scenario \(issue)") }
        return library
    }

    /// The scenario named on the command line, or one chosen from the list (read from stdin).
    private func pick(from library: ScenarioLibrary, origin: String) throws -> ScenarioBundle? {
        if let scenario {
            guard let bundle = library.find(scenario) else {
                throw ValidationError("no scenario '\(scenario)'. 'apigw-triage train --list' shows them.")
            }
            return bundle
        }
        var output = StandardOutput()
        output.write(TrainingText.list(library, origin: origin))
        while true {
            output.write("\nWhich scenario? (number or name) > ")
            guard let line = readLine(strippingNewline: true) else {
                output.write("\nInput ended before a scenario was chosen.\n")
                return nil
            }
            if !Terminal.isInteractive { output.write(line + "\n") }
            if let bundle = library.find(line) { return bundle }
            output.write("! No scenario '\(line)'.\n")
        }
    }
}
