import Testing

@testable import TriageKit

/// `YAMLReader`'s own promises: positions on nodes and errors, tags kept, bounds on depth and aliases.
@Suite struct YAMLReaderTests {
    @Test func nodesCarryTheirLineAndColumn() throws {
        let root = try #require(try YAMLReader.firstDocument("# head\na: 1\nb:\n  - x\n  - y: 2\n"))
        #expect(root.line == 2)
        #expect(root["a"]?.line == 2)
        #expect(root["a"]?.column == 4)
        guard case .sequence(let items)? = root["b"]?.content else {
            Issue.record("b is not a sequence")
            return
        }
        #expect(items.map(\.line) == [4, 5])
        #expect(items[1]["y"]?.line == 5)
        #expect(items[1]["y"]?.column == 8)
    }

    @Test func errorsNameLineAndColumn() {
        #expect {
            _ = try YAMLReader.documents("a: 1\nb: [1, 2\n")
        } throws: { error in
            guard let error = error as? YAMLError else { return false }
            return error.line == 2 && error.column == 4 && error.description.contains("line 2, column 4")
        }
        #expect {
            _ = try YAMLReader.documents("a: 1\n  b: 2\n")
        } throws: { error in (error as? YAMLError)?.line == 2 }
    }

    @Test func cloudFormationTagsAreKeptAsWritten() throws {
        let root = try #require(try YAMLReader.firstDocument("r: !GetAtt Fn.Arn\ns: !Sub 'x-${A}'\nj: !Join [',', [a, b]]\n"))
        #expect(root["r"]?.tag == "!GetAtt")
        #expect(root["r"]?.scalarText == "Fn.Arn")
        #expect(root["s"]?.tag == "!Sub")
        #expect(root["j"]?.tag == "!Join")
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let flow = String(repeating: "[", count: 10_000)
        #expect(throws: YAMLError.self) { try YAMLReader.documents(flow) }
        var block = ""
        for depth in 0..<2_000 { block += String(repeating: " ", count: depth) + "k:\n" }
        #expect(throws: YAMLError.self) { try YAMLReader.documents(block) }
        let dashes = String(repeating: "- ", count: 5_000) + "x\n"
        #expect(throws: YAMLError.self) { try YAMLReader.documents(dashes) }
    }

    @Test func aliasBombIsRefusedWithTheBudgetsMessage() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(previous)]\n"
        }
        #expect {
            _ = try YAMLReader.documents(text)
        } throws: { error in (error as? YAMLError)?.message == YAMLAliasBudget.bombMessage }
    }

    @Test func mergeKeysApplyWithOwnKeysWinning() throws {
        let root = try #require(try YAMLReader.firstDocument("base: &b {a: 1, b: 2}\nd:\n  <<: *b\n  b: 3\n"))
        let pairs = try #require(root["d"]?.flattenedPairs)
        #expect(pairs.map { $0.key.scalarText ?? "" } == ["a", "b", "b"])
        #expect(root["d"]?["b"]?.scalarText == "3")
        #expect(root["d"]?["a"]?.scalarText == "1")
    }

    @Test func hostileInputGetsAnAnswerNotACrash() {
        let inputs = [
            "\0\u{1}binary\u{7F}", String(repeating: "a", count: 100_000), "\"", "'", "[", "{", "&", "*", "!", "|", ">", "? ", ": ",
            "- - - -", "a: |9\n x", "--- ---", "%YAML 1.2\n---\na: 1", "\t- a", "a:\n\t- b",
        ]
        for input in inputs {
            _ = try? YAMLReader.documents(input)
        }
    }
}
