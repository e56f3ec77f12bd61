import Foundation

/// Writes a file through a temporary file in the same folder, renamed into place.
///
/// `rename(2)` within one file system replaces the destination atomically,
/// so a reader sees either the old file or the complete new one, and a
/// failed export never truncates what was there before.
public enum AtomicFile {
    /// Runs `body` on a temporary path beside `path`, then renames the result to `path`.
    ///
    /// - Parameters:
    ///   - path: the destination.
    ///   - body: writes the complete file at the path it is given.
    /// - Throws: whatever `body` throws (the temporary file is removed), or
    ///   `ExportError` when the rename fails.
    public static func write(to path: String, _ body: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try body(temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw ExportError(file: path, message: "cannot move the finished file into place: \(String(cString: strerror(code)))")
        }
    }
}

extension AtomicFile {
    /// Writes `data` to `path` through a temporary file beside it.
    ///
    /// - Throws: `ExportError` naming `path` (never the temporary file).
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { temporary in
            guard FileManager.default.createFile(atPath: temporary, contents: data) else {
                throw ExportError(file: path, message: "cannot write here (permission denied or disk full)")
            }
        }
    }
}

/// A graph file could not be written: which file, and why.
public struct ExportError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    /// `file: message`.
    public var description: String { "\(file): \(message)" }
}
