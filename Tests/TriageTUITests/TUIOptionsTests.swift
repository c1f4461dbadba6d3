import Testing
@testable import TriageTUI

@Suite struct TUIOptionsTests {
    @Test func colourUnlessTheFlagOrANonEmptyNoColor() {
        #expect(TUIOptions.colorWanted(flag: false, environment: [:]))
        #expect(TUIOptions.colorWanted(flag: false, environment: ["NO_COLOR": ""]), "an empty NO_COLOR does not count (no-color.org)")
        #expect(!TUIOptions.colorWanted(flag: false, environment: ["NO_COLOR": "1"]))
        #expect(!TUIOptions.colorWanted(flag: true, environment: [:]))
    }
}
