import TriageKit

/// Extra behaviour layered on plain mode by a front end that does more than the wizard: training
/// adds its offered files (`files`, `load N`) and prints a verdict under the outcome.
///
/// The companion sees every line first; lines it does not claim go to the wizard as usual.
public protocol PlainCompanion {
    /// Lines added to the help text, one command each (`  files       the files ...`).
    var helpLines: [String] { get }
    /// A typed line: claim it by returning a reply, or return nil to let the wizard read it.
    mutating func handle(_ line: String, state: SessionState, engine: Engine) -> PlainCompanionReply?
    /// Text printed under an outcome (fix or end), or nil.
    mutating func afterOutcome(_ state: SessionState, engine: Engine) -> String?
}

/// What a companion did with a line: text to print, and the session's new state if it changed.
public struct PlainCompanionReply {
    public var output: String
    /// Nil when the session is unchanged.
    public var state: SessionState?
    /// Whether the wizard shows the screen again (the question moved on) or only the prompt.
    public var redraw: Bool

    public init(output: String, state: SessionState? = nil, redraw: Bool = false) {
        self.output = output
        self.state = state
        self.redraw = redraw
    }
}
