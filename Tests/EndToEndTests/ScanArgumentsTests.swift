import ArgumentParser
import Testing

@testable import apigw_triage

/// `scan`'s plain arguments are read without ArgumentParser (`ScanArguments`): wherever the fast
/// path reads them, ArgumentParser reads the same scan from them; everything else is left to it.
@Suite struct ScanArgumentsTests {
    /// What ArgumentParser makes of the arguments, as the fast path's result; nil when it refuses
    /// them or runs something other than a scan.
    private func parsedByArgumentParser(_ arguments: [String]) -> ScanRun? {
        guard let command = try? RootCommand.parseAsRoot(arguments), let scan = command as? ScanCommand else { return nil }
        return ScanRun(files: scan.files, format: scan.format, content: scan.contentOptions.content, noMask: scan.masking.noMask)
    }

    @Test(arguments: [
        ["scan", "a.log"],
        ["scan", "a.log", "b dir/c.log", "--format", "json"],
        ["scan", "--format=json", "a.log"],
        ["scan", "--format", "text", "a.log", "--no-mask"],
        ["scan", "--content", "Content", "a.log"],
        ["scan", "a.log", "--content=some dir", "--no-mask", "--format", "json"],
        ["scan", "x=y", "ünïcode.log", "./-dash.log"],
    ])
    func plainArgumentsAreReadAsArgumentParserReadsThem(arguments: [String]) throws {
        let fast = try #require(ScanArguments.parse(arguments))
        let reference = try #require(parsedByArgumentParser(arguments))
        #expect(fast.files == reference.files)
        #expect(fast.format == reference.format)
        #expect(fast.content == reference.content)
        #expect(fast.noMask == reference.noMask)
    }

    @Test(arguments: [
        [], ["scan"], ["scan", "--help"], ["scan", "-h"], ["help", "scan"], ["scan", "help"], ["scan", "--", "-a.log"],
        ["scan", "-a.log"], ["scan", "a.log", "--format"], ["scan", "a.log", "--format", "yaml"], ["scan", "a.log", "--format", "JSON"],
        ["scan", "a.log", "--format", "json", "--format", "text"], ["scan", "a.log", "--no-mask", "--no-mask"],
        ["scan", "a.log", "--no-mask=1"], ["scan", "a.log", "--content"], ["scan", "a.log", "--content", "--no-mask"],
        ["scan", "a.log", "--content="], ["scan", "a.log", "--verbose"], ["scan", ""], ["wizard", "a.log"], ["a.log"],
        ["--version"], ["scan", "a.log", "--generate-completion-script", "bash"], ["scan", "a.log", "--experimental-dump-help"],
        ["scan", "a.log", "--version"],
    ])
    func everythingElseIsLeftToArgumentParser(arguments: [String]) {
        #expect(ScanArguments.parse(arguments) == nil)
    }
}
