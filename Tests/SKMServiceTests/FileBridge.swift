import Foundation

/// Writes raw bytes (for files that are deliberately not UTF-8).
enum FileManagerBridge {
    static func write(_ bytes: [UInt8], _ path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }
}
