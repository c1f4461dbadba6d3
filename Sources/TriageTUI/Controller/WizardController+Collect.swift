import Foundation
import TriageKit

/// `C`: the read-only collect script filled from the session's facts, shown over the screen and
/// saved on `s` (asking before overwriting), as plain mode's `collect [FILE]` prints or saves it.
extension WizardController {
    mutating func openCollect() {
        let facts = engine.facts(in: state).mapValues(\.value)
        switch CollectRequest.fromFacts(facts, now: Date()) {
        case .failure(let missing):
            ui.status = StatusMessage(
                text: "The collect script needs \(missing.keys.joined(separator: " and ")) first: answer its question "
                    + "or add a file that shows it (or run apigw-triage collect --api-id ID --stage STAGE).",
                tone: .error)
        case .success(let request):
            let script = CollectScript.render(request, generator: "apigw-triage \(TriageKitVersion.tool)")
            ui.overlay = .collect(script: script, fileName: Self.collectFileName(apiID: request.apiID), top: 0)
        }
    }

    /// `apigw-collect-<api>.sh`, with only the characters safe in a file name kept from the id.
    static func collectFileName(apiID: String) -> String {
        let api = apiID.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        return "apigw-collect-\(api.isEmpty ? "api" : api).sh"
    }

    mutating func saveScript(_ script: String, to typed: String, overwrite: Bool) {
        let path = PathCompleter.expand(typed.trimmingLeadingSpaces.trimmingTrailingSpaces, home: services.files.homeDirectory)
        switch services.files.isDirectory(path) {
        case true?:
            ui.overlay = .prompt(PathPrompt(
                purpose: .saveScript(script: script), field: TextField(typed),
                message: StatusMessage(text: "\(typed) is a folder; add a file name.", tone: .error)))
            return
        case false? where !overwrite:
            ui.overlay = .confirm(.overwriteScript(path: typed, script: script))
            return
        default:
            break
        }
        ui.overlay = nil
        switch services.save(path, script) {
        case .saved(let written):
            ui.status = StatusMessage(
                text: "Saved the read-only collect script to \(written). Run it (bash \(written)) where your AWS credentials "
                    + "are, then add the folder it writes with a.",
                tone: .success)
        case .failed(let reason):
            ui.status = StatusMessage(text: "Could not save to \(typed): \(reason)", tone: .error)
        }
    }
}
