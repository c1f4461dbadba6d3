import Foundation
import Testing

/// Colour, NO_COLOR, --ascii and the clipboard, as a real terminal receives them.
extension TUITmuxTests {
@Suite struct TerminalLookTests {
    /// SGR parameters in a screen captured with its escape sequences.
    private func sgrParameters(_ screen: String) -> [Int] {
        let regex = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9;]*)m")
        let range = NSRange(screen.startIndex..., in: screen)
        return regex.matches(in: screen, range: range).flatMap { match -> [Int] in
            let text = String(screen[Range(match.range(at: 1), in: screen)!])
            return text.split(separator: ";").compactMap { Int($0) }
        }
    }

    private func isColour(_ parameter: Int) -> Bool {
        (30...38).contains(parameter) || (40...48).contains(parameter) || (90...97).contains(parameter) || (100...107).contains(parameter)
    }

    private func quit(_ run: WrappedRun) throws {
        try run.tmux.send("C-c")
        try run.waitForExit()
    }

    @Test func coloursAreUsedByDefault() throws {
        let run = try WrappedRun()
        try run.tmux.waitFor("Which 5xx status code")
        let parameters = sgrParameters(try run.tmux.screenWithAttributes())
        #expect(parameters.contains(where: isColour))
        try quit(run)
    }

    @Test(arguments: [(["NO_COLOR": "1"], [String]()), ([:], ["--no-color"])])
    func noColorKeepsMeaningWithoutColour(environment: [String: String], arguments: [String]) throws {
        let run = try WrappedRun(arguments: arguments, environment: environment)
        try run.tmux.waitFor("Which 5xx status code")
        try run.tmux.send("Down")
        let screen = try run.tmux.waitFor("▶ 2. 502 Bad Gateway")
        let parameters = sgrParameters(try run.tmux.screenWithAttributes())
        #expect(!parameters.contains(where: isColour), "no colour at all")
        #expect(parameters.contains(7), "the selection and the title bar are in reverse video")
        #expect(screen.contains("▶ 2. 502 Bad Gateway"), "the selection has a marker")
        try quit(run)
    }

    @Test func asciiDrawsOnlyASCII() throws {
        let run = try WrappedRun(arguments: ["--ascii"])
        try run.tmux.waitFor("Which 5xx status code")
        try run.tmux.send("2")
        let screen = try run.tmux.waitFor("Is it a REST API")
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "no box drawing or other non-ASCII:\n\(screen)")
        #expect(screen.contains("-- API type --"))
        #expect(screen.contains("> 1. REST API"))
        try quit(run)
    }

    @Test func aLocaleWithoutUTF8GetsASCII() throws {
        let run = try WrappedRun(environment: ["LANG": "C"])
        let screen = try run.tmux.waitFor("Which 5xx status code")
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "box drawing would be garbled without UTF-8:\n\(screen)")
        #expect(screen.contains("> 1. 500 Internal Server Error"))
        try quit(run)
    }

    @Test func copyingACommandSendsItWithOSC52() throws {
        let facts = ["function_name=orders-fn", "region=eu-west-1", "api_id=a1b2c3d4e5", "stage=prod"].flatMap { ["--fact", $0] }
        let run = try WrappedRun(arguments: facts + ["--start", "502"])
        // tmux turns an application's OSC 52 into a paste buffer when set-clipboard is on.
        try run.tmux.setOption("set-clipboard", "on")
        try run.tmux.waitFor("Is it a REST API")
        try run.tmux.send("Enter")
        try run.tmux.waitFor("Lambda proxy integration?")
        try run.tmux.send("y")
        try run.tmux.waitFor("Do you have the execution log")
        try run.tmux.send("Enter")
        try run.tmux.waitFor("Task timed out after")
        try run.tmux.send("n")
        try run.tmux.waitFor("Fix: Return a valid Lambda proxy response")
        try run.tmux.send("1")
        try run.tmux.waitFor("Sent the command of step 1 to the clipboard (OSC 52)")
        let expected = "aws lambda invoke --function-name orders-fn --region eu-west-1 --payload fileb://event.json --cli-binary-format raw-in-base64-out response.json"
        try run.tmux.waitFor("the paste buffer") { _ in (try? run.tmux.buffer()) == expected }
        try quit(run)
    }
}
}
