import Foundation

extension EvidenceFile {
    /// The most read from a JSON or YAML document (CLI output, exports, templates, proxy responses).
    /// Real ones are far smaller; the cap keeps a wrong file (a log, `/dev/zero`) from filling memory.
    public static let documentLimit = ParserLimits.documentBytes

    /// The whole file, or an error when it is larger than `limit` bytes or cannot be read.
    ///
    /// Reads at most `limit + 1` bytes whatever the file claims to be: the size of a FIFO, a
    /// character device or a file still growing says nothing about how much it will yield.
    public func contents(limit: Int = EvidenceFile.documentLimit) throws(EvidenceContentsError) -> Data {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: Self.reason(error))
        }
        defer { try? handle.close() }

        var data = Data()
        let chunkSize = 1024 * 1024
        while data.count <= limit {
            let wanted = min(chunkSize, limit + 1 - data.count)
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: wanted)
            } catch {
                throw .unreadable(path: path, reason: Self.reason(error))
            }
            guard let chunk, !chunk.isEmpty else { return data }
            data.append(chunk)
        }
        throw .tooLarge(path: path, limit: limit)
    }

    /// The system's words for a failed open or read (`Is a directory`), without Foundation's wrapping.
    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        let posix = [nsError, nsError.userInfo[NSUnderlyingErrorKey] as? NSError].compactMap { $0 }
            .first { $0.domain == NSPOSIXErrorDomain }
        if let code = posix?.code, let message = strerror(Int32(code)) {
            return String(cString: message)
        }
        return nsError.localizedDescription
    }
}

/// Why a document could not be read whole: the file cannot be opened or read, or it is too large.
public enum EvidenceContentsError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case unreadable(path: String, reason: String)
    case tooLarge(path: String, limit: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "Cannot read \(path): \(reason)."
        case .tooLarge(let path, let limit):
            "\(path) is larger than \(Self.mebibytes(limit)), the most read for one JSON or YAML document; "
                + "point at the single output or template instead."
        }
    }

    public var errorDescription: String? { description }

    private static func mebibytes(_ bytes: Int) -> String {
        bytes % (1024 * 1024) == 0 ? "\(bytes / (1024 * 1024)) MiB" : "\(bytes) bytes"
    }
}
