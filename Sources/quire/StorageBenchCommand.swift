import ArgumentParser
import Foundation
import NotebookStorage

/// `quire _bench-storage`: the Quire side of bench/storage. Uploads every file of a folder to an
/// S3 prefix, then downloads them all, `--concurrency` at a time, and prints the two durations and
/// a checksum of what came back as one JSON line. Hidden: a benchmark tool, not a user command.
struct StorageBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_bench-storage", abstract: "Benchmark S3 upload and download (bench/storage).",
        shouldDisplay: false)

    @Argument(help: "Folder of files to upload.")
    var folder: String

    @Argument(help: "Destination prefix, s3://bucket/prefix/.")
    var destination: String

    @Option(help: "Transfers in flight at once.")
    var concurrency = 1

    func run() async throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let files = try names.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\($0)"))) }
        let base = try StoreResolver().location(destination)
        let store = base.store
        let keys = names.map { base.key + $0 }

        let t0 = ContinuousClock.now
        try await Self.forEach(keys.indices, concurrency: concurrency) { i in try await store.write(files[i], to: keys[i]) }
        let t1 = ContinuousClock.now
        let back = Results(count: keys.count)
        try await Self.forEach(keys.indices, concurrency: concurrency) { i in back.set(i, try await store.read(keys[i])) }
        let t2 = ContinuousClock.now

        let all = back.values
        // memcmp, as Python's bytes == is: the generic Array == compares element by element and
        // cost this harness more than the downloads it checks.
        guard all.count == files.count, zip(all, files).allSatisfy(Self.sameBytes) else {
            throw ValidationError("downloaded bytes differ from the uploaded ones")
        }
        let bytes = all.reduce(0) { $0 + $1.count }
        print("{\"upload_s\": \(Self.seconds(t1 - t0)), \"download_s\": \(Self.seconds(t2 - t1)), \"files\": \(keys.count), \"bytes\": \(bytes)}")
    }

    static func sameBytes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in
            a.isEmpty || memcmp(pa.baseAddress!, pb.baseAddress!, a.count) == 0
        } }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// Runs `body` for every index, at most `concurrency` at a time.
    static func forEach(_ indices: Range<Int>, concurrency: Int,
                        _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = indices.lowerBound
            while next < min(indices.upperBound, indices.lowerBound + max(1, concurrency)) {
                let i = next
                group.addTask { try await body(i) }
                next += 1
            }
            while try await group.next() != nil {
                if next < indices.upperBound {
                    let i = next
                    group.addTask { try await body(i) }
                    next += 1
                }
            }
        }
    }
}

/// Downloaded bodies, filled in by concurrent tasks.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [[UInt8]]
    init(count: Int) { storage = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [UInt8]) { lock.withLock { storage[i] = v } }
    var values: [[UInt8]] { lock.withLock { storage } }
}
