import SKMCore
import SKMOffice

extension SKMService {
    /// `skm template --xlsx FILE`: a blank entry workbook for a questionnaire (the default one when
    /// nil). Sheet "Isian" comes first (the sheet an import reads): one header row with the columns
    /// `skm import` knows (`tanggal`, `unit`, `layanan`, `jam`, profile fields, `usia`, then one
    /// column per question **in the form's order**, headed by the unsur code it measures, then
    /// `saran`), and data validation on `rows` rows: answers a whole number on the scale or blank,
    /// lists for the time slot and the profile choices, age in range. Sheet "Petunjuk" explains it
    /// in Indonesian and states the question → unsur mapping with each question's options.
    public func entryTemplate(questionnaire id: String?, rows: Int = 1000) throws -> [UInt8] {
        let q = try catalog().questionnaire(id)
        let rows = min(max(rows, 1), 100_000)
        let last = rows + 1
        let profile = ProfileKey.fields.filter { q.profile.choiceField($0.key) != nil }
        let fixed = ["tanggal", "unit", "layanan"] + (q.timeSlots.isEmpty ? [] : ["jam"])
        let ageColumn = q.profile.age == nil ? [] : ["usia"]
        let header = fixed + profile.map(\.indonesianName) + ageColumn + q.questions.map(\.unsur) + ["saran"]
        func column(_ name: String, from start: Int = 0) -> String {
            let index = header[start...].firstIndex(of: name) ?? 0
            return XlsxReference.column(index)
        }
        var validations: [XlsxValidation] = []
        if !q.timeSlots.isEmpty {
            let c = column("jam")
            validations.append(
                XlsxValidation(
                    range: "\(c)2:\(c)\(last)", rule: .list(q.timeSlots.map(\.code)),
                    errorMessage: "Pilih jam survei dari daftar.",
                    prompt: q.timeSlots.map { "\($0.code): \($0.label)" }.joined(separator: "; ")))
        }
        for field in profile {
            guard let spec = q.profile.choiceField(field.key) else { continue }
            let c = column(field.indonesianName)
            // Words skm maps (occupation: `Petani` → LAINNYA) may be typed: a warning, not a refusal.
            let mapsWords = !field.commonWords.isEmpty
            validations.append(
                XlsxValidation(
                    range: "\(c)2:\(c)\(last)", rule: .list(spec.choices.map(\.code)),
                    errorMessage: "Pilih \(field.words) dari daftar (\(spec.choices.map(\.code).joined(separator: ", ")))"
                        + (mapsWords ? "; kata lain seperti Petani dihitung skm ke kategorinya." : "."),
                    prompt: spec.choices.map { "\($0.code): \($0.label)" }.joined(separator: "; "), strict: !mapsWords))
        }
        if let age = q.profile.age {
            let c = column("usia")
            validations.append(
                XlsxValidation(
                    range: "\(c)2:\(c)\(last)", rule: .wholeNumber(age.min...age.max),
                    errorMessage: "Usia bilangan bulat \(age.min)–\(age.max), atau kosongkan."))
        }
        let firstQuestion = fixed.count + profile.count + ageColumn.count
        let scale = "\(q.scale.lowerBound)–\(q.scale.upperBound)"
        for (i, question) in q.questions.enumerated() {
            let c = XlsxReference.column(firstQuestion + i)
            validations.append(
                XlsxValidation(
                    range: "\(c)2:\(c)\(last)", rule: .wholeNumber(q.scale),
                    errorMessage: "Jawaban pertanyaan \(question.number) harus \(scale), atau kosong bila tidak dijawab.",
                    prompt: "P\(question.number) → \(question.unsur): "
                        + question.options.enumerated().map { "\($0.offset + q.scale.lowerBound) \($0.element)" }
                        .joined(separator: ", ")))
        }
        let book = XlsxWriter()
        do {
            let widths: [Double?] = header.map { name in
                name == "saran" ? 40 : name == "tanggal" ? 12 : q.unsur.contains { $0.code == name } ? 6 : 14
            }
            try book.beginSheet(XlsxSheetLayout(name: "Isian", columnWidths: widths, frozenRows: 1, validations: validations))
            try book.appendRow(header.map { .text($0, style: .bold) })
            try book.endSheet()
            try writeInstructions(book, questionnaire: q, header: header, firstQuestion: firstQuestion, rows: rows)
            return try book.finish()
        } catch let error as OfficeError {
            throw SKMError.office(error, path: "templat")
        }
    }

