internal import CLibXML2
import Foundation

/// A libxml2 failure, with libxml2's own message and where it happened.
public struct XMLError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file (or other source name) being read or written, when known.
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, leaving out what is unknown.
    public var description: String {
        var location = file ?? ""
        if let line {
            location += (location.isEmpty ? "" : ":") + "\(line)"
            if let column { location += ":\(column)" }
        }
        return location.isEmpty ? message : "\(location): \(message)"
    }

    /// The last error libxml2 recorded on this thread, or `fallback` when there is none.
    static func last(file: String? = nil, fallback: String) -> XMLError {
        guard let error = xmlGetLastError() else { return XMLError(file: file, message: fallback) }
        let text = error.pointee.message.map { String(cString: $0) } ?? fallback
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return XMLError(
            file: file, line: error.pointee.line > 0 ? Int(error.pointee.line) : nil,
            column: error.pointee.int2 > 0 ? Int(error.pointee.int2) : nil, message: trimmed)
    }
}

/// Runs a libxml2 call that reports failure with a negative return, turning it into an `XMLError`.
@discardableResult
func check(_ result: Int32, file: String? = nil, _ what: @autoclosure () -> String) throws -> Int32 {
    if result < 0 { throw XMLError.last(file: file, fallback: what()) }
    return result
}
