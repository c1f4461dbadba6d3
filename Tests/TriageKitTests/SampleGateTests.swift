import Foundation
import Testing

@testable import TriageKit

/// The byte gates in front of the costly detects (export, template, Serverless, source code,
/// Terraform HCL) never say "not mine" where the reading they guard says "mine", on every fixture
/// and on edge cases; and `SampleBytes.lines` splits exactly as `split(separator: "\n")` does.
@Suite struct SampleGateTests {
    private static func sample(_ text: String, path: String = "sample", isComplete: Bool = true) -> EvidenceSample {
        EvidenceSample(path: path, head: text, isComplete: isComplete, size: text.utf8.count)
    }

    /// Texts at the edges of the gates: prefixes indented, after CR LF, after a BOM, with a
    /// combining mark, and the three characters canonically equivalent to ASCII (K, `;`, `` ` ``).
    private static let edgeCases = [
        "", "\n", "\r\n", "openapi: 3.0.1\npaths: {}\n", "swagger: '2.0'\ninfo: {}\n", "\"openapi\": 3\npaths:\n",
        "AWSTemplateFormatVersion: '2010-09-09'\n", "Transform: AWS::Serverless-2016-10-31\nResources: {}\n",
        "Resources:\n  F:\n    Type: AWS::Lambda::Function\n", "service: x\nprovider:\n  name: aws\n", "service: x\nfunctions: {}\n",
        "import os\ndef handler(event, context):\n  pass\n", "\u{FEFF}import os\ndef handler(event, ctx): pass\n",
        "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,3 @@\n", "@@ -1 +1 @@\n--- a\n", "  import os\n  def f(): pass\n",
        "resource \"aws_lambda_function\" \"f\" {\n}\n", "data \"aws_iam_role\" \"r\" {\n}\n", "provider \"aws\" {\n}\n",
        "terraform {\n}\n", "locals {\n}\n", "variable \"x\" {\n}\n", "module \"m\" {\n}\n", "output \"o\" {\n}\n",
        "x = 1\r\nresource \"aws_api_gateway_rest_api\" \"a\" {\r\n}\r\n", "  resource \"aws_lambda_function\" \"f\" {}\n",
        "resource \"aws_\u{301}lambda\" \"f\" {\n}\n", "import\u{301} os\ndef f(): pass\n", "\u{212A}ey: 1\n", "a\u{37E}b\n", "\u{1FEF}x\n",
        "\u{0}import os\ndef handler(event): pass\n", "{\"message\": \"\\u0045ndpoint request body\"}\n",
        "{\"events\": [{\"message\": \"(abc) Method completed with status: 502\"}]}", "# comment\n/* block\n*/\nresource \"aws_s3_bucket\" \"b\" {\n}\n",
    ]

    private static var allSamples: [EvidenceSample] {
        EvidenceTestSupport.fixtureSamples() + edgeCases.map { sample($0) } + edgeCases.map { sample($0, isComplete: false) }
    }

    @Test func theYAMLKeyGatesAgreeWithTheKeys() {
        let samples = Self.allSamples
        #expect(samples.count > 100)
        for sample in samples where DocumentSniffer.isYAML(sample) {
            let keys = DocumentSniffer.yamlTopLevelKeys(sample)
            if !ExportInspector.yamlGate(sample) {
                #expect(keys.isDisjoint(with: ExportInspector.versionKeys), "\(sample.path)")
            }
            if !TemplateInspector.yamlGate(sample) {
                #expect(keys.isDisjoint(with: ["AWSTemplateFormatVersion", "Transform", "Resources"]), "\(sample.path)")
            }
            if !ServerlessInspector.gate(sample) {
                #expect(!(keys.contains("service") && (keys.contains("provider") || keys.contains("functions"))), "\(sample.path)")
            }
        }
    }

