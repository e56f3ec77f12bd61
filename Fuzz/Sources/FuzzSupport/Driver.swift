import Foundation

/// The input as `Data`, copied (libFuzzer's buffer is only valid for the call).
public func inputData(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Data {
    guard let bytes, count > 0 else { return Data() }
    return Data(bytes: bytes, count: count)
}
