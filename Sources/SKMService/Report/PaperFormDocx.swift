import SKMCore
import SKMOffice
import SKMReport

/// The paper questionnaire as a Word document on one A4 page (2017 form): the same `PaperForm` as
/// the HTML page, with the profile box and the questions as Word tables.
enum PaperFormDocx {
    static let page = DocxPage.a4(top: 12, right: 14, bottom: 12, left: 14)

    static func render(_ form: PaperForm) throws(OfficeError) -> [UInt8] {
        let width = page.textWidth
        var blocks: [DocxBlock] = [
            .paragraph(
                DocxParagraph(
                    .normal, [DocxRun(form.office ?? "Nama kantor: ……………………………………………", bold: true, size: 11.5)],
                    alignment: .center, spaceAfter: 0)),
            .paragraph(DocxParagraph(.normal, [DocxRun(form.title, bold: true, size: 12.5)], alignment: .center, spaceAfter: 0)),
            .paragraph(
                DocxParagraph(.normal, [DocxRun(form.subtitle, size: 8, color: "444444")], alignment: .center, spaceAfter: 4)),
            .paragraph(DocxParagraph(.normal, [DocxRun(form.instructions, size: 8.5)], alignment: .left, spaceAfter: 4)),
            .paragraph(DocxParagraph(.tableText, [DocxRun("PROFIL RESPONDEN", bold: true)], keepWithNext: true, spaceAfter: 2)),
        ]
        let labelWidth = width * 27 / 100
        let profileRows = form.profile.map { line -> [DocxTable.Cell] in
            let answer =
                line.choices.isEmpty
                ? "……………………………………………" + (line.unit.map { " " + $0 } ?? "")
                : line.choices.map { "\(PaperForm.box) \($0)" }.joined(separator: "   ")
            return [DocxTable.Cell([DocxRun(line.label, size: 9)]), DocxTable.Cell([DocxRun(answer, size: 9)])]
        }
        blocks.append(
            .table(
                DocxTable(
                    columns: [.init(width: labelWidth), .init(width: width - labelWidth)], rows: profileRows, borders: true,
                    keepTogether: true)))
        blocks.append(.paragraph(DocxParagraph(.tableText, [], spaceAfter: 4)))
        blocks.append(
            .paragraph(
                DocxParagraph(
                    .tableText, [DocxRun("PENDAPAT RESPONDEN TENTANG PELAYANAN", bold: true)], keepWithNext: true, spaceAfter: 2))
        )
        let numberWidth = 420
        let optionWidth = (width - numberWidth) / 4
        var rows: [[DocxTable.Cell]] = []
        for question in form.questions {
            rows.append([
                DocxTable.Cell([DocxParagraph(.tableText, [DocxRun("\(question.number).", size: 9)], alignment: .right)]),
                DocxTable.Cell([DocxRun(question.text, size: 9)], span: 4),
            ])
            var options = [DocxTable.Cell([DocxRun("")])]
            for (i, option) in question.options.prefix(4).enumerated() {
                options.append(DocxTable.Cell([DocxRun("\(PaperForm.box) \(PaperForm.optionText(option, index: i))", size: 8.5)]))
            }
            rows.append(options)
        }
        blocks.append(
            .table(
                DocxTable(
                    columns: [.init(width: numberWidth)] + Array(repeating: .init(width: optionWidth), count: 4), rows: rows,
                    borders: true)))
        blocks.append(.paragraph(DocxParagraph(.tableText, [], spaceAfter: 4)))
        let suggestions = DocxTable.Cell([
            DocxParagraph(.tableText, [DocxRun(form.suggestionsLabel, size: 9)]),
            DocxParagraph(.tableText, [], spaceBefore: 40),
        ])
        blocks.append(.table(DocxTable(columns: [.init(width: width)], rows: [[suggestions]], borders: true)))
        blocks.append(
            .paragraph(
                DocxParagraph(
                    .normal, [DocxRun("Terima kasih atas kesediaan Anda mengisi kuesioner ini.", italic: true, size: 8.5)],
                    alignment: .center, spaceBefore: 4, spaceAfter: 0)))
        let document = DocxDocument(title: form.title, blocks: blocks, page: page, font: "DejaVu Sans", fontSize: 9.5)
        return try DocxWriter.write(document)
    }
}
