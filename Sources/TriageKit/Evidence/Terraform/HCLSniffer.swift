/// Decides from a file's first 64 KiB whether it is Terraform HCL, without reading it whole.
///
/// HCL is also used by Packer, Nomad and Vault, and Terraform snippets appear inside prose (a
/// Markdown note): the first statement must be HCL-shaped (`word "label" {`, `word {`,
/// `word = value`) and an AWS resource, data source or provider block must start a line.
enum HCLSniffer {
    static func score(_ head: String) -> Int? {
        var sawStatement = false
        var aws = false
        var apiResources = false
        var terraformBlocks = false
        var inBlockComment = false
        for raw in head.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.last == "\r" ? raw.dropLast() : raw
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if inBlockComment {
                if trimmed.contains("*/") { inBlockComment = false }
                continue
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("//") { continue }
            if trimmed.hasPrefix("/*") {
                inBlockComment = !trimmed.contains("*/")
                continue
            }
            if !sawStatement {
                guard isStatement(trimmed) else { return nil }
                sawStatement = true
            }
            guard line.first.map({ $0 != " " && $0 != "\t" }) == true else { continue }
            if line.hasPrefix("resource \"aws_") || line.hasPrefix("data \"aws_") || line.hasPrefix("provider \"aws\"") {
                aws = true
                if TerraformInspector.apiResourcePrefixes.contains(where: { line.contains("\"\($0)") }) {
                    apiResources = true
                }
            } else if line.hasPrefix("terraform {") || line.hasPrefix("module \"") || line.hasPrefix("variable \"")
                || line.hasPrefix("locals {") || line.hasPrefix("output \"")
            {
                terraformBlocks = true
            }
        }
        if apiResources { return ConfigDetectionScore.strong }
        if aws { return ConfigDetectionScore.likely }
        return terraformBlocks ? ConfigDetectionScore.possible : nil
    }

    /// Whether `score` can be non-nil: it needs a line that starts (at column 0) with one of
    /// `blockPrefixes`, and such a line starts at offset 0 or after a `\n`, with the same bytes
    /// (`SampleBytes`). Spares every log the split into lines.
    static func gate(_ head: String) -> Bool {
        SampleBytes.hasLine(in: head, startingWithAnyOf: blockPrefixes)
    }

    /// The line starts `score` counts, as bytes for `gate` (keep in step with `score`).
    static let blockPrefixes: [StaticString] = [
        "resource \"aws_", "data \"aws_", "provider \"aws\"", "terraform {", "module \"", "variable \"", "locals {",
        "output \"",
    ]

    /// `word "label" {`, `word {`, or `word = value`.
    static func isStatement(_ line: Substring) -> Bool {
        guard let first = line.first, first.isLetter || first == "_" else { return false }
        let word = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        let rest = line.dropFirst(word.count).drop { $0 == " " || $0 == "\t" }
        guard let next = rest.first else { return false }
        if next == "=" { return !rest.hasPrefix("==") }
        if next == "{" { return true }
        return next == "\"" && rest.contains("{")
    }
}
