/// Facts gathered from many places in one document: a value seen with two different values
/// (two functions in one export) is dropped, since the document does not say which one is meant.
struct FactCollector {
    private var values: [String: String] = [:]
    private var conflicting: Set<String> = []

    mutating func add(_ facts: [String: String]) {
        for (key, value) in facts where !value.isEmpty && !conflicting.contains(key) {
            if let held = values[key], held != value {
                values[key] = nil
                conflicting.insert(key)
            } else {
                values[key] = value
            }
        }
    }

    var facts: [String: String] { values }
}
