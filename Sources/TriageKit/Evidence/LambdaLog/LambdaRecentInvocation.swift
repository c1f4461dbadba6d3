/// The invocation the scan's last request id lookup found, with its id as five words: the lines of
/// one invocation come together (START, the runtime's lines, END, REPORT), so nearly every lookup
/// after the START is this one, answered by comparing 36 bytes instead of hashing them and probing
/// the table (`LambdaLogScan.slot(forID:)`).
///
/// A pure cache: it names an open slot and that slot's id, which an open id owns alone in the
/// table, so it answers what the table would. The scan forgets it when the slot closes.
struct LambdaRecentInvocation {
    /// The slot, -1 when none is cached.
    var slot = -1
    /// The id is a lowercase UUID (what the fast line shapes of `LambdaLogScan+Lean` require).
    var isRequestID = false
    /// The invocation has its time (which stays set while it is open): a line naming it changes
    /// nothing more.
    var timed = false
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt32) = (0, 0, 0, 0, 0)

    /// Caches `slot` for the 36-byte id at `base`.
    @inline(__always)
    mutating func remember(_ base: UnsafePointer<UInt8>, slot: Int) {
        let raw = UnsafeRawPointer(base)
        words = (
            raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
            raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self),
            raw.loadUnaligned(fromByteOffset: 32, as: UInt32.self)
        )
        self.slot = slot
        isRequestID = UUIDBytes.isUUID(base, lowercaseOnly: true)
        timed = false
    }

    /// Whether the 36 bytes at `base` are the cached id (of an open slot).
    @inline(__always)
    func matches(_ base: UnsafePointer<UInt8>) -> Bool {
        let raw = UnsafeRawPointer(base)
        // XORs or-ed together: one branch for the five words.
        let difference = (raw.loadUnaligned(as: UInt64.self) ^ words.0) | (raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) ^ words.1)
            | (raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) ^ words.2)
            | (raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self) ^ words.3)
            | UInt64(raw.loadUnaligned(fromByteOffset: 32, as: UInt32.self) ^ words.4)
        return slot >= 0 && difference == 0
    }

    mutating func forget() {
        slot = -1
        timed = false
    }
}
