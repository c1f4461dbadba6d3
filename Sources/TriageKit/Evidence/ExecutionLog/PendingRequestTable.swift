#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line kept with a pending request: where its bytes sit in the request's buffer, or in the
/// file (`inFile`: a line of a plain log part, read again only if its request needs it).
struct KeptLine: Equatable {
    /// 1-based line number in the file.
    var number: Int
    /// The offset in the request's `bytes`, or the file offset when `inFile`.
    var start: Int
    var length: Int
    /// Where the message starts within the line; nil for a continuation line (a body's next line).
    var message: Int?
    /// The bytes were not copied: they are the file's at `start` (`ExecutionLogLineFile`).
    var inFile = false
}

/// The lines kept for one request until its `Method completed` line (or the end of the file).
///
/// Its buffers are reused by the next request in the same slot, so a long log allocates only
/// while the number of requests in flight grows.
struct PendingRequest {
    var id: [UInt8] = []
    var hash: UInt64 = 0
    /// The id's first eight bytes (zero-padded): most ids that differ, differ there, so a lookup
    /// rules them out without a `memcmp`.
    var head: UInt64 = 0
    /// Order of opening, to close the oldest first when too many are open.
    var sequence = 0
    var isOpen = false
    var bytes: [UInt8] = []
    var lines: [KeptLine] = []
    /// Lines not kept because the request's buffer was full.
    var droppedLines = 0
    /// Bytes of the kept lines, copied into `bytes` or left in the file: the limit counts both alike.
    var keptBytes = 0

    mutating func keep(_ line: UnsafeBufferPointer<UInt8>, number: Int, message: Int?, byteLimit: Int) {
        // A delivered event may be 1 MB; what tells the cause sits at its start, so only that is kept.
        let kept = UnsafeBufferPointer(rebasing: line[0..<min(line.count, Self.maxKeptLineBytes)])
        guard keptBytes + kept.count <= byteLimit else {
            droppedLines += 1
            return
        }
        lines.append(KeptLine(number: number, start: bytes.count, length: kept.count, message: message))
        bytes.append(contentsOf: kept)
        keptBytes += kept.count
    }

    /// Keeps a line that lies in the file at `fileOffset` by its place only: most requests
    /// succeed and their lines are never read again, so copying them would be wasted.
    @inline(__always)
    mutating func keep(fileOffset: Int, count: Int, number: Int, message: Int?, byteLimit: Int) {
        let length = min(count, Self.maxKeptLineBytes)
        guard keptBytes + length <= byteLimit else {
            droppedLines += 1
            return
        }
        lines.append(KeptLine(number: number, start: fileOffset, length: length, message: message, inFile: true))
        keptBytes += length
    }

    /// The kept lines with every byte in `bytes` (lines left in the file read from `file`), as
    /// if each had been copied when kept.
    func materialized(from file: ExecutionLogLineFile?) -> (bytes: [UInt8], lines: [KeptLine]) {
        guard lines.contains(where: \.inFile) else { return (bytes, lines) }
        var copied: [UInt8] = []
        copied.reserveCapacity(keptBytes)
        var copiedLines: [KeptLine] = []
        copiedLines.reserveCapacity(lines.count)
        // One read for all the lines when they lie close together (the usual request).
        var span = ExecutionLogLineFile.Span()
        let inFile = lines.lazy.filter(\.inFile)
        if let file, let low = inFile.map(\.start).min(), let high = inFile.map({ $0.start + $0.length }).max(),
            high - low <= ExecutionLogLineFile.spanBytes
        {
            span = file.span(low..<high)
        }
        for line in lines {
            var moved = line
            moved.start = copied.count
            moved.inFile = false
            if line.inFile {
                moved.length = file?.append(line.start..<line.start + line.length, to: &copied, span: &span) ?? 0
            } else {
                copied.append(contentsOf: bytes[line.start..<line.start + line.length])
            }
            copiedLines.append(moved)
        }
        return (copied, copiedLines)
    }

    /// The most kept of one line: a standard event is at most 1 KiB plus its prefix.
    static let maxKeptLineBytes = 4 * 1024

    mutating func reset() {
        id.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        droppedLines = 0
        keptBytes = 0
        isOpen = false
    }
}

