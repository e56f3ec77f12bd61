import Foundation
import KGraphFormats

/// Writes a file so that readers see the old file or the new one, never half of one.
enum AtomicWrite {
    /// Checks `path` first, then writes it atomically (`AtomicFile`).
    static func write(_ data: Data, to path: String) throws {
        try checkWritable(path)
        try AtomicFile.write(data, to: path)
    }

    /// Checks, before any work is done, that `path` can be written: its folder
    /// exists and is writable, and `path` is not a folder.
    ///
    /// The writers name their temporary file when they fail; checking first lets
    /// the error name the file the person asked for, and spares a long run whose
    /// result could not be kept.
    ///
    /// - Throws: `CLIError` naming `path` and what to do.
    static func checkWritable(_ path: String) throws {
        let manager = FileManager.default
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError("\(path): is a folder; give a file name to write")
        }
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw CLIError("\(path): cannot write: the folder \(folder) does not exist; create it first")
        }
        guard isDirectory.boolValue else {
            throw CLIError("\(path): cannot write: \(folder) is a file, not a folder")
        }
        guard access(folder, W_OK) == 0 else {
            throw CLIError("\(path): cannot write: no permission to create files in \(folder)")
        }
    }
}
