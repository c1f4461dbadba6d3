import ArgumentParser
import Foundation
import TriageKit
import TriageTUI

/// The interactive wizard (the default command).
struct WizardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wizard",
        abstract: "Ask questions until the cause is found, then show the fix (the default command)."
    )

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var factOptions: FactOptions

    @Flag(help: "Plain line mode: one question per line, answers read one per line from standard input.")
    var plain = false

    @Option(help: ArgumentHelp("Start at a branch: 500, 502, 503, 504 or unsure.", valueName: "branch"))
    var start: String?

    @Flag(name: .customLong("no-color"), help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    @Flag(help: "Draw no box characters.")
    var ascii = false

    func run() throws {
        let tree = try contentOptions.loadTree()
        let engine = Engine(tree: tree)
        var state = engine.start(givenFacts: try factOptions.parsed(for: tree))
        if let start {
            do {
                state = try engine.apply(.branch(start), to: state)
            } catch {
                throw ValidationError("--start: \(error.description)")
            }
        }
        if !Terminal.wantsPlain(flag: plain) {
            let options = TUIOptions(
                color: TUIOptions.colorWanted(flag: noColor, environment: ProcessInfo.processInfo.environment),
                ascii: ascii)
            let outcome = MainActor.assumeIsolated {
                FullScreenWizard.run(engine: engine, state: state, options: options)
            }
            switch outcome {
            case .finished: return
            case .unavailable(let reason): printError("apigw-triage: \(reason); using plain mode.")
            }
        }
        let interactive = Terminal.isInteractive
        var wizard = PlainWizard(
            engine: engine, state: state, input: StandardInput(), output: StandardOutput(), echo: !interactive)
        switch wizard.run() {
        case .finished, .quit: return
        case .endOfInput: throw ExitStatus.usage.exitCode
        }
    }
}

/// Facts about the process's terminal and environment that decide the front end.
enum Terminal {
    static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// Plain mode is forced by `--plain`, `ACCESSIBLE=1`, `TERM=dumb`, or a non-terminal stdin/stdout.
    static func wantsPlain(flag: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        flag || environment["ACCESSIBLE"].map { !$0.isEmpty && $0 != "0" } == true
            || environment["TERM"] == "dumb" || !isInteractive
    }
}
