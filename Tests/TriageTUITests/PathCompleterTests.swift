import Testing
@testable import TriageTUI

@Suite struct PathCompleterTests {
    let files = FakeFiles()

    @Test func aSingleFolderMatchCompletesWithASlash() {
        let completion = PathCompleter.complete("lo", in: files)
        #expect(completion == PathCompletion(text: "logs/", candidates: [], noMatch: false))
    }

    @Test func aSingleFileMatchCompletesWithoutASlash() {
        #expect(PathCompleter.complete("logs/acc", in: files).text == "logs/access.json")
    }

    @Test func severalMatchesCompleteTheCommonPartAndListThem() {
        let completion = PathCompleter.complete("logs/ex", in: files)
        #expect(completion.text == "logs/execution-50")
        #expect(completion.candidates == ["execution-502.log", "execution-504.log"])
    }

    @Test func anEmptyNameListsTheFolderWithFoldersMarked() {
        let completion = PathCompleter.complete("logs/", in: files)
        #expect(completion.candidates == ["access.json", "archive/", "execution-502.log", "execution-504.log"])
        #expect(completion.text == "logs/")
    }

    @Test func hiddenEntriesOnlyMatchADot() {
        #expect(PathCompleter.complete("", in: files).candidates == ["logs/", "notes.txt"])
        #expect(PathCompleter.complete(".", in: files).text == ".hidden")
    }

    @Test func tildeCompletesAgainstHomeAndStaysTyped() {
        #expect(PathCompleter.complete("~", in: files).text == "~/")
        #expect(PathCompleter.complete("~/Dow", in: files).text == "~/Downloads/")
        #expect(PathCompleter.complete("~/Downloads/g", in: files).text == "~/Downloads/get-integration.json")
    }

    @Test func absolutePathsComplete() {
        #expect(PathCompleter.complete("/work/no", in: files).text == "/work/notes.txt")
    }

    @Test func noMatchLeavesTheTextAndSaysSo() {
        let completion = PathCompleter.complete("logs/zzz", in: files)
        #expect(completion.noMatch)
        #expect(completion.text == "logs/zzz")
        #expect(PathCompleter.complete("missing/x", in: files).noMatch)
    }

    @Test func expandResolvesOnlyALeadingTilde() {
        #expect(PathCompleter.expand("~/exec.log", home: "/home/sam") == "/home/sam/exec.log")
        #expect(PathCompleter.expand("~", home: "/home/sam") == "/home/sam")
        #expect(PathCompleter.expand("logs/~x", home: "/home/sam") == "logs/~x")
        #expect(PathCompleter.expand("~other/x", home: "/home/sam") == "~other/x")
    }

    @Test func theRealFileSystemListsATemporaryFolder() throws {
        let folder = FileManagerTemp.make()
        defer { FileManagerTemp.remove(folder) }
        try FileManagerTemp.write("x", to: folder + "/exec-one.log")
        try FileManagerTemp.write("x", to: folder + "/exec-two.log")
        try FileManagerTemp.makeFolder(folder + "/sub")
        let files = LocalFileBrowsing()
        #expect(PathCompleter.complete(folder + "/su", in: files).text == folder + "/sub/")
        #expect(PathCompleter.complete(folder + "/exec-", in: files).candidates == ["exec-one.log", "exec-two.log"])
        #expect(files.isDirectory(folder + "/sub") == true)
        #expect(files.isDirectory(folder + "/exec-one.log") == false)
        #expect(files.isDirectory(folder + "/none") == nil)
    }
}
