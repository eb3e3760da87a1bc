/// What went wrong reading or writing an Office file. SKMOffice knows nothing of surveys: the
/// service layer turns these into skm's error codes and Indonesian messages.
public enum OfficeError: Error, Sendable, Equatable {
    /// An entry name that is absolute, empty, has a `..` component or a backslash.
    case unsafeEntryName(String)
    /// The same entry name twice in one archive.
    case duplicateEntry(String)
    /// The archive, or one entry in it, would need ZIP64 (over 4 GiB or 65,535 entries).
    case archiveTooLarge
    /// zlib refused to compress (out of memory, or a broken stream state).
    case compressionFailed(String)
    /// The writer's calls came in the wrong order (an entry written with none open, say).
    case writerMisuse(String)
    /// A sheet name Excel refuses (empty, over 31 characters, one of `[ ] : * ? / \\`) or used twice.
    case invalidSheetName(String)
    /// A row with more columns than a sheet has (16,384).
    case tooManyColumns(Int)
    /// More rows than a sheet has (1,048,576).
    case tooManyRows
}
