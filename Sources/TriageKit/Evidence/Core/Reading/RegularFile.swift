#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open, read-only descriptor on a regular file, or the reason the path is not one.
///
/// - Anything that is not a regular file (directory, FIFO, device, socket) is refused *before*
///   reading: a FIFO can block forever and `/dev/zero` never ends.
/// - The path is checked with `stat` first (so a device is never opened at all), then opened
///   non-blocking and checked again with `fstat`, so a swap between the two checks is caught.
/// - The descriptor closes when the value is released.
final class RegularFile {
    let descriptor: Int32
    /// The size `fstat` reported when the file was opened.
    let size: Int

    /// Opens `path` for reading, or throws why it cannot be read as evidence.
    init(path: String) throws(EvidenceReadError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .cannotOpen(path: path, reason: Self.reason(errno)) }
        if let kind = Self.nonRegularKind(info.st_mode) { throw .notAFile(path: path, kind: kind) }

        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: Self.reason(errno)) }
        guard fstat(descriptor, &info) == 0 else {
            let reason = Self.reason(errno)
            close(descriptor)
            throw .cannotOpen(path: path, reason: reason)
        }
        if let kind = Self.nonRegularKind(info.st_mode) {
            close(descriptor)
            throw .notAFile(path: path, kind: kind)
        }
        self.descriptor = descriptor
        self.size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Reads up to `count` bytes at the current position into `buffer`; 0 means the end of the file.
    func read(into buffer: UnsafeMutableRawPointer, count: Int, path: String) throws(EvidenceReadError) -> Int {
        while true {
            #if canImport(Darwin)
                let result = Darwin.read(descriptor, buffer, count)
            #elseif canImport(Glibc)
                let result = Glibc.read(descriptor, buffer, count)
            #else
                let result = Musl.read(descriptor, buffer, count)
            #endif
            if result >= 0 { return result }
            if errno == EINTR { continue }
            throw .readFailed(path: path, reason: Self.reason(errno))
        }
    }

    /// Reads the first `limit` bytes of the file (fewer when the file is shorter).
    func readHead(limit: Int, path: String) throws(EvidenceReadError) -> [UInt8] {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(limit, 1))
        defer { buffer.deallocate() }
        var filled = 0
        while filled < limit {
            let count = try read(into: buffer + filled, count: limit - filled, path: path)
            if count == 0 { break }
            filled += count
        }
        return Array(UnsafeBufferPointer(start: buffer, count: filled))
    }

    private static func nonRegularKind(_ mode: mode_t) -> EvidenceReadError.FileKind? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: .directory
        case S_IFIFO: .fifo
        case S_IFCHR, S_IFBLK: .device
        case S_IFSOCK: .socket
        default: .other
        }
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case ENOTDIR: "a part of the path is not a folder"
        case ELOOP: "too many symbolic links"
        case ENAMETOOLONG: "the path is too long"
        case EISDIR: "it is a directory"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}

/// Why an evidence file could not be read, in words for the user.
public enum EvidenceReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What a path turned out to be when it is not a regular file.
    public enum FileKind: String, Sendable {
        case directory, fifo, device, socket, other
    }

    case cannotOpen(path: String, reason: String)
    case notAFile(path: String, kind: FileKind)
    case readFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "\(path): cannot be opened (\(reason))."
        case .readFailed(let path, let reason):
            "\(path): reading failed (\(reason))."
        case .notAFile(let path, let kind):
            "\(path): \(Self.words(for: kind))"
        }
    }

    private static func words(for kind: FileKind) -> String {
        switch kind {
        case .directory: "is a directory, not a file. Give the path of a log or output file inside it."
        case .fifo: "is a named pipe (FIFO), which may never end. Save the output to a file first and give that file."
        case .device: "is a device (like /dev/zero), not a file. Save the output to a file first and give that file."
        case .socket: "is a socket, not a file."
        case .other: "is not a regular file."
        }
    }
}
