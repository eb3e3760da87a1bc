import SKMCore
import SKMJSON

/// Bounds on what one piece of input may hold, so no file or message can make skm's memory grow
/// without limit. The same numbers apply in every front end.
public enum InputLimits {
    /// One line: a JSON-RPC message, a JSON Lines object, a CSV record (4 MiB).
    public static let lineBytes = 4 << 20
    /// Columns in one CSV record, the header included.
    public static let columns = 1000

    /// "4 MiB", for messages.
    public static var lineBytesText: String { "\(lineBytes >> 20) MiB" }

    /// The error for a line (or CSV record) past `lineBytes`, starting on line `line`; the
    /// message names the line unless the report shows it beside the message anyway.
    static func lineTooLong(_ line: Int, what: String, namingLine: Bool = true) -> SKMError {
        SKMError(
            .csvMalformed,
            (namingLine ? "Baris \(line): " : "")
                + "\(what) lebih dari \(lineBytesText) (tanpa akhir baris, atau tanda kutip yang tidak ditutup). Batas satu baris \(lineBytesText).",
            details: ["row": .int(line), "limitBytes": .int(lineBytes)])
    }
}
