import SKMCore

/// BAB II Pengumpulan Data: pelaksana, metode, lokasi dan waktu, jumlah responden.
enum MethodChapter {
    static func build(_ c: ContentContext, _ n: inout Numbering) -> Chapter {
        n.start("2")
        let d = c.data
        let q = d.questionnaire
        var blocks: [Block] = [.heading("2.1 Pelaksana", id: "pelaksana")]
        if let pelaksana = d.pelaksana {
            blocks.append(.paragraph([.text("Survei dilaksanakan oleh \(pelaksana).")]))
        } else {
            blocks.append(.paragraph([.text("Survei dilaksanakan oleh "), .placeholder(Placeholder.pelaksana), .text(".")]))
        }
        blocks.append(
            .paragraph([
                .text(
                    "Data diolah dengan perangkat lunak skm, yang menghitung IKM persis menurut PermenPANRB Nomor 14 Tahun 2017.")
            ]))

        blocks.append(.heading("2.2 Metode", id: "metode"))
        let options = q.scale.upperBound - q.scale.lowerBound + 1
        blocks.append(
            .paragraph([
                .text(
                    "Data dikumpulkan dengan kuesioner \u{201C}\(q.title)\u{201D}. Kuesioner berisi \(q.questions.count) pertanyaan, satu untuk setiap unsur pelayanan, dan setiap pertanyaan mempunyai \(options) pilihan jawaban yang diberi nilai persepsi \(q.scale.lowerBound) (terendah) sampai \(q.scale.upperBound) (tertinggi). Isi kuesioner dapat dilihat pada Lampiran A."
                )
            ]))
        blocks.append(
            .paragraph([
                .text(
                    "Responden mengisi kuesioner tanpa mencantumkan nama atau nomor identitas. Pertanyaan yang tidak dijawab dibiarkan kosong dan tidak dihitung sebagai nilai nol: nilai rata-rata suatu unsur hanya dihitung dari responden yang menjawab unsur tersebut."
                )
            ]))
        let factor = IndonesianNumber.format(q.conversionFactor, decimals: 0)
        blocks.append(
            .paragraph([
                .text(
                    "Nilai rata-rata per unsur (NRR) adalah jumlah nilai dibagi jumlah responden yang menjawab. Indeks adalah jumlah NRR tertimbang (NRR × bobot; \(weightPhrase(q, d.overall))), dan IKM adalah indeks × \(factor). Semua perhitungan memakai angka penuh; pembulatan hanya dilakukan saat angka ditampilkan, dan mutu pelayanan dibaca dari nilai IKM yang ditampilkan dengan dua desimal."
                )
            ]))

        blocks.append(.heading("2.3 Lokasi dan Waktu", id: "lokasi-waktu"))
        var place: [Inline] = [.text("Survei dilakukan di ")] + c.office
        if let address = d.office.address { place.append(.text(", \(address)")) }
        place.append(.text(". "))
        if let span = d.surveySpan {
            place.append(
                .text(
                    "Pengisian kuesioner berlangsung sepanjang tahun \(d.year): jawaban pertama tercatat pada \(span.first.indonesian) dan yang terakhir pada \(span.last.indonesian)."
                ))
        } else {
            place.append(.text("Belum ada jawaban yang tercatat pada tahun \(d.year)."))
        }
        if !q.timeSlots.isEmpty {
            place.append(.text(" Waktu pengisian dicatat menurut jam layanan (\(Words.list(q.timeSlots.map(\.label))))."))
        }
        blocks.append(.paragraph(place))

        blocks.append(.heading("2.4 Penentuan Jumlah Responden", id: "jumlah-responden"))
        blocks.append(
            .paragraph([
                .text(
                    "Jumlah responden minimal ditentukan dengan rumus Krejcie dan Morgan yang lazim dipakai bersama PermenPANRB Nomor 14 Tahun 2017 (rumusnya pada Lampiran C)."
                )
            ]))
        blocks.append(.paragraph(sampleSentence(d)))
        if let sample = d.sample {
            blocks.append(
                .table(
                    ReportTable(
                        id: "jumlah-responden", caption: n.table("Jumlah responden dan sampel minimal"),
                        columns: [
                            ("Populasi", .right), ("Sampel minimal (Krejcie–Morgan)", .right), ("Responden", .right),
                            ("Keterangan", .left),
                        ],
                        rows: [
                            [
                                .integer(sample.population), .integer(sample.minimum), .integer(sample.respondents),
                                .text(
                                    sample.sufficient
                                        ? "Memenuhi" : "Kurang \(Words.count(sample.minimum - sample.respondents)) responden"),
                            ]
                        ])))
        }
        return Chapter(id: "bab-2", title: "BAB II PENGUMPULAN DATA", blocks: blocks)
    }

    static func weightPhrase(_ q: Questionnaire, _ overall: IKMResult) -> String {
        let declared = q.unsur.allSatisfy { $0.weight != nil }
        switch overall.weighting {
        case .exact:
            return declared ? "bobot tiap unsur sebagaimana ditetapkan kuesioner" : "bobot tiap unsur 1/\(q.unsur.count)"
        case .threeDecimals, .twoDecimals:
            return overall.appliedWeightingDescription
        }
    }

    static func sampleSentence(_ d: ReportData) -> [Inline] {
        let respondents = Words.count(d.overall.respondents)
        guard let sample = d.sample else {
            return [
                .placeholder(Placeholder.population),
                .text(
                    "; karena itu kecukupan jumlah responden belum dapat diperiksa. Survei ini memperoleh \(respondents) responden."
                ),
            ]
        }
        var text =
            "Jumlah penerima layanan (populasi) tahun \(d.year) sebanyak \(Words.count(sample.population)) orang, sehingga jumlah responden minimal adalah \(Words.count(sample.minimum)) orang. Survei ini memperoleh \(respondents) responden; "
        if sample.sufficient {
            text += "jumlah tersebut sudah memenuhi batas minimal."
        } else {
            text +=
                "jumlah tersebut belum memenuhi batas minimal (kurang \(Words.count(sample.minimum - sample.respondents)) responden), sehingga hasilnya perlu dibaca dengan hati-hati."
        }
        return [.text(text)]
    }
}
