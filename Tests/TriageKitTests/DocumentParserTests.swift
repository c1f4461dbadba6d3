import Testing

@testable import TriageKit

@Suite struct DocumentParserTests {
    @Test func jsonKeepsTheLineOfEveryKey() throws {
        let root = try JSONDocumentParser.parse("{\n  \"a\": 1,\n  \"b\": {\n    \"c\": [true, null, \"x\"]\n  }\n}")
        #expect(root.member("a")?.line == 2)
        #expect(root["b"]?.member("c")?.line == 4)
        #expect(root["b"]?["c"]?.elements.count == 3)
        #expect(root["a"]?.scalarText == "1")
    }

    @Test func jsonNumbersKeepTheirSpellingAndEscapesAreDecoded() throws {
        let root = try JSONDocumentParser.parse(#"{"v": 2.0, "s": "a\"b\u00e9\ud83d\ude00\/"}"#)
        #expect(root["v"]?.scalarText == "2.0")
        #expect(root["s"]?.string == "a\"bé😀/")
    }

    @Test(arguments: [
        ("{\"a\": 1", JSONDocumentError.Problem.endedEarly),
        ("{\"a\": 1}\n{\"b\": 2}", .trailingContent),
        ("", .empty),
        ("{\"a\": 01}", .unexpected("'0'")),
        (#"{"a": "\q"}"#, .invalidEscape),
    ])
    func badJsonSaysWhatIsWrong(_ text: String, _ problem: JSONDocumentError.Problem) {
        #expect(throws: JSONDocumentError.self) { try JSONDocumentParser.parse(text) }
        do {
            _ = try JSONDocumentParser.parse(text)
        } catch {
            #expect(error.problem == problem)
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 10_000)
        #expect(throws: JSONDocumentError.self) { try JSONDocumentParser.parse(text) }
    }

    @Test func aPrefixShowsWhatWasReadBeforeTheCut() throws {
        let prefix = try #require(JSONDocumentParser.parsePrefix("{\"openapi\": \"3.0.1\", \"paths\": {\"/a\": {\"get\": {\"x-amazon"))
        #expect(!prefix.isComplete)
        #expect(prefix.root.keys == ["openapi", "paths"])
        #expect(prefix.root["paths"]?.keys == ["/a"])
    }

    @Test func yamlShortFormTagsBecomeTheLongForm() throws {
        let root = try YAMLDocumentParser.parse(
            """
            A: !Ref Thing
            B: !GetAtt Fn.Arn
            C: !Sub "arn:${AWS::Partition}:x"
            D: !Join ["", [a, !Ref B]]
            E: !If [Cond, 1, 2]
            F: !Custom {x: 1}
            G: 2.0
            H: "2.0"
            """)
        #expect(root["A"]?["Ref"]?.string == "Thing")
        #expect(root["B"]?["Fn::GetAtt"]?.elements.map(\.string) == ["Fn", "Arn"])
        #expect(root["C"]?["Fn::Sub"]?.string == "arn:${AWS::Partition}:x")
        #expect(root["D"]?["Fn::Join"]?.elements.last?.elements.last?["Ref"]?.string == "B")
        #expect(root["E"]?["Fn::If"]?.elements.count == 3)
        #expect(root["F"]?["Fn::Custom"]?["x"]?.integer == 1)
        #expect(root["G"]?.scalarText == "2.0")
        #expect(root["H"]?.string == "2.0")
        #expect(root.member("E")?.line == 5)
    }

    @Test func intrinsicsRenderToTextWithPlaceholders() throws {
        let root = try YAMLDocumentParser.parse(
            """
            U: !Join ["", ["arn:aws:apigateway:", !Ref "AWS::Region", ":lambda:path/2015-03-31/functions/", !GetAtt Fn.Arn, "/invocations"]]
            S: !Sub ["${Name}-x", {Name: orders}]
            """)
        let uri = try #require(root["U"].flatMap(TemplateIntrinsics.text))
        #expect(uri == "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations")
        #expect(TemplateIntrinsics.references(try #require(root["U"])) == ["Fn"])
        #expect(root["S"].flatMap(TemplateIntrinsics.text) == "orders-x")
    }
}
