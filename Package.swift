// swift-tools-version:6.0
import PackageDescription

/// apigw-triage: an offline terminal wizard for API Gateway 5xx troubleshooting.
///
/// Layers (arrows point down): `apigw-triage` → `TriageTUI` → `CNcurses` and `apigw-triage` →
/// `TriagePlain` (plain line mode), both over `TriageKit`, which holds no terminal or line I/O. `TriageContent` is the `Content/`
/// folder and `TriageScenarios` the `Resources/scenarios/` folder, both compiled into the
/// binary by the `EmbedContentPlugin` build tool.
let package = Package(
    name: "apigw-triage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "apigw-triage", targets: ["apigw-triage"]),
        .library(name: "TriageKit", targets: ["TriageKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // No Yams here: TriageKit reads YAML itself (Sources/TriageKit/YAML), so the shipped binary
        // needs no Foundation; only the tests compare that reader with Yams.
        .target(name: "TriageKit"),
        .executableTarget(name: "ContentEmbedder"),
        .plugin(
            name: "EmbedContentPlugin",
            capability: .buildTool(),
            dependencies: ["ContentEmbedder"]
        ),
        .target(
            name: "TriageContent",
            plugins: ["EmbedContentPlugin"]
        ),
        .target(
            name: "TriageScenarios",
            plugins: ["EmbedContentPlugin"]
        ),
        // The system curses library (wide-character ncursesw); only TriageTUI imports it.
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Wrappers that bind hypot/hypotf to their oldest glibc versions in the release binary.
        .target(name: "CGlibcCompat"),
        .target(
            name: "TriageTUI",
            dependencies: ["TriageKit", "CNcurses"]
        ),
        // Plain line mode: the other front end over the same screen model (line I/O lives here only).
        .target(
            name: "TriagePlain",
            dependencies: ["TriageKit"]
        ),
        .executableTarget(
            name: "apigw-triage",
            dependencies: [
                "TriageKit",
                "TriageTUI",
                "TriagePlain",
                "TriageContent",
                "TriageScenarios",
                "CGlibcCompat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A deterministic mutation fuzzer over every inspector (CI runs it for a minute; SECURITY.md).
        .executableTarget(
            name: "apigw-fuzz",
            dependencies: ["TriageKit"]
        ),
        .testTarget(
            name: "TriageKitTests",
            dependencies: [
                "TriageKit", "TriagePlain", "TriageContent", "TriageScenarios", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["apigw-triage"]
        ),
        .testTarget(
            name: "TriageTUITests",
            dependencies: ["TriageTUI", "TriageKit"],
            exclude: ["__Snapshots__"]
        ),
        // The built binary driven inside tmux: real keys, real terminal, terminal state checked after exit.
        .testTarget(
            name: "TUITmuxTests",
            dependencies: ["apigw-triage"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
