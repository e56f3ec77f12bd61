import Foundation

/// Stops the process when a property every input must keep does not hold.
///
/// libFuzzer sees the trap as a crash and saves the input, so a broken
/// invariant is found, minimised and kept like any other crash.
public func invariant(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() {
        FileHandle.standardError.write(Data("invariant broken at \(file):\(line): \(message())\n".utf8))
        fatalError("invariant broken: \(message())", file: file, line: line)
    }
}

/// The scalars DOTWriter leaves out (`XMLWriter.isForbidden`, and carriage return outside labels).
public func isDroppedByDOTWriter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: false
    case 0..<0x20, 0xFFFE, 0xFFFF: true
    default: false
    }
}
