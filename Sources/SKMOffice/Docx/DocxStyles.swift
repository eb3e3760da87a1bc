/// styles.xml, settings.xml and the footer of a `DocxDocument`. The headings are Word's built-in
/// Heading 1–3 (with outline levels), so Word's navigation pane and table of contents find them.
enum DocxStyles {
    static func xml(_ document: DocxDocument) -> String {
        let font = XMLEscape.attribute(document.font)
        let size = halfPoints(document.fontSize)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles \(DocxWriter.wordNamespaces)>"
        xml += "<w:docDefaults><w:rPrDefault><w:rPr>"
        xml += "<w:rFonts w:ascii=\"\(font)\" w:hAnsi=\"\(font)\" w:eastAsia=\"\(font)\" w:cs=\"\(font)\"/>"
        xml += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>"
        xml += "<w:lang w:val=\"\(XMLEscape.attribute(document.language))\"/></w:rPr></w:rPrDefault>"
        xml += "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
        xml += "</w:docDefaults>"
        xml += style("Normal", "Normal", paragraph: "<w:jc w:val=\"both\"/>", isDefault: true, basedOn: nil)
        xml += style(
            "Title", "Title", paragraph: "<w:keepNext/><w:spacing w:after=\"120\"/><w:jc w:val=\"center\"/>",
            run: "<w:b/><w:bCs/><w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/>")
        xml += heading(1, size: 30, before: 0, after: 320, centred: true)
        xml += heading(2, size: 25, before: 280, after: 80, centred: false)
        xml += heading(3, size: 22, before: 200, after: 60, centred: false)
        xml += style(
            "Caption", "caption", paragraph: "<w:spacing w:before=\"60\" w:after=\"160\"/><w:jc w:val=\"center\"/>",
            run: "<w:i/><w:iCs/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>")
        xml += style(
            "Note", "Catatan", paragraph: "<w:spacing w:before=\"40\" w:after=\"160\"/><w:jc w:val=\"left\"/>",
            run: "<w:color w:val=\"4A5563\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
        var box = "<w:pBdr>"
        for side in ["top", "left", "bottom", "right"] {
            box += "<w:\(side) w:val=\"single\" w:sz=\"8\" w:space=\"4\" w:color=\"B7791F\"/>"
        }
        box += "</w:pBdr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFFAF0\"/>"
        xml += style(
            "Notice", "Kotak Catatan",
            paragraph:
                "<w:keepLines/>\(box)<w:spacing w:before=\"120\" w:after=\"160\"/><w:ind w:left=\"113\" w:right=\"113\"/><w:jc w:val=\"left\"/>"
        )
        xml += style(
            "ListBullet", "List Bullet",
            paragraph: "<w:spacing w:after=\"60\"/><w:ind w:left=\"425\" w:hanging=\"283\"/><w:jc w:val=\"left\"/>")
        xml += style(
            "TableText", "Teks Tabel",
            paragraph: "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
            run: "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
        xml += style(
            "TOCHeading", "TOC Heading",
            paragraph: "<w:keepNext/><w:spacing w:after=\"320\"/><w:jc w:val=\"center\"/>",
            run: "<w:b/><w:bCs/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>")
        xml += style(
            "TOC1", "toc 1", paragraph: "<w:spacing w:before=\"120\" w:after=\"40\"/><w:jc w:val=\"left\"/>",
            run: "<w:b/><w:bCs/>",
            next: "Normal")
        xml += style(
            "TOC2", "toc 2", paragraph: "<w:spacing w:after=\"20\"/><w:ind w:left=\"440\"/><w:jc w:val=\"left\"/>", next: "Normal"
        )
        xml += style(
            "TOC3", "toc 3", paragraph: "<w:spacing w:after=\"20\"/><w:ind w:left=\"880\"/><w:jc w:val=\"left\"/>", next: "Normal"
        )
        xml += style(
            "Footer", "footer", paragraph: "<w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/>",
            run: "<w:color w:val=\"4A5563\"/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>")
        return xml + "</w:styles>"
    }

    static func heading(_ level: Int, size: Int, before: Int, after: Int, centred: Bool) -> String {
        let paragraph =
            "<w:keepNext/><w:keepLines/><w:spacing w:before=\"\(before)\" w:after=\"\(after)\"/>"
            + "<w:jc w:val=\"\(centred ? "center" : "left")\"/><w:outlineLvl w:val=\"\(level - 1)\"/>"
        return style(
            "Heading\(level)", "heading \(level)", paragraph: paragraph,
            run: "<w:b/><w:bCs/><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>")
    }

    static func style(
        _ id: String, _ name: String, paragraph: String = "", run: String = "", isDefault: Bool = false,
        basedOn: String? = "Normal", next: String? = nil
    ) -> String {
        var xml =
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"\(isDefault ? " w:default=\"1\"" : "")><w:name w:val=\"\(name)\"/>"
        if let basedOn { xml += "<w:basedOn w:val=\"\(basedOn)\"/>" }
        if let next {
            xml += "<w:next w:val=\"\(next)\"/>"
        } else if id.hasPrefix("Heading") {
            xml += "<w:next w:val=\"Normal\"/>"
        }
        xml += "<w:qFormat/>"
        if !paragraph.isEmpty { xml += "<w:pPr>\(paragraph)</w:pPr>" }
        if !run.isEmpty { xml += "<w:rPr>\(run)</w:rPr>" }
        return xml + "</w:style>"
    }

    static func settings(_ document: DocxDocument) -> String {
        let hasContents = document.blocks.contains { if case .tableOfContents = $0 { return true } else { return false } }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings \(DocxWriter.wordNamespaces)>"
        xml += "<w:defaultTabStop w:val=\"709\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
        // Word refreshes the table of contents (page numbers) when the document is opened. The
        // settings are a schema sequence: updateFields after characterSpacingControl, before compat.
        if hasContents { xml += "<w:updateFields w:val=\"true\"/>" }
        xml +=
            "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        return xml + "</w:settings>"
    }

    static func footer(_ document: DocxDocument) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr \(DocxWriter.wordNamespaces)>"
        xml += "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
        if let prefix = document.pageNumberPrefix, !prefix.isEmpty {
            xml += "<w:r><w:t xml:space=\"preserve\">\(XMLEscape.text(prefix))</w:t></w:r>"
        }
        xml +=
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        xml +=
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        return xml + "</w:p></w:ftr>"
    }

    static func halfPoints(_ points: Double) -> Int {
        guard points.isFinite else { return 22 }
        return Int((min(max(points, 1), 500) * 2).rounded())
    }
}
