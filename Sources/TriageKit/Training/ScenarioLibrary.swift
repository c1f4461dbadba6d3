import Foundation

/// Where a scenario's evidence files are: embedded in the binary (texts) or in a folder on disk.
public enum ScenarioFiles: Sendable, Equatable {
    /// File name → text, for scenarios compiled into the binary.
    case embedded([String: String])
    /// The scenario's folder, for `--scenarios DIR` (files are read only when inspected).
    case directory(String)
}

/// A scenario with its evidence files.
public struct ScenarioBundle: Sendable, Equatable {
    public var scenario: Scenario
    public var files: ScenarioFiles
}

/// The training scenarios: loaded from the embedded copy or a folder, checked, and ordered
/// (easiest first, then by id) so that list numbers are stable.
///
/// A scenario folder holds `scenario.yaml` and the evidence files it lists. A folder whose
/// scenario cannot be read is reported as an issue; the others still load.
public struct ScenarioLibrary: Sendable {
    public let scenarios: [ScenarioBundle]
    /// Problems found while loading, one line each, naming the folder.
    public let issues: [String]

    public static let scenarioFile = "scenario.yaml"

    /// Scenarios from files given as (path relative to the scenarios folder, text).
    public init(embedded files: [(path: String, text: String)]) {
        var folders: [String: [String: String]] = [:]
        for file in files {
            let parts = file.path.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            folders[parts[0], default: [:]][parts[1]] = file.text
        }
        var bundles: [ScenarioBundle] = []
        var issues: [String] = []
        for (folder, texts) in folders {
            guard let yaml = texts[Self.scenarioFile] else {
                issues.append("\(folder): no \(Self.scenarioFile)")
                continue
            }
            switch Self.decode(yaml, folder: folder, present: Set(texts.keys)) {
            case .success(let scenario): bundles.append(ScenarioBundle(scenario: scenario, files: .embedded(texts)))
            case .failure(let problem): issues.append(problem.message)
            }
        }
        self.init(bundles: bundles, issues: issues)
    }

    /// Scenarios from a folder on disk, one subfolder each (`--scenarios DIR`).
    public init(directory: String) throws(ScenarioLoadError) {
        let root = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue,
            let entries = try? FileManager.default.contentsOfDirectory(atPath: root.path)
        else { throw .notADirectory(directory) }
        var bundles: [ScenarioBundle] = []
        var issues: [String] = []
        for folder in entries.sorted() where !folder.hasPrefix(".") {
            let folderURL = root.appendingPathComponent(folder, isDirectory: true)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folderURL.path) else { continue }
            guard let data = FileManager.default.contents(atPath: folderURL.appendingPathComponent(Self.scenarioFile).path),
                let yaml = String(data: data, encoding: .utf8)
            else {
                issues.append("\(folder): no readable \(Self.scenarioFile)")
                continue
            }
            switch Self.decode(yaml, folder: folder, present: Set(names)) {
            case .success(let scenario): bundles.append(ScenarioBundle(scenario: scenario, files: .directory(folderURL.path)))
            case .failure(let problem): issues.append(problem.message)
            }
        }
        self.init(bundles: bundles, issues: issues)
    }

    private init(bundles: [ScenarioBundle], issues: [String]) {
        scenarios = bundles.sorted { ($0.scenario.difficulty, $0.scenario.id) < ($1.scenario.difficulty, $1.scenario.id) }
        self.issues = issues.sorted()
    }

    /// A scenario by list number (1-based) or id.
    public func find(_ reference: String) -> ScenarioBundle? {
        let text = reference.trimmedOfWhitespace()
        if let number = Int(text) { return scenarios.indices.contains(number - 1) ? scenarios[number - 1] : nil }
        return scenarios.first { $0.scenario.id == text }
    }

    private struct Problem: Error { var message: String }

    /// Decodes `scenario.yaml` and checks what can be checked without the tree: the id matches the
    /// folder and every listed file is there.
    private static func decode(_ yaml: String, folder: String, present: Set<String>) -> Result<Scenario, Problem> {
        let scenario: Scenario
        do {
            scenario = try YAMLTreeDecoder().decode(Scenario.self, from: yaml)
        } catch {
            return .failure(Problem(message: "\(folder)/\(scenarioFile): \(error)"))
        }
        if scenario.id != folder {
            return .failure(Problem(message: "\(folder)/\(scenarioFile): id '\(scenario.id)' differs from the folder name"))
        }
        let missing = scenario.files.map(\.name).filter { !present.contains($0) }
        if !missing.isEmpty {
            return .failure(Problem(message: "\(folder): listed files missing: \(missing.joined(separator: ", "))"))
        }
        return .success(scenario)
    }
}

/// Why a scenarios folder could not be read at all.
public enum ScenarioLoadError: Error, Equatable, CustomStringConvertible {
    case notADirectory(String)

    public var description: String {
        switch self {
        case .notADirectory(let path): "scenarios folder not found: \(path)"
        }
    }
}
