/// Making the models that carry file text safe to print: the fields that can hold a newline from a
/// file (paths, evidence lines, fact values, answers) are escaped one by one, so a file name with a
/// newline cannot start a fake line. The rest of each channel's output then goes through
/// `VisibleText.visibleLines`, which keeps the program's own line breaks.
extension EvidenceLine {
    /// The line with its file name and text made visible.
    /// A tab inside a quoted line (the `--output text` shape of `filter-log-events` is tab
    /// separated) reads better as a space than as `\x09`; every other control is escaped.
    public var visible: EvidenceLine {
        EvidenceLine(file: VisibleText.visible(file), line: line, text: VisibleText.visible(text.replacingOccurrences(of: "\t", with: " ")))
    }
}

extension SessionReport {
    /// The report with every text that came from a file, a file name or the user made visible.
    public var visible: SessionReport {
        let show = VisibleText.visible
        var report = self
        report.path = path.map { step in
            var step = step
            step.answer = show(step.answer)
            // "known fact api_id (from FILE)" names the file.
            step.answeredBy = show(step.answeredBy)
            return step
        }
        report.facts = facts.map { fact in
            var fact = fact
            fact.value = show(fact.value)
            fact.origin = show(fact.origin)
            return fact
        }
        report.evidence = evidence.map { summary in
            var summary = summary
            summary.path = show(summary.path)
            summary.description = show(summary.description)
            summary.problems = summary.problems.map(show)
            summary.facts = summary.facts.mapValues(show)
            summary.causes = summary.causes.map { cause in
                var cause = cause
                cause.summary = show(cause.summary)
                cause.examples = cause.examples.map(\.visible)
                return cause
            }
            return summary
        }
        report.outcome = outcome.map(\.visible)
        return report
    }
}

extension RenderedFix {
    /// The fix with its evidence lines made visible (commands are filled from facts, which come
    /// from files: the channel's `visibleLines` pass escapes anything left in them).
    public var visible: RenderedFix {
        var fix = self
        fix.evidence = evidence.map(\.visible)
        return fix
    }
}

extension ScanSummary {
    /// The summary with its file names, descriptions, problems, lines and facts made visible.
    public var visible: ScanSummary {
        let show = VisibleText.visible
        var summary = self
        summary.files = files.map { file in
            var file = file
            file.path = show(file.path)
            file.description = show(file.description)
            file.problems = file.problems.map(show)
            return file
        }
        summary.diagnoses = diagnoses.map { diagnosis in
            var diagnosis = diagnosis
            diagnosis.evidence = diagnosis.evidence.map(\.visible)
            diagnosis.summaries = diagnosis.summaries.map(show)
            return diagnosis
        }
        summary.undetermined = undetermined.map { failure in
            var failure = failure
            failure.evidence = failure.evidence.map(\.visible)
            failure.clues = failure.clues.map(show)
            return failure
        }
        summary.timeline = timeline.map { event in
            var event = event
            event.time = show(event.time)
            event.text = show(event.text)
            event.source = event.source.visible
            return event
        }
        summary.skipped = skipped.map { .init(path: show($0.path), reason: show($0.reason)) }
        summary.gaps = gaps.map { .init(file: show($0.file), command: show($0.command), reason: show($0.reason)) }
        summary.facts = Dictionary(facts.map { (show($0.key), show($0.value)) }, uniquingKeysWith: { first, _ in first })
        return summary
    }
}