    /// Writes `entryTemplate` to a new file (a blank form holds no one's answers: readable as
    /// report files are); an existing file only with `replacing`.
    public func writeEntryTemplate(questionnaire id: String?, rows: Int = 1000, to path: String, replacing: OutputFile.Replacing)
        throws
    {
        let file = try OutputFile(path: path, visibility: .publication, replacing: replacing)
        let bytes = try entryTemplate(questionnaire: id, rows: rows)
        try bytes.withUnsafeBytes { try file.write($0) }
        try file.close()
    }

    private func writeInstructions(
        _ book: XlsxWriter, questionnaire q: Questionnaire, header: [String], firstQuestion: Int, rows: Int
    )
        throws
    {
        try book.beginSheet(XlsxSheetLayout(name: "Petunjuk", columnWidths: [10, 10, 12, 34, 60, 22, 22, 22, 22]))
        try book.appendRow([.text("Petunjuk pengisian — \(q.title)", style: .title)])
        let lines = [
            "Satu baris lembar Isian = satu responden. Jangan ubah baris judul (baris 1): skm import mengenali kolom dari judulnya.",
            "tanggal: tanggal survei (format tanggal Excel, atau HH/BB/TTTT). unit dan layanan: kode yang terdaftar di skm.",
            "Kolom pertanyaan berurutan seperti di formulir kertas; judul tiap kolom adalah kode unsur yang diukurnya (lihat tabel di bawah).",
            "Jawaban \(q.scale.lowerBound)–\(q.scale.upperBound) sesuai pilihan jawaban; kosongkan bila responden tidak menjawab (tidak dihitung, bukan 0).",
            "Isian \(rows) baris pertama diperiksa Excel/LibreOffice (validasi data); skm import tetap memeriksa setiap baris.",
            "Impor: skm import NAMA-BERKAS.xlsx (lembar pertama, Isian). Jangan isi nama, NIK atau nomor telepon responden.",
        ]
        for line in lines { try book.appendRow([.text(line)]) }
        book.skipRows(1)
        try book.appendRow([.text("Pertanyaan dan unsur yang diukurnya", style: .bold)])
        let optionHeaders = (q.scale.lowerBound...q.scale.upperBound).map { "Jawaban \($0)" }
        try book.appendRow(
            (["No.", "Kolom", "Unsur", "Nama unsur", "Pertanyaan"] + optionHeaders).map { .text($0, style: .bold) })
        for (i, question) in q.questions.enumerated() {
            let unsurName = q.unsur.first { $0.code == question.unsur }?.name ?? ""
            try book.appendRow(
                [
                    .integer(question.number), .text(XlsxReference.column(firstQuestion + i)), .text(question.unsur),
                    .text(unsurName),
                    .text(question.text, style: .wrapped),
                ] + question.options.map { .text($0) })
        }
        book.skipRows(1)
        try book.appendRow([.text("Pilihan data responden", style: .bold)])
        try book.appendRow(["Kolom", "Kode", "Arti"].map { .text($0, style: .bold) })
        for slot in q.timeSlots { try book.appendRow([.text("jam"), .text(slot.code), .text(slot.label)]) }
        for field in ProfileKey.fields {
            guard let spec = q.profile.choiceField(field.key) else { continue }
            for choice in spec.choices {
                try book.appendRow([.text(field.indonesianName), .text(choice.code), .text(choice.label)])
            }
        }
        if let age = q.profile.age { try book.appendRow([.text("usia"), .text("\(age.min)–\(age.max)"), .text(age.label)]) }
        try book.endSheet()
    }
}
