/// What the Lambda scan reads of a slot, through a pointer: `slots[slot].isOpen` on the array may
/// copy the whole request out of it (retaining its three buffers) to read one field, once or
/// twice per line.
extension PendingRequestTable {
    @inline(__always)
    func isOpen(_ slot: Int) -> Bool {
        slots.withUnsafeBufferPointer { $0[slot].isOpen }
    }

    @inline(__always)
    func sequence(of slot: Int) -> Int {
        slots.withUnsafeBufferPointer { $0[slot].sequence }
    }
}