/// The requests in flight while a log is read, found by request id without building a `String`.
///
/// - The last few requests used are checked first: consecutive lines usually belong to one
///   request, or to one of a few in flight.
/// - Otherwise a 64-bit hash of the id finds the slot in an open-addressing index (linear
///   probing, at most half full), and the bytes are compared, so equal hashes of different ids
///   only cost a probe. It replaced a `Dictionary`, whose hashing of the hash cost more than the rest.
/// - At most `maxOpen` requests are open; the caller closes the oldest beyond that (`oldestOpen`),
///   which bounds memory when a log interleaves very many requests or never completes them.
struct PendingRequestTable {
    let maxOpen: Int
    let maxBytesPerRequest: Int
    private(set) var slots: [PendingRequest] = []
    private(set) var openCount = 0
    private var freeSlots: [Int] = []
    /// Open slots by hash (`-1`: empty); the count is a power of two.
    private var index = [Int32](repeating: -1, count: 64)
    /// The most recently used slots, most recent first (-1: none).
    private var recent: (Int, Int, Int, Int) = (-1, -1, -1, -1)
    private var nextSequence = 0

    init(maxOpen: Int = 1024, maxBytesPerRequest: Int = 16 * 1024) {
        self.maxOpen = maxOpen
        self.maxBytesPerRequest = maxBytesPerRequest
    }

    /// The slot of the open request with this id, if one is open.
    mutating func existingSlot(for id: UnsafeBufferPointer<UInt8>) -> Int? {
        if recent.0 >= 0, Self.matches(slots[recent.0], id) { return recent.0 }
        guard let slot = recentMatch(id) ?? indexedMatch(id, hash: Self.hash(id), head: Self.head(id)) else { return nil }
        use(slot)
        return slot
    }

    /// Opens a slot for a request id that has none (see `existingSlot`).
    mutating func open(_ id: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(id)
        let slot = freeSlots.popLast() ?? appendSlot()
        slots[slot].id.append(contentsOf: id)
        slots[slot].hash = hash
        slots[slot].head = Self.head(id)
        slots[slot].sequence = nextSequence
        slots[slot].isOpen = true
        nextSequence += 1
        insertIntoIndex(slot)
        openCount += 1
        use(slot)
        return slot
    }

    /// The slot of this id, opened when new.
    mutating func slot(for id: UnsafeBufferPointer<UInt8>) -> Int {
        existingSlot(for: id) ?? open(id)
    }

    mutating func keep(_ line: UnsafeBufferPointer<UInt8>, number: Int, message: Int?, in slot: Int) {
        slots[slot].keep(line, number: number, message: message, byteLimit: maxBytesPerRequest)
    }

    /// Keeps a line of the file by its place (`PendingRequest.keep(fileOffset:...)`).
    @inline(__always)
    mutating func keep(fileOffset: Int, count: Int, number: Int, message: Int?, in slot: Int) {
        slots[slot].keep(fileOffset: fileOffset, count: count, number: number, message: message, byteLimit: maxBytesPerRequest)
    }

    /// Frees the slot for the next request (after the caller has read it).
    mutating func close(_ slot: Int) {
        guard slots[slot].isOpen else { return }
        removeFromIndex(slot)
        slots[slot].reset()
        freeSlots.append(slot)
        openCount -= 1
        if recent.0 == slot { recent.0 = -1 }
        if recent.1 == slot { recent.1 = -1 }
        if recent.2 == slot { recent.2 = -1 }
        if recent.3 == slot { recent.3 = -1 }
    }

    /// The open slots, oldest first, at most `count` of them.
    func oldestOpen(_ count: Int) -> [Int] {
        let open = slots.indices.filter { slots[$0].isOpen }
        return Array(open.sorted { slots[$0].sequence < slots[$1].sequence }.prefix(count))
    }

    /// Adds `offset` to the line numbers of the kept lines (a part of a log scanned on its own
    /// numbers its lines from 1; see `ParallelExecutionLogScan`).
    mutating func shiftLines(by offset: Int) {
        for slot in slots.indices where slots[slot].isOpen {
            for line in slots[slot].lines.indices { slots[slot].lines[line].number += offset }
        }
    }

    /// Puts `requests` (open, oldest first) back as the oldest open requests, before every
    /// request open now: requests of an earlier part still in flight (see `ParallelExecutionLogScan`).
    mutating func insertOldest(_ requests: [PendingRequest]) {
        let first = (slots.lazy.filter(\.isOpen).map(\.sequence).min() ?? nextSequence) - requests.count
        for (offset, request) in requests.enumerated() {
            let slot = freeSlots.popLast() ?? appendSlot()
            slots[slot] = request
            slots[slot].sequence = first + offset
            insertIntoIndex(slot)
            openCount += 1
        }
    }

