import Testing

/// The full-screen wizard end to end: the built binary inside tmux. One suite at a time, one test
/// at a time, so the shared machine runs one terminal session at once.
///
/// Needs tmux (`apt-get install -y tmux`); skipped with a message when it is missing.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed (apt-get install -y tmux); full-screen tests skipped"))
struct TUITmuxTests {}
