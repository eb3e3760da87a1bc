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

    /// The bytes are not a ZIP archive (no end-of-directory record, no ZIP signature).
    case notAnArchive
    /// The archive ends early: the directory or an entry points past its end.
    case truncated
    /// The archive uses ZIP64 records (skm reads archives up to 4 GiB without them).
    case zip64
    /// An archive split over several disks.
    case multiDisk
    /// The directory lists more entries than the reader allows.
    case tooManyEntries(Int)
    /// An entry is encrypted (a password-protected archive).
    case encrypted(String)
    /// An entry compressed by a method other than stored or deflate.
    case unsupportedCompression(String)
    /// An entry's data is damaged: bad deflate stream, CRC or size mismatch, bad local header.
    case corrupt(String)
    /// An entry expands past the reader's limits (a zip bomb, or a sheet too large to read).
    case entryTooLarge(String)
    /// A part is not well-formed XML (or breaks the reader's size and depth limits).
    case xmlInvalid(part: String, reason: String)
    /// A part declares a DOCTYPE or entities, which are never expanded.
    case xmlDoctype(String)
    /// A part the workbook needs is missing.
    case missingPart(String)
    /// No sheet has the name asked for; the names there are.
    case sheetNotFound(String, available: [String])
    /// A cell reference past column XFD (16,384) or row 1,048,576, or not a reference at all.
    case cellReference(part: String, reference: String)
    /// An old binary Excel workbook (.xls, OLE2), not Office Open XML.
    case legacyBinaryWorkbook
    /// An encrypted (password-protected) Office file: OLE2 with an EncryptedPackage stream.
    case passwordProtected
    /// An Office Open XML file whose main part is not a workbook (a Word document or a presentation
    /// renamed `.xlsx`); the main part's path is given (`word/document.xml`).
    case notAWorkbook(mainPart: String)
}
