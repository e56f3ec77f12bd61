import Foundation
import KGraphExtract

/// Turns the paths on the command line into article files.
enum Inputs {
    /// Extensions read when a folder is given.
    static let articleExtensions: Set<String> = ["txt", "text", "html", "htm", "xhtml", "jsonl", "ndjson"]

    /// Files in a folder that describe the folder rather than hold an article.
    static func isFolderNote(_ name: String) -> Bool {
        let upper = name.uppercased()
        return ["README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG"].contains { upper.hasPrefix($0) }
    }

    /// Expands folders recursively (sorted; hidden files, READMEs and licences skipped)
    /// and checks files exist. Files named explicitly are always read.
    ///
    /// - Returns: the files, and one error per path that gave nothing.
    static func expand(_ paths: [String]) -> (files: [String], errors: [ArticleError]) {
        var files: [String] = []
        var errors: [ArticleError] = []
        let manager = FileManager.default
        for path in paths {
            if path == "-" { files.append(path); continue }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(ArticleError(file: path, message: "no such file or folder"))
                continue
            }
            if !isDirectory.boolValue { files.append(path); continue }
            guard let enumerator = manager.enumerator(atPath: path) else {
                errors.append(ArticleError(file: path, message: "cannot read the folder"))
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { enumerator.skipDescendants(); continue }
                let ext = (name as NSString).pathExtension.lowercased()
                guard articleExtensions.contains(ext), !isFolderNote(name) else { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var isFolder: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue { found.append(full) }
            }
            if found.isEmpty {
                errors.append(ArticleError(file: path, message: "folder has no articles (.txt, .html, .jsonl)"))
            }
            files.append(contentsOf: found.sorted())
        }
        return (files, errors)
    }
}
