import Foundation
import Testing

@testable import TriageKit

@Suite struct SessionIDTests {
    @Test func idIsTheUTCStartTimeAndASuffix() {
        // 2026-11-18 11:06:40 UTC
        #expect(SessionID.make(date: Date(timeIntervalSince1970: 1_795_000_000), random: 0x3fa9) == "20261118-110640-3fa9")
        #expect(SessionID.make(date: Date(timeIntervalSince1970: 1_795_000_000), random: 7) == "20261118-110640-0007")
    }

    @Test func onlySafeFileNamesAreIDs() {
        #expect(SessionID.isWellFormed("20261118-110640-3fa9"))
        for bad in ["", "../etc/passwd", "a/b", ".hidden", "a b", String(repeating: "a", count: 65)] {
            #expect(!SessionID.isWellFormed(bad), "\(bad)")
        }
    }
}
