import Foundation

/// The seed corpus: every file under the given folders, up to 1 MiB each, in a stable order.
struct FuzzSeeds {
    struct Seed {
        var name: String
        var bytes: [UInt8]
    }

    static func load(_ folders: [String]) -> [Seed] {
        var seeds: [Seed] = []
        for folder in folders {
            let enumerator = FileManager.default.enumerator(atPath: folder)
            var names: [String] = []
            while let name = enumerator?.nextObject() as? String { names.append(name) }
            for name in names.sorted() {
                let path = folder + "/" + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20
                else { continue }
                seeds.append(Seed(name: name, bytes: Array(data)))
            }
        }
        return seeds
    }
}