    @Test func aClosedGateMeansDetectSaysNotMine() {
        for sample in Self.allSamples {
            if !ServerlessInspector.gate(sample) { #expect(ServerlessInspector().detect(sample) == nil, "\(sample.path)") }
            if !SourceCodeInspector.gate(sample) {
                #expect(SourceCodeSniffer.classify(sample.head) == nil, "\(sample.path)")
                #expect(SourceCodeInspector().detect(sample) == nil, "\(sample.path)")
            }
            if !HCLSniffer.gate(sample.head) { #expect(HCLSniffer.score(sample.head) == nil, "\(sample.path)") }
            if !ExecutionLogInspector.gate(sample) { #expect(ExecutionLogSample(sample.head).knownLines == 0, "\(sample.path)") }
            // Export and template read JSON before their YAML gate: with no JSON root, detect is the YAML reading.
            if DocumentSniffer.json(sample) == nil {
                if !ExportInspector.yamlGate(sample) { #expect(ExportInspector().detect(sample) == nil, "\(sample.path)") }
                if !TemplateInspector.yamlGate(sample) { #expect(TemplateInspector().detect(sample) == nil, "\(sample.path)") }
                if !HCLSniffer.gate(sample.head) { #expect(TerraformInspector().detect(sample) == nil, "\(sample.path)") }
            }
        }
    }

    @Test func theHTTPStatusLineGateAgreesWithTheLines() {
        let texts = [
            "<   HTTP/1.1 502 Bad Gateway\n", "x\n  HTTP/1.1 502\n", "x\r\n< HTTP/2 504\r\n", "1.2.3.4 - - \"GET / HTTP/1.1\" 502 0\n",
            "{\"protocol\":\"HTTP/1.1\",\"status\":\"502\"}\n", "\tHTTP/1.1 502\n", "<HTTP/1.1 502\n", "> GET / HTTP/1.1\n< HTTP/1.1 500\n",
        ]
        for sample in Self.allSamples + texts.map({ Self.sample($0) }) {
            #expect(HTTPResponseInspector().detect(sample) == HTTPResponseInspector().detectByLines(sample), "\(sample.path)")
        }
    }

    @Test func theGatesOpenForTheirOwnKinds() {
        #expect(ExportInspector.yamlGate(Self.sample("openapi: 3.0.1\n")))
        #expect(TemplateInspector.yamlGate(Self.sample("Resources:\n")))
        #expect(ServerlessInspector.gate(Self.sample("service: x\nprovider: {}\n")))
        #expect(SourceCodeInspector.gate(Self.sample("x\nimport os\n")))
        #expect(!SourceCodeInspector.gate(Self.sample("x import os\n")))
        #expect(HCLSniffer.gate("\nresource \"aws_x\" \"y\" {\n"))
        #expect(!HCLSniffer.gate("  resource \"aws_x\" \"y\" {\n"))
        #expect(!HCLSniffer.gate(""))
    }

    @Test func theSourceCodeGateKnowsEveryLanguagePrefix() {
        let gate = Set(SourceCodeSniffer.gatePrefixes.map { $0.description })
        for language in SourceCodeSniffer.languages {
            for prefix in language.prefixes { #expect(gate.contains(prefix), "\(prefix)") }
        }
        #expect(gate.contains("@@ -"))
    }

    /// Line bounds as UTF-8 offsets, stricter than comparing the texts (which is by canonical equivalence).
    private static func bounds(_ lines: [Substring], in text: String) -> [Range<Int>] {
        lines.map { line in
            text.utf8.distance(from: text.startIndex, to: line.startIndex)..<text.utf8.distance(from: text.startIndex, to: line.endIndex)
        }
    }

    @Test func theByteSplitIsTheCharacterSplit() {
        var texts = Self.allSamples.map(\.head)
        // Generated texts over the characters that matter to the split: LF, CR, combining marks, NUL.
        let alphabet = ["\n", "\r", "\r\n", "a", "\u{301}", "é", " ", "\u{0}", "\u{FEFF}", "\u{1F600}", "\u{200D}"]
        var generator = GeneratedExecutionLog.SplitMix(state: 15)
        for _ in 0..<2000 {
            let length = Int.random(in: 0...24, using: &generator)
            texts.append((0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            for omitting in [false, true] {
                let expected = text.split(separator: "\n", omittingEmptySubsequences: omitting)
                let actual = SampleBytes.lines(text, omittingEmptySubsequences: omitting)
                #expect(Self.bounds(actual, in: text) == Self.bounds(Array(expected), in: text), "\(text.debugDescription)")
                #expect(actual.map(String.init) == expected.map(String.init))
            }
        }
    }

    /// `firstOffset` finds a needle where the bytes are, at every place and none, and the Lambda log
    /// group's function name read through it is the name after the first `/aws/lambda/`.
    @Test func theByteSearchFindsTheFirstPlace() {
        let needle = "/aws/lambda/"
        for length in 0..<30 {
            let filler = String(repeating: "/aws/lambd", count: 1) + String(repeating: "x", count: length)
            #expect(SampleBytes.firstOffset(of: "/aws/lambda/", in: filler) == nil, "\(filler)")
            for place in 0...length {
                let text = String(filler.utf8.prefix(10 + place))! + needle + "f" + String(filler.utf8.dropFirst(10 + place))! + needle
                #expect(SampleBytes.firstOffset(of: "/aws/lambda/", in: text) == 10 + place, "\(text)")
            }
        }
        #expect(SampleBytes.firstOffset(of: "/aws/lambda/", in: "/aws/lambda") == nil)
        #expect(SampleBytes.firstOffset(of: "/aws/lambda/", in: "é/aws/lambda/") == 2)
        #expect(LambdaLogFacts.functionName(inGroup: "2026-11-30 /aws/lambda/orders-api_v2 START") == "orders-api_v2")
        #expect(LambdaLogFacts.functionName(inGroup: "é 123456789012:/aws/lambda/orders\tEND") == "orders")
        #expect(LambdaLogFacts.functionName(inGroup: "/aws/lambda/ordérs") == nil)
        #expect(LambdaLogFacts.functionName(inGroup: "/aws/lambda") == nil)
    }

    /// The scalar trims give what Foundation's `trimmingCharacters(in:)` gives (whitespace, with
    /// line ends, quotes, `/`), on every scalar of the basic plane and on generated texts over
    /// blanks and line ends of every kind, quotes, combining marks and letters.
    @Test func theScalarTrimsAreFoundationsTrims() {
        let alphabet = [
            " ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{B}", "\"", "'", "/", "a", "\u{301}", "é",
            "\u{1F600}", "\u{200B}", "$",
        ]
        var generator = GeneratedExecutionLog.SplitMix(state: 23)
        var texts = ["", " ", "\"\"", " $ ", "\"@message\""]
        // Every scalar of the basic plane on its own: the two sets hold the same scalars.
        texts += (0..<0x10000).compactMap { Unicode.Scalar($0).map { String($0) } }
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...8, using: &generator)
            texts.append((0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(text.trimmedOfWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(String(text.trimmingScalars { $0 == "\"" }) == text.trimmingCharacters(in: ["\""]), "\(text.debugDescription)")
            #expect(text.trimmedOfWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(String(text.trimmingScalars { $0 == "'" || $0 == "\"" }) == text.trimmingCharacters(in: ["'", "\""]), "\(text.debugDescription)")
            #expect(String(text.trimmingScalars { $0 == "/" }) == text.trimmingCharacters(in: CharacterSet(charactersIn: "/")), "\(text.debugDescription)")
            let middle = text.dropFirst().dropLast()
            #expect(middle.trimmedOfWhitespace() == middle.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(middle.trimmedOfWhitespaceAndNewlines() == middle.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
    }
}
