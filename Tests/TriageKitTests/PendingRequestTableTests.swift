import Testing

@testable import TriageKit

/// The pending-request table finds exactly the open ids, through any order of opening and
/// closing (its index moves entries back when one is removed), with ids that share a hash slot.
@Suite("PendingRequestTable")
struct PendingRequestTableTests {
    @Test func findsExactlyTheOpenIDsThroughRandomOpensAndCloses() {
        var table = PendingRequestTable(maxOpen: 4096)
        var random = GeneratedExecutionLog.SplitMix(state: 99)
        // A few hundred ids of several lengths, so ids are opened again after closing.
        let ids: [[UInt8]] = (0..<300).map { number in
            let length = [8, 12, 36, 36, 36, 64][number % 6]
            // Distinct ids: the number's three digits and filler that repeats across ids; digits
            // last on odd numbers, so many ids share their first eight bytes.
            let digits = Array(String(1000 + number).utf8.suffix(3))
            let filler = (3..<length).map { at in UInt8(ascii: "a") + UInt8((number % 7 &+ at) % 26) }
            return number % 2 == 0 ? digits + filler : filler + digits
        }
        var open: [Int: Int] = [:]  // id number → slot
        for _ in 0..<20_000 {
            let number = Int(random.next() % UInt64(ids.count))
            let found = ids[number].withUnsafeBufferPointer { table.existingSlot(for: $0) }
            #expect(found == open[number])
            if let slot = found {
                if random.next() % 2 == 0 {
                    table.close(slot)
                    open[number] = nil
                }
            } else {
                open[number] = ids[number].withUnsafeBufferPointer { table.open($0) }
            }
        }
        #expect(table.openCount == open.count)
        #expect(open.count > 100)
        for (number, slot) in open {
            #expect(ids[number].withUnsafeBufferPointer { table.existingSlot(for: $0) } == slot)
        }
    }
}
