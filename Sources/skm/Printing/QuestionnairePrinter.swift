import SKMCore

/// A questionnaire as a person reads it: the form, the unsur, the weights and the band table.
enum QuestionnairePrinter {
    static func text(_ q: Questionnaire) -> String {
        var lines = ["\(q.title)", "ID: \(q.id)   Status: \(q.statusLabel)", "Dasar: \(q.regulation)"]
        if let note = q.note { lines += ["Catatan: \(note)"] }
        if q.wording == "reconstructed" { lines += ["Rumusan butir: disusun ulang (bukan teks peraturan)"] }
        lines += [
            "Skala: \(q.scale.lowerBound)–\(q.scale.upperBound)   IKM = indeks × \(IndonesianNumber.format(q.conversionFactor, decimals: 0))",
            "", "Unsur (urutan peraturan):",
        ]
        for (i, u) in q.unsur.enumerated() {
            let question = q.questionIndexOfUnsur[i] + 1
            lines.append(
                "  \(u.code.padding(4)) \(u.name.padding(42)) bobot \(IndonesianNumber.format(q.weights[i], decimals: 4))   (pertanyaan \(question))"
            )
        }
        lines += ["", "Pertanyaan (urutan formulir):"]
        let letters = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for question in q.questions {
            lines.append("  \(question.number). [\(question.unsur)] \(question.text)")
            let options = question.options.enumerated().map { i, label in
                "\(i < letters.count ? letters[i] : "?"). \(label) (\(q.scale.lowerBound + i))"
            }
            lines.append("     " + options.joined(separator: "   "))
        }
        lines += ["", "Tabel mutu (dibaca sebagai ambang bawah nilai IKM yang ditampilkan):"]
        for band in q.bands.bands.reversed() {
            let printed = [band.printedIndeks.map { "indeks \($0)" }, band.printedIKM.map { "IKM \($0)" }]
                .compactMap { $0 }.joined(separator: "; ")
            let lke = band.lke.map { "   nilai LKE \(IndonesianNumber.format($0))" } ?? ""
            lines.append(
                "  \(band.mutu)  \(band.kinerja.padding(12)) ≥ \(IndonesianNumber.format(band.minimum))   \(printed)\(lke)")
        }
        if !q.timeSlots.isEmpty {
            lines += ["", "Jam survei: " + q.timeSlots.map { "\($0.code) (\($0.label))" }.joined(separator: ", ")]
        }
        for key in ProfileKey.allCases {
            guard let field = q.profile.choiceField(key) else { continue }
            lines.append(
                "\(field.label): "
                    + field.choices.map { "\($0.code)" + ($0.label == $0.code ? "" : " (\($0.label))") }.joined(separator: ", "))
        }
        if let age = q.profile.age { lines.append("\(age.label): \(age.min)–\(age.max) tahun") }
        return lines.joined(separator: "\n") + "\n"
    }
}
