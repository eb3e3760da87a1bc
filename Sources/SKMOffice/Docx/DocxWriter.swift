/// Writes a `DocxDocument` as a WordprocessingML package (`.docx`): content types, package and
/// document relationships, the document, its styles, settings, a footer with a PAGE field and
/// the images (`word/media/imageN.png`, and `.svg` where given).
///
///     let document = DocxDocument(title: "Laporan", blocks: [.paragraph(DocxParagraph(.heading1, text: "BAB I"))])
///     let bytes = try DocxWriter.write(document)
public enum DocxWriter {
    static let wordNamespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    /// The package's bytes (a ZIP archive). The same document gives the same bytes.
    public static func write(_ document: DocxDocument) throws(OfficeError) -> [UInt8] {
        var body = DocxBody(document: document)
        let bodyXML = body.documentXML()
        let zip = ZipWriter()
        try zip.add("[Content_Types].xml", text: contentTypes(document, hasSVG: body.media.contains { $0.svg != nil }))
        try zip.add("_rels/.rels", text: packageRelationships)
        try zip.add("docProps/core.xml", text: coreProperties(document))
        try zip.add("word/_rels/document.xml.rels", text: documentRelationships(document, media: body.media))
        try zip.add("word/document.xml", text: bodyXML)
        try zip.add("word/styles.xml", text: DocxStyles.xml(document))
        try zip.add("word/settings.xml", text: DocxStyles.settings(document))
        if document.pageNumberPrefix != nil { try zip.add("word/footer1.xml", text: DocxStyles.footer(document)) }
        for item in body.media {
            try zip.add("word/media/image\(item.number).png", bytes: item.png, compress: false)
            if let svg = item.svg { try zip.add("word/media/image\(item.number).svg", bytes: svg) }
        }
        return try zip.finish()
    }

    static func contentTypes(_ document: DocxDocument, hasSVG: Bool) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Default Extension=\"png\" ContentType=\"image/png\"/>"
        if hasSVG { xml += "<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>" }
        let word = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        xml += "<Override PartName=\"/word/document.xml\" ContentType=\"\(word).document.main+xml\"/>"
        xml += "<Override PartName=\"/word/styles.xml\" ContentType=\"\(word).styles+xml\"/>"
        xml += "<Override PartName=\"/word/settings.xml\" ContentType=\"\(word).settings+xml\"/>"
        if document.pageNumberPrefix != nil {
            xml += "<Override PartName=\"/word/footer1.xml\" ContentType=\"\(word).footer+xml\"/>"
        }
        xml +=
            "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        return xml + "</Types>"
    }

    static let packageRelationships =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "</Relationships>"

    static func coreProperties(_ document: DocxDocument) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(XMLEscape.text(document.title))</dc:title>"
            + "<dc:creator>skm</dc:creator><dc:language>\(XMLEscape.text(document.language))</dc:language></cp:coreProperties>"
    }

    static func documentRelationships(_ document: DocxDocument, media: [DocxBody.Media]) -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        xml += "<Relationship Id=\"rIdStyles\" Type=\"\(base)styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rIdSettings\" Type=\"\(base)settings\" Target=\"settings.xml\"/>"
        if document.pageNumberPrefix != nil {
            xml += "<Relationship Id=\"rIdFooter\" Type=\"\(base)footer\" Target=\"footer1.xml\"/>"
        }
        for item in media {
            xml += "<Relationship Id=\"rIdImage\(item.number)\" Type=\"\(base)image\" Target=\"media/image\(item.number).png\"/>"
            if item.svg != nil {
                xml +=
                    "<Relationship Id=\"rIdSvg\(item.number)\" Type=\"\(base)image\" Target=\"media/image\(item.number).svg\"/>"
            }
        }
        return xml + "</Relationships>"
    }
}
