/// An Excel workbook (.xlsx) opened for reading: its sheet names, date system, shared strings and
/// styles. Sheets are read row by row with `rows(ofSheet:)`, never as a whole.
///
///     let book = try XlsxWorkbook(bytes: fileBytes)
///     let rows = try book.rows(ofSheet: nil)   // the first sheet
///     while let row = try rows.next() { … }
public final class XlsxWorkbook {
    let zip: ZipReader
    /// The sheets' names, in the workbook's order.
    public let sheetNames: [String]
    /// True when dates count from 1904-01-01 (`date1904`), false for the 1900 system.
    public let date1904: Bool
    let sheetPaths: [String]
    let sharedStrings: [String]
    let styles: XlsxStyles

    /// Opens the workbook in `bytes`. An old binary .xls or a password-protected file (both OLE2
    /// compound files) is refused with its own error, as is anything that is not a workbook.
    public init(bytes: [UInt8], limits: ZipLimits = ZipLimits()) throws(OfficeError) {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw Self.hasEncryptedPackage(bytes) ? .passwordProtected : .legacyBinaryWorkbook
        }
        let zip = try ZipReader(bytes: bytes, limits: limits)
        self.zip = zip
        let workbookPath = try Self.officeDocumentPath(zip)
        guard let workbookEntry = zip.entry(named: workbookPath) else { throw .missingPart(workbookPath) }
        let relations = try Self.relations(zip, of: workbookPath)
        var names: [String] = []
        var paths: [String] = []
        var date1904 = false
        let parser = XMLPullParser(part: workbookPath, bytes: try zip.read(workbookEntry))
        var sawRoot = false
        while true {
            let token = try parser.next()
            if token == .endOfDocument { break }
            guard token == .start else { continue }
            if !sawRoot {
                // A .docx or .pptx renamed .xlsx is a valid package whose main part is another document.
                guard parser.isNamed("workbook") else { throw .notAWorkbook(mainPart: workbookPath) }
                sawRoot = true
            }
            if parser.isNamed("workbookPr"), let value = try parser.attribute("date1904") {
                date1904 = value == Array("1".utf8) || value == Array("true".utf8)
            } else if parser.isNamed("sheet") {
                guard let name = try parser.attribute("name"), let id = try parser.attribute("id"),
                    let target = relations[String(decoding: id, as: UTF8.self)]
                else { throw .xmlInvalid(part: workbookPath, reason: "lembar tanpa nama atau tanpa rujukan") }
                guard names.count < 10_000 else { throw .xmlInvalid(part: workbookPath, reason: "terlalu banyak lembar") }
                names.append(String(decoding: name, as: UTF8.self))
                paths.append(target)
            }
        }
        guard !names.isEmpty else { throw .missingPart("\(workbookPath) (lembar kerja)") }
        sheetNames = names
        sheetPaths = paths
        self.date1904 = date1904
        let folder = Self.folder(of: workbookPath)
        let sharedPath = relations.first { $0.value.hasSuffix("sharedStrings.xml") }?.value ?? folder + "sharedStrings.xml"
        if let entry = zip.entry(named: sharedPath) {
            sharedStrings = try Self.readSharedStrings(XMLPullParser(part: sharedPath, source: Self.chunks(try zip.open(entry))))
        } else {
            sharedStrings = []
        }
        let stylesPath = relations.first { $0.value.hasSuffix("styles.xml") }?.value ?? folder + "styles.xml"
        if let entry = zip.entry(named: stylesPath) {
            styles = try XlsxStyles(parser: XMLPullParser(part: stylesPath, bytes: try zip.read(entry)))
        } else {
            styles = XlsxStyles()
        }
    }

    /// The rows of the sheet called `name`, or of the first sheet when nil.
    public func rows(ofSheet name: String?) throws(OfficeError) -> XlsxSheetReader {
        var index = 0
        if let name {
            let wanted = name.lowercased()
            guard
                let found = sheetNames.firstIndex(where: { $0 == name })
                    ?? sheetNames.firstIndex(where: { $0.lowercased() == wanted })
            else { throw .sheetNotFound(name, available: sheetNames) }
            index = found
        }
        let path = sheetPaths[index]
        guard let entry = zip.entry(named: path) else { throw .missingPart(path) }
        return XlsxSheetReader(
            parser: XMLPullParser(part: path, source: Self.chunks(try zip.open(entry))), part: path,
            sharedStrings: sharedStrings, styles: styles)
    }

    static func chunks(_ stream: ZipEntryStream) -> () throws(OfficeError) -> [UInt8]? {
        { () throws(OfficeError) -> [UInt8]? in try stream.next() }
    }

    /// The main part named by `_rels/.rels` (usually `xl/workbook.xml`).
    static func officeDocumentPath(_ zip: ZipReader) throws(OfficeError) -> String {
        guard let rels = zip.entry(named: "_rels/.rels") else {
            if zip.entry(named: "xl/workbook.xml") != nil { return "xl/workbook.xml" }
            throw .missingPart("_rels/.rels")
        }
        let parser = XMLPullParser(part: rels.name, bytes: try zip.read(rels))
        while true {
            let token = try parser.next()
            if token == .endOfDocument { break }
            if token == .start, parser.isNamed("Relationship"), let type = try parser.attribute("Type"),
                String(decoding: type, as: UTF8.self).hasSuffix("/officeDocument"), let target = try parser.attribute("Target")
            {
                return try resolve(String(decoding: target, as: UTF8.self), from: "")
            }
        }
        return "xl/workbook.xml"
    }

    /// Relationship id → part path, for the part at `path`.
    static func relations(_ zip: ZipReader, of path: String) throws(OfficeError) -> [String: String] {
        let folder = folder(of: path)
        let relsPath = folder + "_rels/" + (path.split(separator: "/").last.map(String.init) ?? path) + ".rels"
        guard let entry = zip.entry(named: relsPath) else { throw .missingPart(relsPath) }
        let parser = XMLPullParser(part: relsPath, bytes: try zip.read(entry))
        var out: [String: String] = [:]
        while true {
            let token = try parser.next()
            if token == .endOfDocument { return out }
            if token == .start, parser.isNamed("Relationship"), let id = try parser.attribute("Id"),
                let target = try parser.attribute("Target"), try parser.attribute("TargetMode") == nil
            {
                out[String(decoding: id, as: UTF8.self)] = try resolve(String(decoding: target, as: UTF8.self), from: folder)
            }
        }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// A relationship target as an archive path: absolute (`/xl/…`) or relative to `folder`, with
    /// `..` resolved; one that climbs out of the archive is refused.
    static func resolve(_ target: String, from folder: String) throws(OfficeError) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for part in target.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { throw .unsafeEntryName(target) }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// Every `<si>` item's text: its `<t>` or its rich-text runs' `<t>`s joined (phonetic `rPh` left out).
    static func readSharedStrings(_ parser: XMLPullParser) throws(OfficeError) -> [String] {
        var strings: [String] = []
        var current: [UInt8] = []
        var inItem = false
        var inText = false
        var phonetic = 0
        while true {
            switch try parser.next() {
            case .endOfDocument: return strings
            case .start:
                if parser.isNamed("si") {
                    inItem = true
                    current.removeAll(keepingCapacity: true)
                } else if parser.isNamed("rPh") {
                    phonetic += 1
                } else if parser.isNamed("t") {
                    inText = inItem && phonetic == 0
                }
            case .end:
                if parser.isNamed("si") {
                    guard strings.count < 10_000_000 else {
                        throw .xmlInvalid(part: "xl/sharedStrings.xml", reason: "terlalu banyak teks")
                    }
                    strings.append(String(decoding: current, as: UTF8.self))
                    inItem = false
                } else if parser.isNamed("rPh") {
                    phonetic -= 1
                } else if parser.isNamed("t") {
                    inText = false
                }
            case .text:
                if inText { current.append(contentsOf: parser.text) }
            }
        }
    }

    /// True when an OLE2 compound file's directory names an `EncryptedPackage` stream (how Office
    /// stores a password-protected .xlsx). The name is UTF-16LE in a directory entry.
    static func hasEncryptedPackage(_ bytes: [UInt8]) -> Bool {
        let name = Array("EncryptedPackage".utf8).flatMap { [$0, UInt8(0)] }
        guard bytes.count >= name.count else { return false }
        var i = 0
        while i <= bytes.count - name.count {
            if bytes[i] == name[0] && bytes[i..<(i + name.count)].elementsEqual(name) { return true }
            i += 1
        }
        return false
    }
}
