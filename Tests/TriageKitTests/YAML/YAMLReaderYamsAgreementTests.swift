import Foundation
import Testing
import Yams

@testable import TriageKit

/// `YAMLReader` against Yams, the reader it replaced in the binary: the same trees (kind, text,
/// style, resolved type or tag, line) for every YAML file of the package and for edge cases.
@Suite struct YAMLReaderYamsAgreementTests {
    @Test func everyPackageYAMLFileReadsAsYamsReadsIt() throws {
        let files = YamsReference.packageYAMLFiles()
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            // An alias bomb fixture: Yams would copy it out for ever; the reader refuses it.
            guard (try? YAMLAliasBudget.check(text)) != nil else {
                #expect(throws: YAMLError.self) { try YAMLReader.documents(text) }
                continue
            }
            guard let expected = try? YamsReference.canonical(yams: text) else {
                // A fixture Yams refuses (a broken-YAML case): the reader must refuse it too.
                #expect(throws: YAMLError.self, "\(file.lastPathComponent)") { try YAMLReader.documents(text) }
                continue
            }
            let actual = try YamsReference.canonical(reader: text)
            #expect(actual == expected, "\(file.path)")
        }
    }

    static let edgeCases: [String] = [
        "a: 1\nb: [x, 'y', \"z\"]\nc: {d: e, f: [1, 2]}\n",
        "- a\n- - b\n  - c\n- d: e\n  f: g\n",
        "key:\n- a\n- b\nother: x\n",
        "plain: this is\n  folded over\n\n  lines\nnext: 1\n",
        "s: 'it''s'\nd: \"tab\\there \\u00e9 \\x41 \\\\ \\\"q\\\"\"\n",
        "d: \"one\n  two\n\n  three\"\n",
        "lit: |\n  line 1\n    more\n  line 3\n\nfold: >\n  a\n  b\n\n  c\n    indented\n  d\n",
        "strip: |-\n  x\n\n\nkeep: |+\n  y\n\n\nclip: |\n  z\n\n\nend: 1\n",
        "indented: |2\n    two more\n  base\n",
        "folded-strip: >-\n  a\n  b\n",
        "# comment\na: 1 # trailing\n# another\nb: 'x # not a comment'\n",
        "base: &base\n  a: 1\n  b: 2\nderived:\n  <<: *base\n  b: 3\nlist:\n  - &item x\n  - *item\n",
        "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt Role.Arn\n      Name: !Sub '${AWS::StackName}-fn'\n      Env: !If [IsProd, !Ref Prod, !Ref AWS::NoValue]\n      Code: !Join\n        - ''\n        - - a\n          - b\n",
        "--- \na: 1\n---\nb: 2\n...\n--- |\n  text\n",
        "values: [yes, No, on, OFF, ~, null, '', 0x1F, 0o17, 017, 1_000, 1.5, .5, 1e3, -2, .inf, -.Inf, .NaN, 12:30, 2026-12-03, <<, =, 1.2.3, 0b101]\n",
        "empty:\nalso:\n  - \n  -\nmap: {a, b: }\n",
        "\"quoted key\": 1\n'single key': 2\n? explicit\n: value\n",
        "url: http://example.com:8080/path\narn: arn:aws:lambda:eu-west-1:123:function:fn\ntime: 10:20:30\n",
        "nested:\n  - name: a\n    items:\n      - 1\n      - 2\n  - name: b\n    items: []\n",
        "flow: [a,\n  b, {c: d,\n  e: f}]\n",
        "tagged: !!str 123\nint: !!int 42\nlocal: !Custom {a: 1}\nanchored: &a !Ref X\nagain: *a\n",
        "a: 1\r\nb:\r\n  - x\r\n",
        "\u{FEFF}bom: true\n",
        "no-final-newline: value",
        "multi: |\n  first\n\n  after blank\n# comment at column 0\nnext: x\n",
        "seq-of-seqs:\n- [1, 2]\n- [3, 4]\n",
        "key with spaces: value with a:colon inside\n",
        "a: \"esc \\\n  continued\"\n",
        "a: -1\nb: -not a sequence\n",
        "? [a, b]\n: c\n",
    ]

    @Test(arguments: edgeCases)
    func edgeCaseReadsAsYamsReadsIt(_ text: String) throws {
        let expected = try YamsReference.canonical(yams: text)
        let actual = try YamsReference.canonical(reader: text)
        #expect(actual == expected)
    }

    static let brokenCases: [String] = [
        "a: [1, 2\n",
        "a: {b: 1\n",
        "a: \"unterminated\n",
        "a: 'unterminated\n",
        "a: b: c\n",
        "a: 1\na: 2\n",
        "a:\n  b: 1\n c: 2\n",
        "x: *missing\n",
        "a: \"\\q\"\n",
        "- a\nb: c\n",
        "a: |\n\tb\n",
        "a: - b\n",
    ]

    @Test(arguments: brokenCases)
    func brokenYAMLIsRefusedByBoth(_ text: String) {
        #expect(throws: (any Error).self) { try YamsReference.canonical(yams: text) }
        #expect(throws: YAMLError.self) { try YAMLReader.documents(text) }
    }
}