    private func recentMatch(_ id: UnsafeBufferPointer<UInt8>) -> Int? {
        if recent.1 >= 0, Self.matches(slots[recent.1], id) { return recent.1 }
        if recent.2 >= 0, Self.matches(slots[recent.2], id) { return recent.2 }
        if recent.3 >= 0, Self.matches(slots[recent.3], id) { return recent.3 }
        return nil
    }

    private func indexedMatch(_ id: UnsafeBufferPointer<UInt8>, hash: UInt64, head: UInt64) -> Int? {
        let mask = index.count - 1
        var position = Int(truncatingIfNeeded: hash) & mask
        while index[position] >= 0 {
            let slot = Int(index[position])
            if slots[slot].hash == hash, slots[slot].head == head, Self.matches(slots[slot], id) { return slot }
            position = (position + 1) & mask
        }
        return nil
    }

    private mutating func insertIntoIndex(_ slot: Int) {
        if (openCount + 1) * 2 > index.count { growIndex(leavingOut: slot) }
        let mask = index.count - 1
        var position = Int(truncatingIfNeeded: slots[slot].hash) & mask
        while index[position] >= 0 { position = (position + 1) & mask }
        index[position] = Int32(truncatingIfNeeded: slot)
    }

    /// Takes an open slot out of the index, moving later entries of its probe run back into the
    /// hole (so lookups, which stop at the first empty entry, still find them).
    private mutating func removeFromIndex(_ slot: Int) {
        let mask = index.count - 1
        var hole = Int(truncatingIfNeeded: slots[slot].hash) & mask
        while index[hole] != Int32(truncatingIfNeeded: slot) {
            if index[hole] < 0 { return }
            hole = (hole + 1) & mask
        }
        var next = hole
        while true {
            next = (next + 1) & mask
            guard index[next] >= 0 else { break }
            let home = Int(truncatingIfNeeded: slots[Int(index[next])].hash) & mask
            // The entry may fill the hole when its home is not cyclically within (hole, next].
            let reachable = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next)
            if !reachable {
                index[hole] = index[next]
                hole = next
            }
        }
        index[hole] = -1
    }

    /// Doubles the index with every open slot in it but `new`, which the caller is inserting.
    private mutating func growIndex(leavingOut new: Int) {
        index = [Int32](repeating: -1, count: index.count * 2)
        let mask = index.count - 1
        for slot in slots.indices where slots[slot].isOpen && slot != new {
            var position = Int(truncatingIfNeeded: slots[slot].hash) & mask
            while index[position] >= 0 { position = (position + 1) & mask }
            index[position] = Int32(truncatingIfNeeded: slot)
        }
    }

    /// Moves `slot` to the front of the recently used ones.
    private mutating func use(_ slot: Int) {
        if recent.0 == slot { return }
        if recent.1 == slot {
            recent.1 = recent.0
        } else if recent.2 == slot {
            recent.2 = recent.1
            recent.1 = recent.0
        } else {
            recent.3 = recent.2
            recent.2 = recent.1
            recent.1 = recent.0
        }
        recent.0 = slot
    }

    private mutating func appendSlot() -> Int {
        slots.append(PendingRequest())
        return slots.count - 1
    }

    /// The first eight bytes of `id`, zero-padded (`PendingRequest.head`).
    @inline(__always)
    static func head(_ id: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = id.baseAddress else { return 0 }
        if id.count >= 8 { return UnsafeRawPointer(base).loadUnaligned(as: UInt64.self) }
        var head: UInt64 = 0
        withUnsafeMutableBytes(of: &head) { $0.copyMemory(from: UnsafeRawBufferPointer(id)) }
        return head
    }

    @inline(__always)
    private static func matches(_ request: PendingRequest, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        request.isOpen && request.id.count == id.count && request.head == head(id) && request.id.withUnsafeBufferPointer { stored in
            guard let left = stored.baseAddress, let right = id.baseAddress else { return stored.count == id.count }
            return memcmp(left, right, id.count) == 0
        }
    }

    /// A 64-bit hash of an id, eight bytes at a time (an id is hashed once per request, and the
    /// byte-serial FNV-1a it replaced cost 36 dependent multiplies per UUID). The high bits are
    /// mixed too: `ExecutionLogRestartWatch` keys its bit set by them.
    static func hash(_ id: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = id.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(id.count)
        var position = 0
        while id.count - position >= 8 {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            position += 8
        }
        while position < id.count {
            hash = (hash ^ UInt64(base[position])) &* 0x100_0000_01b3
            position += 1
        }
        hash ^= hash >> 32
        hash &*= 0x94D0_49BB_1331_11EB
        return hash ^ hash >> 29
    }
}
