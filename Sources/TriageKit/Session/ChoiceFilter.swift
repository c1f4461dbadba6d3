/// Which choices of a long list match what the user typed to filter it (`/text` in both front ends).
///
/// A choice matches when every word typed appears in its label or its value, ignoring case, so
/// "kin put" finds "Kinesis PutRecord". The numbers of the choices do not change while filtering.
public enum ChoiceFilter {
    /// The indices of the matching choices, in list order (all of them for an empty filter).
    public static func matches(_ choices: [Choice], _ text: String) -> [Int] {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return Array(choices.indices) }
        return choices.indices.filter { index in
            let haystack = (choices[index].label + " " + choices[index].value).lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }
}
