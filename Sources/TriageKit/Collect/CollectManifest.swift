import Foundation

/// The MANIFEST a collect script writes beside its files: one line per AWS call with the file, the
/// exit status, the command and the error's first words. `scan DIR` reads it to list the
/// investigation's gaps (what could not be read, and why) and to take a failed call that is itself
/// evidence (a function with no resource policy at all) for what it shows.
public struct CollectManifest: Sendable, Equatable {
    /// One call of the script.
    public struct Entry: Sendable, Equatable {
        public var file: String
        /// The exit status; nil for a call that did not apply and was not run.
        public var status: Int?
        public var command: String
        public var note: String
        /// 1-based line in the MANIFEST.
        public var line: Int
    }

    /// A call that gave nothing to read, in the user's words.
    public struct Gap: Sendable, Equatable, Codable {
        public var file: String
        public var command: String
        /// Why: "no permission to read the function policy (lambda:GetPolicy)", "not applicable: ...".
        public var reason: String
    }

    public var header: [String: String]
    public var entries: [Entry]

    /// The gaps of every collect MANIFEST among `paths` (files named MANIFEST, read up to 1 MiB),
    /// with each file named relative to the folder it describes.
    public static func gaps(inManifests paths: [String]) -> [Gap] {
        paths.filter { ($0 as NSString).lastPathComponent == "MANIFEST" }.flatMap { path -> [Gap] in
            guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
            defer { try? handle.close() }
            let text = String(decoding: handle.readData(ofLength: 1 << 20), as: UTF8.self)
            guard isManifest(text) else { return [] }
            let folder = (path as NSString).deletingLastPathComponent
            return CollectManifest(text: text).gaps.map { gap in
                var gap = gap
                gap.file = folder + "/" + gap.file
                return gap
            }
        }
    }

    /// Whether a file's first line is a collect MANIFEST's.
    public static func isManifest(_ head: String) -> Bool {
        head.hasPrefix("# apigw-triage collect manifest")
    }

    public init(text: String) {
        var header: [String: String] = [:]
        var entries: [Entry] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine)
            if line.hasPrefix("# api_id=") {
                for pair in line.dropFirst(2).split(separator: " ") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    if parts.count == 2 { header[String(parts[0])] = String(parts[1]) }
                }
                continue
            }
            if line.hasPrefix("#") || line.isEmpty { continue }
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else { continue }
            entries.append(
                Entry(file: fields[0], status: Int(fields[1]), command: fields[2], note: fields.count > 3 ? fields[3] : "", line: index + 1))
        }
        self.header = header
        self.entries = entries
    }

    /// Every call that gave no file, except those whose failure is itself evidence (`noPolicyFunctions`).
    public var gaps: [Gap] {
        entries.compactMap { entry in
            guard entry.status != 0, !Self.isMissingPolicy(entry) else { return nil }
            return Gap(file: entry.file, command: entry.command, reason: Self.reason(entry))
        }
    }

    /// Functions whose `get-policy` answered ResourceNotFoundException: they have no resource policy,
    /// so nothing lets API Gateway invoke them unless the integration uses a role.
    public var noPolicyEntries: [Entry] { entries.filter(Self.isMissingPolicy) }

    private static func isMissingPolicy(_ entry: Entry) -> Bool {
        // "The resource you requested does not exist." is Lambda's answer for a function without a
        // policy; a missing function says "Function not found", which is a gap like any other.
        entry.status != 0 && entry.command.contains("lambda get-policy") && entry.note.contains("ResourceNotFoundException")
            && !entry.note.contains("Function not found")
    }

    static func reason(_ entry: Entry) -> String {
        guard let status = entry.status else { return "not applicable: \(entry.command)" }
        let note = entry.note
        let action = iamAction(entry.command).map { " (\($0))" } ?? ""
        if note.contains("AccessDenied") || note.contains("not authorized") || note.contains("UnauthorizedOperation")
            || note.contains("ExpiredToken") || note.contains("InvalidClientTokenId")
        {
            return "no permission to run it\(action): \(note.prefix(160))"
        }
        if note.contains("ResourceNotFoundException") || note.contains("NotFoundException") || note.contains("does not exist") {
            return "not found: \(note.prefix(160))"
        }
        if note.contains("Could not connect") || note.contains("Unable to locate credentials") {
            return "could not reach AWS: \(note.prefix(160))"
        }
        if note.contains("Invalid choice") || note.contains("Unknown options") {
            return "this AWS CLI does not have the command (update it): \(note.prefix(160))"
        }
        return "failed with exit status \(status): \(note.prefix(160))"
    }

    /// The IAM action an AWS CLI command needs, when the mapping is plain (service:OperationName).
    static func iamAction(_ command: String) -> String? {
        let words = command.split(separator: " ").map(String.init)
        guard let awsIndex = words.firstIndex(of: "aws"), words.count > awsIndex + 2 else { return nil }
        let service = words[awsIndex + 1]
        let operation = words[awsIndex + 2].split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        switch service {
        case "apigateway", "apigatewayv2": return "apigateway:GET"
        case "elbv2": return "elasticloadbalancing:\(operation)"
        default: return "\(service):\(operation)"
        }
    }
}
