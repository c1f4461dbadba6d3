import ArgumentParser
import Foundation
import TriageKit

/// `apigw-triage sessions`: the saved sessions, newest first; `--prune` and `rm` tidy them.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List saved sessions ('apigw-triage --resume ID' continues one); prune or remove them.",
        discussion: "Sessions are saved once they have an answer, in $XDG_STATE_HOME/apigw-triage (or ~/.local/state/apigw-triage).",
        subcommands: [SessionsListCommand.self, SessionsRemoveCommand.self],
        defaultSubcommand: SessionsListCommand.self
    )

    /// The store, or exit 3 with a message when there is no state folder.
    static func store() throws -> SessionStore {
        guard let store = SessionStore.standard(environment: ProcessInfo.processInfo.environment) else {
            printError("apigw-triage: there is no state folder (set HOME or XDG_STATE_HOME).")
            throw ExitStatus.unreadable.exitCode
        }
        return store
    }
}

/// `apigw-triage sessions rm ID...`: removes saved sessions.
struct SessionsRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove saved sessions by id.")

    @Argument(help: "Session ids, as 'apigw-triage sessions' lists them.") var ids: [String]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give the id of the session to remove ('apigw-triage sessions' lists them)") }
    }

    func run() throws {
        let store = try SessionsCommand.store()
        var failed = false
        for id in ids {
            do {
                try store.remove(id: id)
                print("Removed session \(id).")
            } catch {
                printError("apigw-triage: \(error.description)")
                failed = true
            }
        }
        if failed { throw ExitStatus.usage.exitCode }
    }
}

/// `apigw-triage sessions [--prune [--older-than DAYS]]`: the list, or the list tidied.
struct SessionsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List saved sessions, newest first.")

    @Option(help: "text or json.") var format: OutputFormat = .text
    @Flag(help: "Remove finished sessions and sessions without an answer (and, with --older-than, old ones).")
    var prune = false
    @Option(name: .customLong("older-than"), help: "With --prune: also remove sessions not updated for this many days.")
    var olderThan: Int?

    func validate() throws {
        if olderThan != nil, !prune { throw ValidationError("--older-than is used with --prune") }
        if let olderThan, olderThan < 0 { throw ValidationError("--older-than takes a number of days (0 or more)") }
    }

    func run() throws {
        let store = try SessionsCommand.store()
        if prune {
            let cutoff = olderThan.map { Date().addingTimeInterval(-Double($0) * 86_400) }
            let (removed, problems) = store.prune(olderThan: cutoff)
            for problem in problems { printError("apigw-triage: \(problem.description)") }
            print(removed.isEmpty ? "Nothing to prune." : "Removed \(removed.count) session\(removed.count == 1 ? "" : "s"): \(removed.joined(separator: ", ")).")
            return
        }
        let (sessions, problems) = store.list()
        for problem in problems { printError("apigw-triage: \(problem.description)") }
        switch format {
        case .json:
            print(try JSONText.encode(sessions.map(SessionListing.init)))
        case .text:
            guard !sessions.isEmpty else {
                print("No saved sessions in \(store.folder).")
                return
            }
            print(Self.table(sessions))
            if sessions.contains(where: { !$0.finished }) {
                print("\n'apigw-triage --resume' continues the newest unfinished session; '--resume ID' picks one.")
            }
        }
    }

    static func table(_ sessions: [SavedSession]) -> String {
        let rows = [["ID", "UPDATED (UTC)", "CONTENT", "WHERE"]] + sessions.map { session in
            [session.id, session.updated.ISO8601Format(), session.contentVersion,
             (session.finished ? "finished, " : "") + session.summary]
        }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<3).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + row[3]
        }.joined(separator: "\n")
    }
}

/// One line of `sessions --format json`.
private struct SessionListing: Encodable {
    var id: String
    var created: String
    var updated: String
    var contentVersion: String
    var finished: Bool
    var summary: String

    init(_ session: SavedSession) {
        id = session.id
        created = session.created.ISO8601Format()
        updated = session.updated.ISO8601Format()
        contentVersion = session.contentVersion
        finished = session.finished
        summary = session.summary
    }
}
