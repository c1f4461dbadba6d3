import ArgumentParser
import Foundation
import TriageKit
import TriagePlain
import TriageTUI

/// Opens the session the wizard runs (new, or resumed from the state folder) and supplies the
/// hooks every front end needs: autosave after each change, `save` reports, masking.
struct WizardSession {
    let engine: Engine
    let id: String
    let state: SessionState
    let autosave: SessionAutosave?
    let writer: ReportWriter
    let masker: SecretMasker
    let environment: [String: String]
    /// How the saves went, for the warning and the resume hint.
    let saves = SaveRecord()
    /// Held while the wizard runs, so a second process resuming this session is told so.
    var lock: SessionLock?

    /// A new session (with the `--fact` facts and the `--start` branch), or with `--resume` the
    /// saved one with the facts added (exits with a message when it cannot be resumed).
    static func open(
        engine: Engine, options: SessionOptions, facts: [String: String], branch: String?,
        evidence: [EvidenceReport] = [], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> WizardSession {
        let masker = options.masking.masker()
        let writer = ReportWriter(engine: engine, masker: masker, format: options.reportFormat?.format)
        let store = SessionStore.standard(environment: environment)
        if options.resume, store == nil {
            throw ValidationError("--resume: there is no state folder (set HOME or XDG_STATE_HOME)")
        }
        if store == nil {
            printError("apigw-triage: warning: neither XDG_STATE_HOME nor HOME is set, so this session is not saved as it goes.")
        }
        if options.resume, let store, let saved = try savedSession(in: store, id: options.sessionID) {
            let (resumed, note) = try resumedState(saved, engine: engine)
            var state = try adding(facts, to: resumed, engine: engine)
            for report in evidence { state = try engine.apply(.addEvidence(report), to: state) }
            printOutput("Resuming session \(saved.id) (saved \(saved.updated.ISO8601Format()), \(SessionAutosave.summary(of: state, engine: engine))).")
            if let note { printOutput(note) }
            let autosave = SessionAutosave(store: store, id: saved.id, created: saved.created, engine: engine, masker: masker)
            return WizardSession(
                engine: engine, id: saved.id, state: state, autosave: autosave, writer: writer, masker: masker,
                environment: environment, lock: try lock(saved.id, in: store))
        }
        let now = Date()
        let id = SessionID.make(date: now, random: UInt16.random(in: .min ... .max))
        let autosave = store.map { SessionAutosave(store: $0, id: id, created: now, engine: engine, masker: masker) }
        return WizardSession(
            engine: engine, id: id, state: try newState(engine: engine, facts: facts, branch: branch, evidence: evidence),
            autosave: autosave, writer: writer, masker: masker, environment: environment,
            lock: try store.map { store throws in try lock(id, in: store) })
    }

    /// The session's lock; a session open in another process ends this one with a message.
    private static func lock(_ id: String, in store: SessionStore) throws -> SessionLock {
        do {
            return try SessionLock.acquire(id: id, in: store.folder)
        } catch {
            printError("apigw-triage: \(error.description)")
            throw ExitStatus.usage.exitCode
        }
    }

    /// A new session: the given facts, then the `--start` branch if any.
    private static func newState(
        engine: Engine, facts: [String: String], branch: String?, evidence: [EvidenceReport]
    ) throws -> SessionState {
        // Files given up front pick the branch they support best, unless the user named one.
        let evidence = branch == nil && facts["status"] == nil
            ? EvidenceRanking.withLikeliestStatus(evidence, tree: engine.tree) : evidence
        let state = engine.start(givenFacts: facts, evidence: evidence)
        guard let branch else { return state }
        do {
            return try engine.apply(.branch(branch), to: state)
        } catch {
            throw ValidationError("--start: \(error.description)")
        }
    }

    /// Facts given with `--resume` (`--fact`) join the resumed session as if typed with `set`.
    private static func adding(_ facts: [String: String], to state: SessionState, engine: Engine) throws -> SessionState {
        var state = state
        for (key, value) in facts.sorted(by: { $0.key < $1.key }) {
            do {
                state = try engine.apply(.setFact(key: key, value: value), to: state)
            } catch {
                throw ValidationError("--fact \(key)=\(value): \(error.description)")
            }
        }
        return state
    }

    /// The session `--resume [ID]` names; nil (with a message) when there is nothing to resume,
    /// so a new session starts instead.
    private static func savedSession(in store: SessionStore, id: String?) throws -> SavedSession? {
        if let id {
            do {
                return try store.load(id: id)
            } catch {
                printError("apigw-triage: \(error.description)")
                switch error {
                case .notFound, .invalidID: throw ExitStatus.usage.exitCode
                default: throw ExitStatus.unreadable.exitCode
                }
            }
        }
        let (session, problems) = store.latestResumable()
        for problem in problems { printError("apigw-triage: \(problem.description)") }
        if session == nil {
            printError("apigw-triage: no unfinished session with answers to resume in \(store.folder); starting a new one.")
        }
        return session
    }

    /// The state to continue from, and what changed when the content did.
    private static func resumedState(_ saved: SavedSession, engine: Engine) throws -> (SessionState, note: String?) {
        switch engine.resumePlan(for: saved.state) {
        case .exact(let state):
            return (state, nil)
        case .adapted(let state, let note):
            return (state, note)
        case .impossible(let reason):
            printError("apigw-triage: cannot resume session \(saved.id). \(reason)")
            printError("Start a new session with 'apigw-triage' (without --resume); the saved file stays in place.")
            throw ExitStatus.unreadable.exitCode
        }
    }

    /// The plain-mode hooks: save after every change (a failing save warns once and the
    /// session goes on), write reports on `save PATH`, mask what is printed.
    /// Saves the state after each change, for either front end; warns once if saving fails.
    var autosaveHandler: @Sendable (SessionState) -> Void {
        let autosave = autosave
        let saves = saves
        return { state in
            guard let autosave else { return }
            do {
                if try autosave.save(state, at: Date()) { saves.succeeded() }
            } catch {
                saves.failed("apigw-triage: warning: \(error); the session goes on without being saved.")
            }
        }
    }

    /// Writes a report for the full-screen `s` key (a copy of the session, so it can cross actors).
    var reportSaver: @Sendable (String, SessionState) -> SaveOutcome {
        let writer = writer, masker = masker, environment = environment
        return { path, state in
            let target = Self.expandingHome(in: path, environment: environment)
            do {
                _ = try writer.write(state, date: Date(), to: target)
                return .saved(path: target + (masker.isEnabled ? "" : " (secrets NOT masked)"))
            } catch {
                return .failed(reason: error.localizedDescription)
            }
        }
    }

    /// Evidence files read with this session's masker.
    var inspection: EvidenceInspection { EvidenceScanning.inspection(masker: masker) }

    func plainHooks() -> PlainSessionHooks {
        PlainSessionHooks(
            stateChanged: autosaveHandler,
            saveReport: { path, state in
                do {
                    return try writeReport(state, to: path)
                } catch {
                    return "! Cannot write the report to \(path): \(error.localizedDescription)"
                }
            },
            masker: masker,
            inspection: inspection)
    }

    /// Writes a report; returns the line that says where and how.
    func writeReport(_ state: SessionState, to path: String) throws -> String {
        let target = Self.expandingHome(in: path, environment: environment)
        let format = try writer.write(state, date: Date(), to: target) == .json ? "JSON" : "Markdown"
        return "Report saved to \(target) (\(format), secrets \(masker.isEnabled ? "masked" : "NOT masked"))."
    }

    /// `~/x` is `$HOME/x`, as in the shell (`save` paths are typed at the wizard's prompt, where
    /// no shell expands them).
    static func expandingHome(in path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }

    /// What to run next time to continue this session (nothing when the last save failed).
    var resumeHint: String { Self.resumeHint(id: id, saved: saves.lastSucceeded) }

    /// The hint from its parts, for a signal handler that cannot hold the whole session.
    static func resumeHint(id: String, saved: Bool) -> String {
        saved ? "Session \(id) is saved; continue it with: apigw-triage --resume \(id)\n" : ""
    }
}

/// How autosaving went: whether the last save worked, and a warning printed once only (a
/// failing autosave would otherwise warn on every answer).
/// Shared by the autosave closure of either front end, hence the lock.
final class SaveRecord: @unchecked Sendable {
    private let lock = NSLock()
    private var succeededLast = false
    private var warned = false

    var lastSucceeded: Bool { lock.withLock { succeededLast } }

    func succeeded() { lock.withLock { succeededLast = true } }

    func failed(_ warning: String) {
        let firstTime = lock.withLock {
            succeededLast = false
            defer { warned = true }
            return !warned
        }
        if firstTime { printError(warning) }
    }
}
