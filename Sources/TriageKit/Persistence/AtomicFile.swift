import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that a crash at any moment leaves either the old content or the new, never
/// a mix: write a temporary file beside it, sync it, rename it over the target, sync the folder.
///
/// Files are created readable and writable by the user only (0600).
enum AtomicFile {
    /// Why a write failed, with the path and the system's reason.
    struct Failure: Error, CustomStringConvertible, LocalizedError {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }
        var errorDescription: String? { description }
    }

    /// - Parameter beforeRename: runs after the temporary file is complete and synced, before the
    ///   rename; tests throw from it to act out a crash between the two.
    static func write(
        _ data: Data, to path: String, temporaryPath: String, beforeRename: (String) throws -> Void = { _ in }
    ) throws {
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(temporaryPath) }
        do {
            // O_CREAT's mode is filtered by the umask and ignored for an existing file: set it outright.
            guard fchmod(descriptor, 0o600) == 0 else { throw failure(temporaryPath) }
            try writeAll(data, to: descriptor, path: temporaryPath)
            guard fsync(descriptor) == 0 else { throw failure(temporaryPath) }
        } catch {
            close(descriptor)
            unlink(temporaryPath)
            throw error
        }
        close(descriptor)
        try beforeRename(temporaryPath)
        guard rename(temporaryPath, path) == 0 else {
            let error = failure(path)
            unlink(temporaryPath)
            throw error
        }
        syncFolder(of: path)
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(path)
                }
                offset += written
            }
        }
    }

    /// Makes the rename itself durable. Best effort: some file systems refuse to sync a folder.
    private static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private static func failure(_ path: String) -> Failure {
        Failure(path: path, reason: String(cString: strerror(errno)))
    }
}

/// The C library's `write`, which `AtomicFile.write` hides inside the type.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
