import Foundation
import Testing
import Yams

@testable import TriageKit

/// `YAMLTreeDecoder` against Yams' `YAMLDecoder`: the same values for every package YAML file,
/// through a probe that asks each node for nil, Bool, Int, Double, String, mapping, sequence in turn.
@Suite struct YAMLTreeDecoderTests {
    /// What a decoder makes of a node, asked the way Codable types ask.
    indirect enum Probe: Decodable, Equatable {
        case null, bool(Bool), int(Int), double(String), string(String)
        case map([String: Probe]), list([Probe])

        private struct AnyKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
                var map: [String: Probe] = [:]
                for key in keyed.allKeys { map[key.stringValue] = try keyed.decode(Probe.self, forKey: key) }
                self = .map(map)
                return
            }
            if var unkeyed = try? decoder.unkeyedContainer() {
                var list: [Probe] = []
                while !unkeyed.isAtEnd { list.append(try unkeyed.decode(Probe.self)) }
                self = .list(list)
                return
            }
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .null
            } else if let value = try? single.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? single.decode(Int.self) {
                self = .int(value)
            } else if let value = try? single.decode(Double.self) {
                self = .double(value.isNaN ? "nan" : "\(value)")
            } else {
                self = .string(try single.decode(String.self))
            }
        }
    }

    @Test func everyPackageYAMLFileDecodesAsWithYams() throws {
        var compared = 0
        for file in YamsReference.packageYAMLFiles() {
            let text = try String(contentsOf: file, encoding: .utf8)
            // An alias bomb fixture: Yams would copy it out for ever; the reader refuses it.
            guard (try? YAMLAliasBudget.check(text)) != nil else {
                #expect(throws: YAMLError.self) { try YAMLReader.documents(text) }
                continue
            }
            guard let expected = try? Yams.YAMLDecoder().decode(Probe.self, from: text) else { continue }
            let actual = try YAMLTreeDecoder().decode(Probe.self, from: text)
            #expect(actual == expected, "\(file.path)")
            compared += 1
        }
        #expect(compared > 50)
    }

    /// Not compared: several documents (a decoder reads one), and `!!str 123`, which Yams decodes
    /// as a number although the tag says string (the reader's decoder keeps it a string).
    @Test(arguments: YAMLReaderYamsAgreementTests.edgeCases.filter { !$0.contains("---") && !$0.contains("!!str") })
    func edgeCaseDecodesAsWithYams(_ text: String) throws {
        let expected = try Yams.YAMLDecoder().decode(Probe.self, from: text)
        #expect(try YAMLTreeDecoder().decode(Probe.self, from: text) == expected)
    }

    private struct Sample: Decodable, Equatable {
        var name: String
        var count: Int
        var ratio: Double
        var enabled: Bool
        var tags: [String]
        var note: String?
    }

    @Test func codableFieldsDecodeWithTheirTypes() throws {
        let text = "name: x\ncount: 1_000\nratio: 2.5\nenabled: yes\ntags: [a, 'b']\nnote: ~\n"
        let sample = try YAMLTreeDecoder().decode(Sample.self, from: text)
        #expect(sample == Sample(name: "x", count: 1000, ratio: 2.5, enabled: true, tags: ["a", "b"], note: nil))
    }

    @Test func missingKeysAndWrongTypesNameTheirPath() {
        #expect {
            _ = try YAMLTreeDecoder().decode(Sample.self, from: "name: x\ncount: many\n")
        } throws: { error in
            guard case DecodingError.typeMismatch(_, let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["count"]
        }
        #expect {
            _ = try YAMLTreeDecoder().decode([Sample].self, from: "- name: x\n  count: 1\n  ratio: 1\n  enabled: no\n")
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, let context) = error else { return false }
            return key.stringValue == "tags" && context.codingPath.first?.intValue == 0
        }
    }

    @Test func quotedBooleansAndNumbersStayStrings() {
        #expect(throws: DecodingError.self) { try YAMLTreeDecoder().decode(Int.self, from: "!!str 123") }
        #expect(throws: DecodingError.self) { try YAMLTreeDecoder().decode(Bool.self, from: "'true'") }
        #expect(throws: DecodingError.self) { try YAMLTreeDecoder().decode(Int.self, from: "\"5\"") }
        #expect((try? YAMLTreeDecoder().decode(String.self, from: "5")) == "5")
    }
}
