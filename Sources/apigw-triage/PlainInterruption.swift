import Dispatch
import Foundation

/// Ctrl-C in plain mode: print the resume hint, then exit 130 like the full-screen wizard.
///
/// Plain mode blocks in a line read, so SIGINT is taken off its default action and watched by a
/// dispatch source on another queue, which can still write and exit while the main thread waits.
final class PlainInterruption {
    private let source: any DispatchSourceSignal

    private init(source: any DispatchSourceSignal) { self.source = source }

    /// Starts watching SIGINT; `hint` gives the text to print (empty when the session is not saved).
    static func install(hint: @escaping @Sendable () -> String) -> PlainInterruption {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            printOutput("\n" + hint())
            exit(ExitStatus.interrupted.rawValue)
        }
        source.resume()
        return PlainInterruption(source: source)
    }

    /// Stops watching and gives SIGINT its default action back.
    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
