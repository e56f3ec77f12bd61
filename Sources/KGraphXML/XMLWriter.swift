internal import CLibXML2
import Foundation

/// A streaming XML writer on libxml2's `xmlTextWriter`, to a file or to memory.
///
/// The writer owns its C objects and frees them in `deinit`. Every libxml2
/// call goes through `check`, so a failure (a full disk, an element closed
/// twice) surfaces as an `XMLError` naming the destination.
///
/// libxml2 escapes markup characters itself but lets C0 control characters
/// and the non-characters U+FFFE and U+FFFF through, which makes documents
/// that no parser accepts. The writer drops them from every name, attribute
/// value and text before they reach libxml2; tab, newline and carriage
/// return are kept (libxml2 writes a carriage return as `&#13;` so that it
/// survives the parser's line-end normalisation).
///
/// ```swift
/// let writer = try XMLWriter(path: "out.xml")
/// try writer.startDocument()
/// try writer.startElement("greeting")
/// try writer.attribute("lang", "en")
/// try writer.text("Hello & welcome")
/// try writer.endElement()
/// try writer.finish()
/// ```
public final class XMLWriter {
    private let writer: xmlTextWriterPtr
    /// The memory buffer, for a writer created with `init(indent:)`.
    private let buffer: xmlBufferPtr?
    /// The file descriptor, for a writer created with `init(path:indent:)`.
    private var descriptor: Int32?
    private var finished = false
    /// The destination, for error messages.
    public let destination: String

