import Testing

@testable import TriageKit

@Suite("ExecutionLogLineShape")
struct ExecutionLogLineShapeTests {
    /// The shape of `line`, with the id and message as text.
    private func read(_ line: String) -> (id: String?, message: String?) {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { text in
            switch ExecutionLogLineShape.of(text) {
            case .request(let id, let message): (text.text(id), text.text(message..<text.count))
            case .console(let message): (nil, text.text(message..<text.count))
            case .continuation: (nil, nil)
            }
        }
    }

    @Test(arguments: [
        ("(286364ab-3a83-11e9-8dc8-db3cf4c83204) Method completed with status: 502", "286364ab-3a83-11e9-8dc8-db3cf4c83204"),
        ("(PDS1PEC4oAMFpyA=) Execution failed due to configuration error: Authorizer error", "PDS1PEC4oAMFpyA="),
        ("2026-01-10T11:04:45.964Z (286364ab-3a83-11e9-8dc8-db3cf4c83204) Method completed with status: 502", "286364ab-3a83-11e9-8dc8-db3cf4c83204"),
        ("2026-01-10T11:04:45.964Z\t(286364ab-3a83-11e9-8dc8-db3cf4c83204) Method completed with status: 502", "286364ab-3a83-11e9-8dc8-db3cf4c83204"),
        ("EVENTS\t1736507086012\t(286364ab-3a83-11e9-8dc8-db3cf4c83204) Method completed with status: 502\t1736507085964", "286364ab-3a83-11e9-8dc8-db3cf4c83204"),
    ])
    func findsTheRequestIDInFrontOfTheMessage(line: String, id: String) {
        let shape = read(line)
        #expect(shape.id == id)
        #expect(shape.message?.hasPrefix("Method completed") == true || shape.message?.hasPrefix("Execution failed") == true)
    }

    @Test(arguments: [
        "Thu Aug 31 01:07:25 UTC 2017 : Method completed with status: 502",
        // A Knowledge Center example writes the day as `WE`.
        "WE Aug 03 09:10:00 UTC 2022 : Method completed with status: 502",
    ])
    func readsConsoleTestLines(line: String) {
        let shape = read(line)
        #expect(shape.id == nil)
        #expect(shape.message == "Method completed with status: 502")
    }

    @Test(arguments: [
        "<Message>Unable to determine service/operation name to be authorized</Message>",
        "  \"statusCode\": 502,",
        "(see the docs) for details",  // words with a blank are not a request id
        "Retry later (after 30 seconds) please",
        "",
    ])
    func bodyTextContinuesThePreviousLine(line: String) {
        #expect(read(line).message == nil)
    }

    @Test func requestIDsAreCheckedInFull() {
        #expect(Array("286364ab-3a83-11e9-8dc8-db3cf4c83204".utf8).withUnsafeBufferPointer(ExecutionLogLineShape.isRequestID))
        #expect(Array("PDS1PEC4oAMFpyA=".utf8).withUnsafeBufferPointer(ExecutionLogLineShape.isRequestID))
        #expect(!Array("not,an:id!".utf8).withUnsafeBufferPointer(ExecutionLogLineShape.isRequestID))
        #expect(!Array("short".utf8).withUnsafeBufferPointer(ExecutionLogLineShape.isRequestID))
    }
}
