import Foundation

/// One session as it is kept in the state folder: the engine's state and what the store needs
/// to list it and pick the one to resume.
public struct SavedSession: Codable, Sendable, Equatable {
    /// The layout of the file. A file with a higher number was written by a newer tool.
    public static let currentFormat = 1

    public var format: Int
    public var id: String
    public var created: Date
    public var updated: Date
    public var toolVersion: String
    /// Whether the session had reached a fix or an end when it was saved.
    public var finished: Bool
    /// Where it stood, in words, for `apigw-triage sessions` (`step 4: Proxy integration?`).
    public var summary: String
    public var state: SessionState

    public init(
        id: String, created: Date, updated: Date, finished: Bool, summary: String, state: SessionState,
        toolVersion: String = TriageKitVersion.tool
    ) {
        self.format = Self.currentFormat
        self.id = id
        self.created = created
        self.updated = updated
        self.toolVersion = toolVersion
        self.finished = finished
        self.summary = summary
        self.state = state
    }

    public var contentVersion: String { state.contentVersion }
}

/// Session ids: the UTC start time and a random suffix, `20261121-140512-3fa9`. They sort by
/// time, read aloud easily, and are safe as file names.
public enum SessionID {
    public static func make(date: Date, random: UInt16) -> String {
        let stamp = date.formatted(.iso8601.year().month().day().dateSeparator(.omitted))
            + "-" + date.formatted(.iso8601.time(includingFractionalSeconds: false).timeSeparator(.omitted))
        return stamp + "-" + String(format: "%04x", random)
    }

    /// Whether a string could be an id (letters, digits and hyphens): anything else could name
    /// a file outside the state folder.
    public static func isWellFormed(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
}