    /// Creates (or truncates) the file at `path` and writes to it.
    ///
    /// - Parameters:
    ///   - path: the file to write.
    ///   - indent: indent nested elements by two spaces, one per line.
    /// - Throws: `XMLError` when the file cannot be created.
    public init(path: String, indent: Bool = true) throws {
        destination = path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw XMLError(file: path, message: "cannot create the file: \(String(cString: strerror(errno)))")
        }
        // The output buffer does not own the descriptor; `finish` closes it.
        guard let output = xmlOutputBufferCreateFd(fd, nil) else {
            close(fd)
            throw XMLError.last(file: path, fallback: "cannot create an output buffer")
        }
        guard let writer = xmlNewTextWriter(output) else {
            xmlOutputBufferClose(output)
            close(fd)
            throw XMLError.last(file: path, fallback: "cannot create an XML writer")
        }
        self.writer = writer
        self.buffer = nil
        self.descriptor = fd
        try configure(indent: indent)
    }

    /// Creates a writer that collects the document in memory; read it with `data` after `finish()`.
    ///
    /// - Parameter indent: indent nested elements by two spaces, one per line.
    /// - Throws: `XMLError` when libxml2 cannot allocate the writer.
    public init(indent: Bool = true) throws {
        destination = "<memory>"
        guard let buffer = xmlBufferCreate() else {
            throw XMLError.last(fallback: "cannot allocate an XML buffer")
        }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLError.last(fallback: "cannot create an XML writer")
        }
        self.writer = writer
        self.buffer = buffer
        try configure(indent: indent)
    }

    deinit {
        xmlFreeTextWriter(writer)
        if let buffer { xmlBufferFree(buffer) }
        if let descriptor { close(descriptor) }
    }

    private func configure(indent: Bool) throws {
        if indent {
            try check(xmlTextWriterSetIndent(writer, 1), file: destination, "cannot set indentation")
            try check(xmlTextWriterSetIndentString(writer, "  "), file: destination, "cannot set indentation")
        }
    }

    /// Writes the XML declaration: version 1.0, UTF-8.
    public func startDocument() throws {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), file: destination,
                  "cannot start the document")
    }

    /// Opens an element; close it with `endElement()`.
    public func startElement(_ name: String) throws {
        try XMLWriter.withSanitizedCString(name) { name in
            try check(xmlTextWriterStartElement(writer, name), file: destination, "cannot open an element")
        }
    }

    /// Writes an attribute of the element just opened.
    public func attribute(_ name: String, _ value: String) throws {
        try XMLWriter.withSanitizedCString(name) { name in
            try XMLWriter.withSanitizedCString(value) { value in
                try check(xmlTextWriterWriteAttribute(writer, name, value), file: destination,
                          "cannot write an attribute")
            }
        }
    }

    /// Writes character data, escaping markup.
    ///
    /// Escapes `&`, `<`, `>` and carriage return (as `&#13;`, which survives
    /// the parser's line-end normalisation) itself and hands libxml2 the
    /// result raw: libxml2's own text escaping allocates a copy per call and
    /// also escapes `"`, which bloats JSON values sixfold per quote.
    public func text(_ value: String) throws {
        let escaped = XMLWriter.escapedText(value)
        _ = try escaped.withCString { pointer in
            try pointer.withMemoryRebound(to: xmlChar.self, capacity: escaped.utf8.count + 1) { text in
                try check(xmlTextWriterWriteRaw(writer, text), file: destination, "cannot write text")
            }
        }
    }

    /// `text` without forbidden scalars, with `&`, `<`, `>` and CR escaped for character data.
    static func escapedText(_ text: String) -> String {
        var text = text
        let plain = text.withUTF8 { bytes in
            !bytes.contains { byte in
                byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte < 0x20
                    || byte == 0xEF
            }
        }
        if plain { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case _ where isForbidden(scalar): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Writes `<name>text</name>` in one go.
    public func element(_ name: String, text: String) throws {
        try XMLWriter.withSanitizedCString(name) { name in
            try XMLWriter.withSanitizedCString(text) { text in
                try check(xmlTextWriterWriteElement(writer, name, text), file: destination,
                          "cannot write an element")
            }
        }
    }

    /// Closes the innermost open element (as `<name/>` when it is empty).
    public func endElement() throws {
        try check(xmlTextWriterEndElement(writer), file: destination, "cannot close an element")
    }

    /// Writes a comment; `--` inside it is broken up so the comment stays well-formed.
    public func comment(_ text: String) throws {
        var safe = text.replacingOccurrences(of: "--", with: "- -")
        if safe.hasSuffix("-") { safe += " " }
        try XMLWriter.withSanitizedCString(safe) { text in
            try check(xmlTextWriterWriteComment(writer, text), file: destination, "cannot write a comment")
        }
    }

    /// Closes every open element, flushes, and (for a file) syncs and closes it.
    ///
    /// - Throws: `XMLError` when any write, the flush, `fsync` or `close` fails;
    ///   the file's content is then incomplete.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        try check(xmlTextWriterEndDocument(writer), file: destination, "cannot end the document")
        try check(xmlTextWriterFlush(writer), file: destination, "cannot flush the document")
        if let fd = descriptor {
            descriptor = nil
            let synced = fsync(fd) == 0
            let syncError = errno
            let closed = close(fd) == 0
            if !synced || !closed {
                let code = synced ? errno : syncError
                throw XMLError(file: destination, message: "cannot write the file: \(String(cString: strerror(code)))")
            }
        }
    }

    /// The document written so far to a memory writer (complete after `finish()`); empty for a file writer.
    public var data: Data {
        guard let buffer, let content = xmlBufferContent(buffer) else { return Data() }
        return Data(bytes: content, count: Int(xmlBufferLength(buffer)))
    }

    // MARK: Sanitising

    /// True for a scalar that XML 1.0 cannot carry: C0 controls other than tab,
    /// newline and carriage return, and the non-characters U+FFFE and U+FFFF.
    ///
    /// Swift strings hold no lone surrogates, so these are all that is left to remove.
    @inlinable
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0..<0x20, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// `text` without the scalars XML cannot carry (see `isForbidden`).
    public static func sanitized(_ text: String) -> String {
        guard needsSanitizing(text) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isForbidden(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    /// A fast byte scan: any C0 control, or the lead byte 0xEF that U+FFFE/U+FFFF start with.
    private static func needsSanitizing(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == 0xEF {
                if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
                return true
            }
            return false
        }
    }

    @discardableResult
    private static func withSanitizedCString<R>(
        _ text: String, _ body: (UnsafePointer<xmlChar>) throws -> R
    ) rethrows -> R {
        let clean = sanitized(text)
        return try clean.withCString { pointer in
            try pointer.withMemoryRebound(to: xmlChar.self, capacity: clean.utf8.count + 1, body)
        }
    }
}
