import Foundation
import Testing

/// `Scripts/check-symbols`, which `Scripts/release-check` runs on the release binary, must refuse a
/// binary that would not start on glibc 2.34 (Amazon Linux 2023, RHEL 9): one check per reason,
/// on small programs compiled here, so the check itself is known to fail when it should.
@Suite("Symbol check for the carried binary")
struct SymbolCheckTests {
    static let script = BinaryRunner.packageRoot.appendingPathComponent("Scripts/check-symbols").path

    @Test func aBinaryThatCallsAGlibc236FunctionIsRefused() throws {
        // arc4random exists from glibc 2.36 on; the build machines have 2.36.
        let result = try compileAndCheck(
            source: "#include <stdlib.h>\n#include <stdio.h>\nint main(void) { printf(\"%u\\n\", arc4random()); return 0; }\n",
            compiler: "cc", fileName: "uses-arc4random.c")
        #expect(result.status == 1)
        #expect(result.output.contains("GLIBC_2.36 arc4random"))
    }

    @Test func aBinaryThatNeedsTheSharedCxxRuntimeIsRefused() throws {
        let result = try compileAndCheck(
            source: "#include <string>\n#include <cstdio>\nint main(int c, char**) { std::string s(c + 40, 'x'); std::puts(s.c_str()); return 0; }\n",
            compiler: "c++", fileName: "uses-libstdcxx.cpp")
        #expect(result.status == 1)
        #expect(result.output.contains("needs the shared C++ runtime"))
    }

    @Test func aPlainCBinaryPasses() throws {
        let result = try compileAndCheck(
            source: "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n", compiler: "cc", fileName: "plain.c")
        #expect(result.status == 0, "\(result.output)")
    }

    private func compileAndCheck(source: String, compiler: String, fileName: String) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("symbol-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sourceFile = folder.appendingPathComponent(fileName)
        try source.write(to: sourceFile, atomically: true, encoding: .utf8)
        let binary = folder.appendingPathComponent("program").path
        let compiled = try Self.shell(["/usr/bin/env", compiler, "-o", binary, sourceFile.path])
        try #require(compiled.status == 0, "\(compiler) could not build the probe: \(compiled.output)")
        return try Self.shell([Self.script, binary])
    }

    private static func shell(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
