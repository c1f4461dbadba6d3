#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the paths a user gives (files and folders) into the files to inspect: the one place
/// where a folder becomes its files, used by `scan`, `--evidence`, plain `add` and the
/// full-screen wizard alike.
///
/// - A path that is not a folder is passed on as it is: the scanner reports a missing file, a FIFO
///   or a device itself.
/// - A folder is read recursively, entries sorted by name, so a collected folder is one argument
///   and the order is stable. Symbolic links are followed, but a folder or file already reached
///   is not read again, so a link loop ends.
/// - Inside a folder, files that cannot be evidence are skipped with a note each: binary data,
///   files over `Limits.maxFileSize`, FIFOs and devices, hidden entries, the collect script's
///   `MANIFEST`. Past `Limits.maxFiles` files, the rest are skipped with one note; past
///   `Limits.maxEntries` entries the walk stops, so even `scan /` ends soon.
public enum EvidencePaths {
    /// Bounds on what one folder may bring in.
    public struct Limits: Sendable, Equatable {
        /// A file in a folder larger than this is skipped (given by name, it is still read).
        public var maxFileSize: Int
        /// At most this many files are taken from the folders given.
        public var maxFiles: Int
        /// Folders nested deeper than this are not entered.
        public var maxDepth: Int
        /// The walk stops after this many entries (files and folders), so `scan /` ends.
        public var maxEntries: Int

        public init(maxFileSize: Int = 1 << 30, maxFiles: Int = 500, maxDepth: Int = 16, maxEntries: Int = 20_000) {
            self.maxFileSize = maxFileSize
            self.maxFiles = maxFiles
            self.maxDepth = maxDepth
            self.maxEntries = maxEntries
        }
    }

    /// An entry of a folder that was not read, and why, in the user's words.
    public struct Skipped: Codable, Sendable, Equatable {
        public var path: String
        public var reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// The files to inspect, in order, and the entries skipped.
    public struct Expansion: Sendable, Equatable {
        public var files: [String] = []
        public var skipped: [Skipped] = []
        /// How many of the paths given were folders.
        public var folders = 0

        public init(files: [String] = [], skipped: [Skipped] = [], folders: Int = 0) {
            self.files = files
            self.skipped = skipped
            self.folders = folders
        }

        /// One line per skipped entry, `path: reason`, for front ends that print notes.
        public var notes: [String] { skipped.map { "\($0.path): \($0.reason)" } }
    }

    /// The name of the file the collect script writes into its folder. It describes the folder
    /// (commands, exit statuses, gaps) rather than being evidence; until `scan` reads it, it is
    /// skipped with a note (by this name, or by its first line, `CollectManifest.isManifest`)
    /// instead of being reported as "not recognised".
    public static let manifestName = "MANIFEST"

    /// How many bytes of each file in a folder are read to tell text from binary data.
    static let sniffSize = 4096

    public static func expand(_ paths: [String], limits: Limits = Limits()) -> Expansion {
        var walk = FolderWalk(limits: limits)
        for path in paths {
            if FolderWalk.isFolder(path) {
                walk.expansion.folders += 1
                walk.enter(path, depth: 0)
            } else {
                walk.expansion.files.append(path)
            }
        }
        if walk.entries > limits.maxEntries {
            walk.expansion.skipped.append(
                Skipped(
                    path: paths.count == 1 ? paths[0] : "(folders given)",
                    reason: "the walk stopped after \(limits.maxEntries) entries; give a smaller folder."))
        }
        if walk.overflow > 0 {
            walk.expansion.skipped.append(
                Skipped(
                    path: paths.count == 1 ? paths[0] : "(folders given)",
                    reason: "\(CountText.counted(walk.overflow, "more file")) not read: at most \(limits.maxFiles) files "
                        + "are taken from folders. Scan a sub-folder, or name the files."))
        }
        return walk.expansion
    }
}

/// One recursive pass over the folders given to `EvidencePaths.expand`.
private struct FolderWalk {
    struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    let limits: EvidencePaths.Limits
    var expansion = EvidencePaths.Expansion()
    var overflow = 0
    /// Entries looked at so far (past `maxEntries`, the walk stops).
    var entries = 0
    private var seen: Set<Identity> = []

    init(limits: EvidencePaths.Limits) {
        self.limits = limits
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    mutating func enter(_ folder: String, depth: Int) {
        var info = stat()
        guard stat(folder, &info) == 0 else {
            skip(folder, "cannot be opened")
            return
        }
        guard seen.insert(Self.identity(info)).inserted else {
            skip(folder, "a folder already read (a symbolic link loops back to it); not read again.")
            return
        }
        guard depth <= limits.maxDepth else {
            skip(folder, "nested deeper than \(limits.maxDepth) folders; not read.")
            return
        }
        guard let names = Self.names(in: folder) else {
            skip(folder, "the folder cannot be listed (permission denied?).")
            return
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        for name in names.sorted() {
            entries += 1
            if entries > limits.maxEntries { return }
            take(base + name, name: name, depth: depth)
        }
    }

    private mutating func take(_ path: String, name: String, depth: Int) {
        if name.hasPrefix(".") {
            skip(path, "hidden; not read (name it to scan it).")
            return
        }
        var link = stat()
        guard lstat(path, &link) == 0 else {
            skip(path, "cannot be opened")
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            skip(path, "a symbolic link to nothing; not read.")
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            enter(path, depth: depth + 1)
        case S_IFREG:
            takeFile(path, name: name, info: info)
        case S_IFIFO:
            skip(path, "a named pipe (FIFO), which may never end; not read.")
        case S_IFCHR, S_IFBLK:
            skip(path, "a device, not a file; not read.")
        default:
            skip(path, "not a regular file; not read.")
        }
    }

    private mutating func takeFile(_ path: String, name: String, info: stat) {
        guard seen.insert(Self.identity(info)).inserted else {
            skip(path, "the same file as one already read (a link); not read again.")
            return
        }

        let size = Int(info.st_size)
        if size > limits.maxFileSize {
            skip(path, "\(ByteCount.words(size)), over the \(ByteCount.words(limits.maxFileSize)) limit for files in a folder; name it to scan it.")
            return
        }
        if size == 0 {
            skip(path, "empty; not read.")
            return
        }
        // Past the cap, files are only counted (not opened).
        guard expansion.files.count < limits.maxFiles else {
            overflow += 1
            return
        }
        let head = Self.head(path)
        if name == EvidencePaths.manifestName || head.map({ CollectManifest.isManifest(String(decoding: $0, as: UTF8.self)) }) == true {
            skip(path, "the collect script's MANIFEST (commands, exit statuses, gaps); not evidence itself.")
            return
        }
        if let head, SampleTraits(head, isComplete: head.count < EvidencePaths.sniffSize).isBinary {
            skip(path, "binary data (an archive, image or compressed log?); not read. Unpack or convert it to text first.")
            return
        }
        expansion.files.append(path)
    }

    private mutating func skip(_ path: String, _ reason: String) {
        expansion.skipped.append(EvidencePaths.Skipped(path: path, reason: reason))
    }

    /// The first bytes, to tell binary data and a collect MANIFEST by their content; nil for a
    /// file that cannot be read (left for the scanner to report).
    private static func head(_ path: String) -> [UInt8]? {
        guard let file = try? RegularFile(path: path) else { return nil }
        return try? file.readHead(limit: EvidencePaths.sniffSize, path: path)
    }

    private static func names(in folder: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    private static func identity(_ info: stat) -> Identity {
        Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
