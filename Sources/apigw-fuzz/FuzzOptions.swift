/// The command line of `apigw-fuzz`.
struct FuzzOptions {
    var seedFolders: [String] = []
    var seed: UInt64 = 1
    /// Stop after this many inputs (nil: run until `seconds`).
    var runs: Int?
    /// Stop after this many seconds.
    var seconds: Double = 60
    /// An input slower than this (seconds) is a finding.
    var timeLimit: Double = 5
    /// Peak memory above this (MiB) is a finding.
    var memoryLimit: Int = 1024
    /// Where findings and the input in flight are written.
    var output = ".build/fuzz"

    static let usage = """
        usage: apigw-fuzz [--seed N] [--runs N | --seconds S] [--time-limit S] [--memory-limit MiB] [--output DIR] SEED_FOLDER...

        Mutates every file under the seed folders (the project's Tests/Fixtures) and scans each variant with
        every inspector, rendering it as scan text and JSON. A finding is a crash (the input in flight is left
        in DIR/current.input), an input slower than the time limit, memory above the limit, output with a raw
        control character, or JSON that does not parse. Exit status: 0 clean, 1 findings, 2 usage.
        """

    static func parse(_ arguments: [String]) -> FuzzOptions? {
        var options = FuzzOptions()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--seed": guard let value = rest.popFirst().flatMap(UInt64.init) else { return nil }
                options.seed = value
            case "--runs": guard let value = rest.popFirst().flatMap(Int.init) else { return nil }
                options.runs = value
            case "--seconds": guard let value = rest.popFirst().flatMap(Double.init) else { return nil }
                options.seconds = value
            case "--time-limit": guard let value = rest.popFirst().flatMap(Double.init) else { return nil }
                options.timeLimit = value
            case "--memory-limit": guard let value = rest.popFirst().flatMap(Int.init) else { return nil }
                options.memoryLimit = value
            case "--output": guard let value = rest.popFirst() else { return nil }
                options.output = value
            case "-h", "--help": return nil
            default:
                if argument.hasPrefix("-") { return nil }
                options.seedFolders.append(argument)
            }
        }
        return options.seedFolders.isEmpty ? nil : options
    }
}
