import ArgumentParser
import Foundation
import TriageKit

/// `apigw-triage sessions`: the saved sessions, newest first.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List saved sessions ('apigw-triage --resume ID' continues one).",
        discussion: "Sessions are saved as you answer, in $XDG_STATE_HOME/apigw-triage (or ~/.local/state/apigw-triage)."
    )

    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        guard let store = SessionStore.standard(environment: ProcessInfo.processInfo.environment) else {
            printError("apigw-triage: there is no state folder (set HOME or XDG_STATE_HOME).")
            throw ExitStatus.unreadable.exitCode
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
