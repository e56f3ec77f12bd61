import Foundation

/// Where messages for people go: standard error, one line each.
enum Terminal {
    static let isInteractive = isatty(STDERR_FILENO) != 0

    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("kgraph: error: " + message + "\n").utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data(("kgraph: warning: " + message + "\n").utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// A progress line on standard error for runs longer than a second, only on a terminal.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private let enabled: Bool
    private let noun: String
    private var lastDraw = Date.distantPast
    private var drewAnything = false

    init(enabled: Bool, noun: String) {
        self.enabled = enabled && Terminal.isInteractive
        self.noun = noun
    }

    /// Redraws the line: files done of total, articles so far, rate, time left.
    func update(done: Int, total: Int, articles: Int? = nil) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed > 1, now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = now
        let rate = Double(done) / max(elapsed, 0.001)
        let left = rate > 0 ? Double(total - done) / rate : 0
        var line = String(format: "\r%d/%d %@  %.0f/s  %@ left", done, total, noun, rate, Self.duration(left))
        if let articles, articles != done { line += "  (\(articles) articles)" }
        line += " "
        FileHandle.standardError.write(Data(line.utf8))
        drewAnything = true
    }

    /// Clears the progress line before the summary.
    func finish() {
        guard enabled, drewAnything else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60)m\(String(format: "%02d", whole % 60))s" : "\(whole)s"
    }
}
