/// The fixed parts of a workbook: content types, relationships, workbook and styles.
enum XlsxParts {
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func contentTypes(sheets: Int) -> String {
        var xml = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml +=
            #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for i in 1...max(sheets, 1) {
            xml +=
                #"<Override PartName="/xl/worksheets/sheet\#(i).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        xml +=
            #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        xml +=
            #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
        return xml + "</Types>"
    }

    static let rootRelationships =
        header + #"<Relationships xmlns="\#(packageRelationships)">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipsNS)/officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="\#(relationshipsNS)/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    static let app =
        header + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
        + "<Application>skm</Application></Properties>"

    static func workbook(sheets: [String], names: [(name: String, refersTo: String)]) -> String {
        var xml = header + #"<workbook xmlns="\#(main)" xmlns:r="\#(relationshipsNS)">"#
        xml += #"<workbookPr date1904="0"/><bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (i, name) in sheets.enumerated() {
            xml += #"<sheet name="\#(XMLEscape.attribute(name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        xml += "</sheets>"
        if !names.isEmpty {
            xml += "<definedNames>"
            for n in names {
                xml += #"<definedName name="\#(XMLEscape.attribute(n.name))">\#(XMLEscape.text(n.refersTo))</definedName>"#
            }
            xml += "</definedNames>"
        }
        return xml + #"<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>"#
    }

    static func workbookRelationships(sheets: Int) -> String {
        var xml = header + #"<Relationships xmlns="\#(packageRelationships)">"#
        for i in 1...max(sheets, 1) {
            xml += #"<Relationship Id="rId\#(i)" Type="\#(relationshipsNS)/worksheet" Target="worksheets/sheet\#(i).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheets + 1)" Type="\#(relationshipsNS)/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    /// One `xf` per `XlsxStyle` case, in its raw-value order.
    static let styles: String = {
        var xml = header + #"<styleSheet xmlns="\#(main)">"#
        xml +=
            #"<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0000"/></numFmts>"#
        xml += #"<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        xml += #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        xml += #"<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        xml +=
            #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        xml += #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        xml += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        let xfs: [String] = XlsxStyle.allCases.map { style in
            switch style {
            case .plain: return #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
            case .bold: return #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
            case .decimal2: return #"<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
            case .date: return #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
            case .boldDecimal2:
                return #"<xf numFmtId="2" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>"#
            case .decimal4: return #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
            case .wrapped:
                return
                    #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>"#
            case .title: return #"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
            }
        }
        xml += #"<cellXfs count="\#(xfs.count)">"# + xfs.joined() + "</cellXfs>"
        xml += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        return xml + "</styleSheet>"
    }()
}
