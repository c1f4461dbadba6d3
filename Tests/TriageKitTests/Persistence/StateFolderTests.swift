import Testing

@testable import TriageKit

@Suite struct StateFolderTests {
    @Test func xdgStateHomeComesFirst() {
        #expect(StateFolder.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/apigw-triage")
        #expect(StateFolder.path(environment: ["XDG_STATE_HOME": "/s/", "HOME": "/h"]) == "/s/apigw-triage")
    }

    @Test func homeIsTheFallback() {
        #expect(StateFolder.path(environment: ["HOME": "/home/ana"]) == "/home/ana/.local/state/apigw-triage")
        // The XDG specification says a relative path is invalid and must be ignored.
        #expect(StateFolder.path(environment: ["XDG_STATE_HOME": "state", "HOME": "/h"]) == "/h/.local/state/apigw-triage")
    }

    @Test func noUsableVariableMeansNoFolder() {
        #expect(StateFolder.path(environment: [:]) == nil)
        #expect(StateFolder.path(environment: ["HOME": ""]) == nil)
    }
}
