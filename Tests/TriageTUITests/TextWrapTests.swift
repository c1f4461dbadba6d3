import Foundation
import Testing
@testable import TriageTUI

@Suite struct CommandWrapTests {
    /// What a shell makes of the lines: `\` + newline disappears, indentation after it separates words.
    private func pasted(_ lines: [CommandLine]) -> String {
        var result = ""
        for line in lines {
            var text = line.text
            if line.continues { text.removeLast() }
            result += result.hasSuffix(" ") ? text.trimmingLeadingSpaces : text
        }
        return result
    }

    @Test func aCommandThatFitsIsOneLine() {
        #expect(CommandWrap.wrap("aws lambda get-policy --function-name f", width: 60)
            == [CommandLine(text: "aws lambda get-policy --function-name f", continues: false)])
    }

    @Test func longCommandsBreakAtSpacesWithAMark() {
        let command = "aws lambda invoke --function-name orders-handler --payload fileb://event.json response.json"
        let lines = CommandWrap.wrap(command, width: 40)
        #expect(lines.count > 1)
        for line in lines.dropLast() {
            #expect(line.continues)
            #expect(line.text.hasSuffix(" \\"))
        }
        for line in lines { #expect(DisplayWidth.of(line.text) <= 40) }
        #expect(lines.last?.continues == false)
        #expect(pasted(lines) == command)
    }

    @Test func aTokenWiderThanTheLineIsCutWithAMarkAndNoIndent() {
        let arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/orders/0123456789abcdef"
        let lines = CommandWrap.wrap("aws elbv2 describe-target-health --target-group-arn \(arn)", width: 30)
        for line in lines { #expect(DisplayWidth.of(line.text) <= 30) }
        let cut = lines.filter { $0.continues && !$0.text.hasSuffix(" \\") }
        #expect(!cut.isEmpty)
        #expect(pasted(lines) == "aws elbv2 describe-target-health --target-group-arn \(arn)")
    }

    @Test func multiLineQueriesKeepTheirLines() {
        let lines = CommandWrap.wrap("fields @timestamp\n| filter @message like /x/\n", width: 60)
        #expect(lines.map(\.text) == ["fields @timestamp", "| filter @message like /x/"])
    }
}

@Suite struct ProseWrapTests {
    @Test func singleLineBreaksAreJoinedAndParagraphsKept() {
        let text = "The function returned a value\nthat is not valid.\n\nSecond paragraph."
        #expect(ProseWrap.wrap(text, width: 80) == ["The function returned a value that is not valid.", "", "Second paragraph."])
    }

    @Test func listItemsStartTheirOwnLines() {
        #expect(ProseWrap.wrap("Check:\n- the role\n- the policy", width: 40) == ["Check:", "- the role", "- the policy"])
    }

    @Test func wordsWrapAtTheWidth() {
        let lines = ProseWrap.wrap("one two three four five six seven", width: 10)
        #expect(lines == ["one two", "three four", "five six", "seven"])
    }

    @Test func aWordLongerThanTheWidthIsCut() {
        #expect(ProseWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func wideCharactersCountTwoColumns() {
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(ProseWrap.wrap("漢字 漢字", width: 5) == ["漢字", "漢字"])
    }
}

@Suite struct OSC52Tests {
    @Test func theSequenceCarriesTheTextInBase64() {
        #expect(OSC52.sequence(for: "aws s3 ls") == "\u{1B}]52;c;YXdzIHMzIGxz\u{07}")
    }
}

/// Wrapped commands must paste as the same command: checked with bash itself.
@Suite struct CommandWrapShellTests {
    /// The words bash reads from `text`, separated by NUL.
    private func words(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "set -- " + text + "\nprintf '%s\\0' \"$@\""]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: [
        #"aws logs filter-log-events --log-group-name 'API-Gateway-Execution-Logs_a1b2c3d4e5/prod' --filter-pattern '"Method completed with status: 504"'"#,
        #"aws lambda add-permission --function-name orders --source-arn 'arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/*/GET/orders/{id}'"#,
        #"aws apigateway update-integration --patch-operations "op='replace',path='/responseTransferMode',value=STREAM" --rest-api-id a1b2c3d4e5"#,
        #"aws apigatewayv2 update-stage --access-log-settings '{"DestinationArn": "arn:aws:logs:eu-west-1:123456789012:log-group:x", "Format": "$context.requestId \"quoted\""}'"#,
    ])
    func wrappedCommandsPasteAsTheSameWords(command: String) throws {
        for width in [24, 40, 60] {
            let lines = CommandWrap.wrap(command, width: width)
            for line in lines { #expect(DisplayWidth.of(line.text) <= width, "\(line.text)") }
            let pasted = lines.map(\.text).joined(separator: "\n")
            #expect(try words(pasted) == words(command), "width \(width):\n\(pasted)")
        }
    }
}
