import Foundation
import TriageKit

// apigw-fuzz: a deterministic mutation fuzzer over every inspector (see FuzzOptions.usage and SECURITY.md).

guard let options = FuzzOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
    FileHandle.standardError.write(Data((FuzzOptions.usage + "\n").utf8))
    exit(2)
}

let seeds = FuzzSeeds.load(options.seedFolders)
guard !seeds.isEmpty else {
    FileHandle.standardError.write(Data("apigw-fuzz: no seed files under \(options.seedFolders.joined(separator: ", "))\n".utf8))
    exit(2)
}
try? FileManager.default.createDirectory(atPath: options.output, withIntermediateDirectories: true)
let inputPath = options.output + "/current.input"
let oracle = FuzzOracle(timeLimit: options.timeLimit, memoryLimitMiB: options.memoryLimit)
let watchdog = FuzzWatchdog(hardLimit: .seconds(options.timeLimit * 4))
watchdog.start(inputPath: inputPath)
var mutator = FuzzMutator(random: SplitMix64(seed: options.seed))
print("apigw-fuzz: \(seeds.count) seeds, seed \(options.seed); if this process dies, the input is \(inputPath)")

let start = ContinuousClock.now
var runs = 0
var findings = 0
while true {
    if let limit = options.runs, runs >= limit { break }
    if options.runs == nil, ContinuousClock.now - start > .milliseconds(Int64(options.seconds * 1000)) { break }
    let seed = seeds[Int(mutator.random.next() % UInt64(seeds.count))]
    let other = seeds[Int(mutator.random.next() % UInt64(seeds.count))]
    // Every tenth input is a seed as it is, so the seeds themselves are checked too.
    let input = runs % 10 == 0 ? seed.bytes : mutator.mutate(seed.bytes, other: other.bytes)
    guard FileManager.default.createFile(atPath: inputPath, contents: Data(input)) else {
        FileHandle.standardError.write(Data("apigw-fuzz: cannot write \(inputPath)\n".utf8))
        exit(2)
    }
    let label = "run \(runs) (from \(seed.name))"
    watchdog.begin(label)
    let problems = oracle.check(inputPath)
    watchdog.end()
    if !problems.isEmpty {
        findings += 1
        let kept = options.output + "/finding-\(options.seed)-\(runs).input"
        try? FileManager.default.removeItem(atPath: kept)
        try? FileManager.default.copyItem(atPath: inputPath, toPath: kept)
        print("FINDING \(label): \(problems.joined(separator: "; ")) -> \(kept)")
    }
    runs += 1
}
try? FileManager.default.removeItem(atPath: inputPath)
let elapsed = ContinuousClock.now - start
print("apigw-fuzz: \(runs) inputs in \(elapsed), \(findings) findings, peak memory \(FuzzOracle.peakMemoryMiB()) MiB")
exit(findings == 0 ? 0 : 1)
