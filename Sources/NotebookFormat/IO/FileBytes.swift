import Foundation

/// Whole-file reads with the operating system's own reason on failure ("No such file or directory").
enum FileBytes {
    /// Calls `body` with the file's bytes. Regular files are memory-mapped, which spares a copy and
    /// lets the pages go as soon as parsing is done; pipes and other streams are read into memory.
    /// `body` may call the `release` function it is given with an offset: pages before it are
    /// dropped from memory (a mapped file reads them again if they are touched later).
    static func withContents<R>(of path: String,
                                _ body: (UnsafeBufferPointer<UInt8>, _ release: @escaping (Int) -> Void) throws(NotebookFormatError) -> R)
        throws(NotebookFormatError) -> R
    {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(file: path, reason: "Is a directory") }
        if (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0,
           let map = mmap(nil, Int(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED {
            defer { munmap(map, Int(st.st_size)) }
            let base = UInt(bitPattern: map)
            let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
            let release: (Int) -> Void = { offset in
                let end = (base + UInt(offset)) & ~(page - 1)
                if end > base { madvise(UnsafeMutableRawPointer(bitPattern: base), Int(end - base), MADV_DONTNEED) }
            }
            return try body(UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: Int(st.st_size)), release)
        }
        let bytes = try readAll(fd, path: path)
        return try bytes.withUnsafeBufferPointer { (buf) throws(NotebookFormatError) -> R in try body(buf, { _ in }) }
    }

    private static func readAll(_ fd: Int32, path: String) throws(NotebookFormatError) -> [UInt8] {
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(file: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }
}
