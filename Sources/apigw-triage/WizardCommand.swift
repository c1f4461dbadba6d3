import ArgumentParser
import Foundation
import TriageKit
import TriagePlain
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

    @Option(
        help: ArgumentHelp("Start at a branch: 500, 502, 503, 504 or unsure.", valueName: "branch"),
        completion: .list(["500", "502", "503", "504", "unsure"]))
    var start: String?

    @Flag(name: .customLong("no-color"), help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    @Flag(help: "Draw no box characters.")
    var ascii = false

    @Flag(help: "Learn mode: explain every question and the rule behind each step.")
    var explain = false

    @OptionGroup var sessionOptions: SessionOptions

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp("Read these files first (logs, AWS CLI output, templates, curl output) and start where they point.", valueName: "file"),
        completion: .file())
    var evidence: [String] = []

    func validate() throws {
        if sessionOptions.resume, start != nil {
            throw ValidationError("--start and --resume cannot be used together: a resumed session already has its branch")
        }
    }

    func run() throws {
        try checkReportTarget()
        let tree = try contentOptions.loadTree()
        let engine = Engine(tree: tree)
        // The session's own masker warns about --no-mask; this one only has to match it.
        let masker = SecretMasker.forOutput(masking: !sessionOptions.masking.noMask)
        let reports = readEvidence(with: EvidenceScanning.inspection(masker: masker))
        let session = try WizardSession.open(
            engine: engine, options: sessionOptions, facts: try factOptions.parsed(for: tree), branch: start,
            evidence: reports)
        defer { session.lock?.release() }
        if !Terminal.wantsPlain(flag: plain), let (reached, state, interrupted) = runFullScreen(engine: engine, session: session) {
            if !reached { printOutput(session.resumeHint) }
            try writeReport(of: state, session: session)
            if interrupted { throw ExitStatus.interrupted.exitCode }
            return
        }
        let (saves, id) = (session.saves, session.id)
        let interruption = PlainInterruption.install(hint: { WizardSession.resumeHint(id: id, saved: saves.lastSucceeded) })
        defer { interruption.cancel() }
        var hooks = session.plainHooks()
        hooks.outputIsTerminal = isatty(1) == 1
        hooks.overwriteAllowed = sessionOptions.force
        let environment = session.environment
        hooks.fileExists = { FileManager.default.fileExists(atPath: WizardSession.expandingHome(in: $0, environment: environment)) }
        var wizard = PlainWizard(
            engine: engine, state: session.state, input: StandardInput(), output: StandardOutput(),
            echo: !Terminal.isInteractive, hooks: hooks, explain: explain)
        let outcome = wizard.run()
        if outcome != .finished { printOutput(session.resumeHint) }
        try writeReport(of: wizard.state, session: session)
        if outcome == .endOfInput { throw ExitStatus.usage.exitCode }
    }

    /// Runs the full-screen wizard; nil when the terminal cannot be opened (plain mode follows).
    private func runFullScreen(engine: Engine, session: WizardSession) -> (reached: Bool, state: SessionState, interrupted: Bool)? {
        let options = TUIOptions(
            color: TUIOptions.colorWanted(flag: noColor, environment: ProcessInfo.processInfo.environment),
            ascii: ascii, explain: explain)
        var services = WizardServices(inspect: { session.inspection.inspect($0) })
        services.stateChanged = session.autosaveHandler
        services.saveReport = session.reportSaver
        services.sessionID = session.id
        session.autosaveHandler(session.state)
        let outcome = MainActor.assumeIsolated {
            FullScreenWizard.run(engine: engine, state: session.state, options: options, services: services)
        }
        switch outcome {
        case .finished(let reached, let state):
            return (reached, state, false)
        case .interrupted(let state):
            return (false, state, true)
        case .unavailable(let reason):
            printError("apigw-triage: \(reason); using plain mode.")
            return nil
        }
    }

    /// Reads the `--evidence` files, saying what each is; files that cannot be used are left out.
    /// A folder stands for every file below it; what it skips is said too.
    private func readEvidence(with inspection: EvidenceInspection) -> [EvidenceReport] {
        let expansion = EvidencePaths.expand(evidence)
        for note in expansion.notes { printError("apigw-triage: \(note)") }
        return expansion.files.compactMap { path in
            let report = inspection.inspect(path)
            // One line per file, even for a file name holding a newline.
            printError(VisibleText.visible("apigw-triage: \(path): \(report.description)" + report.problems.map { " (\($0))" }.joined()))
            return report.kind == nil ? nil : report
        }
    }

    /// `--report FILE` over an existing file: asked first on a terminal, refused otherwise, unless `--force`.
    private func checkReportTarget() throws {
        guard let report = sessionOptions.report, !sessionOptions.force else { return }
        let path = WizardSession.expandingHome(in: report, environment: ProcessInfo.processInfo.environment)
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard Terminal.isInteractive else {
            printError("apigw-triage: \(report) already exists; add --force to overwrite it, or choose another --report file.")
            throw ExitStatus.usage.exitCode
        }
        FileHandle.standardError.write(Data("apigw-triage: \(report) already exists. Overwrite it when the wizard ends? [y/N] ".utf8))
        guard let reply = readLine(), ["y", "yes"].contains(reply.lowercased()) else {
            printError("apigw-triage: not overwriting \(report); choose another --report file.")
            throw ExitStatus.usage.exitCode
        }
    }

    private func writeReport(of state: SessionState, session: WizardSession) throws {
        guard let report = sessionOptions.report else { return }
        do {
            printError(try session.writeReport(state, to: report))
        } catch {
            printError("apigw-triage: cannot write the report to \(report): \(error.localizedDescription)")
            throw ExitStatus.unreadable.exitCode
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
