import Foundation
import Testing

@testable import TriageKit

/// Access-log detection asks for access-log shape, not a `statusCode` key (issue 9 item 6).
@Suite struct AccessLogShapeTests {
    func score(_ lines: [String]) -> Int? {
        var shape = AccessLogShape()
        for line in lines {
            var bytes = Array(line.utf8)
            bytes.withUnsafeMutableBufferPointer { shape.consume(UnsafeBufferPointer($0)) }
        }
        return shape.score
    }

    @Test func severalEntriesAreAnAccessLog() {
        #expect(
            score([
                #"{"requestId":"a1b2c3d4-1111-4222-8333-944455556666","status":"502","integrationStatus":"200"}"#,
                #"{"requestId":"b1b2c3d4-1111-4222-8333-944455556666","status":"200","integrationStatus":"200"}"#,
            ]) == 85)
    }

    @Test func aSinglePastedEntryNeedsAnIDAndATimeOrTwoFields() {
        #expect(score([#"{"requestId":"a1","requestTime":"30/Nov/2026:10:00:00 +0000","status":"500"}"#]) == 60)
        #expect(score([#"{"requestId":"a1","status":"500","routeKey":"GET /x","integrationStatus":"-"}"#]) == 60)
        #expect(score([#"{"requestId":"a1","status":"500","routeKey":"GET /x"}"#]) == nil)
        #expect(score([#"198.51.100.10 - - [10/Jan/2026:11:04:46 +0000] "GET /orders HTTP/1.1" 502 36 7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"#]) == 60)
    }

    @Test(arguments: [
        [#"{"statusCode": 500, "body": {"message": "boom"}}"#],
        [#"{"statusCode": 502, "headers": {"a": "b"}, "body": "x"}"#, #"{"statusCode": 200, "body": "ok"}"#],
        [
            #"{"timestamp":"2026-11-30T10:00:01Z","level":"ERROR","requestId":"8c2f4a61","statusCode":500,"path":"/x"}"#,
            #"{"timestamp":"2026-11-30T10:00:02Z","level":"INFO","requestId":"0d9e8f7a","statusCode":200,"path":"/y"}"#,
        ],
        [#"{"status": "finished", "timestamp": "2026-11-30T10:05:12Z", "totalFail": 1}"#],
        [#"{"status": 502, "requestId": "a", "errorType": "Error", "stackTrace": ["at x"]}"#],
        ["{", #"  "requestId": "6c1f2d3e", "#, #"  "status": 502"#, "}"],
    ])
    func whatIsNotAnAccessLog(_ lines: [String]) {
        #expect(score(lines) == nil, "\(lines)")
    }
}
