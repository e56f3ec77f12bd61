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

    /// The largest text or HTML file read as one article.
    ///
    /// A news article is tens of kilobytes; a file of many megabytes is a dump or
    /// a mistake, and extraction time grows faster than linearly with one
    /// article's length, so such a file is skipped with an error instead of
    /// stalling the run. JSON Lines files hold many articles and have no limit.
    static let maximumArticleBytes = 8 << 20

    /// Expands folders recursively (sorted; hidden files, READMEs and licences skipped)
    /// and checks files exist. Files named explicitly are always read.
    ///
    /// - Parameters:
    ///   - paths: files and folders from the command line; `-` is standard input.
    ///   - format: the format forced with `--input-format`, if any.
    /// - Returns: the files, and one error per path that gave nothing.
    static func expand(_ paths: [String], format: InputFormat? = nil) -> (files: [String], errors: [ArticleError]) {
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
            if !isDirectory.boolValue {
                if let error = sizeError(path, format: format) { errors.append(error) } else { files.append(path) }
                continue
            }
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
                guard manager.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                if let error = sizeError(full, format: format) { errors.append(error) } else { found.append(full) }
            }
            if found.isEmpty {
                errors.append(ArticleError(file: path, message: "folder has no articles (.txt, .html, .jsonl)"))
            }
            files.append(contentsOf: found.sorted())
        }
        return (files, errors)
    }

    /// The error for a text or HTML file too large to be one article, or nil.
    static func sizeError(_ path: String, format: InputFormat?) -> ArticleError? {
        let kind = format ?? InputFormat(pathExtension: (path as NSString).pathExtension)
        guard kind != .jsonl,
              let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
              size > maximumArticleBytes
        else { return nil }
        let megabytes = String(format: "%.1f", Double(size) / 1_048_576)
        return ArticleError(
            file: path,
            message: "\(megabytes) MB is too large for one article (the limit is \(maximumArticleBytes >> 20) MB); split it into articles, or give it as JSON Lines"
        )
    }
}
