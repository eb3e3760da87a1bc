import SKMCore
import SKMService

/// Plans, evaluations and AKIP results as a person reads them.
enum PerformancePrinter {
    static func number(_ v: Double?, _ satuan: String? = nil) -> String {
        guard let v else { return "–" }
        let text = IndonesianNumber.format(v)
        return satuan == "%" ? text + " %" : text
    }

    static func plan(_ plan: PerformancePlan, history: [StoredRealisasi]) -> String {
        var lines = ["\(plan.organisation) — rencana \(plan.id) (\(plan.firstYear)–\(plan.lastYear))"]
        if let document = plan.document { lines.append(document) }
        lines.append("")
        let years = Array(plan.years)
        var table = TextTable(
            ["Kode", "Indikator", "Realisasi dari"] + years.map(String.init),
            alignments: [.left, .left, .left] + years.map { _ in .right })
        for i in plan.indicators {
            table.add([i.code, i.name.clipped(60), i.realisasi.name] + years.map { number(i.targets[$0]) })
        }
        lines.append("Target per tahun:")
        lines.append(table.rendered)
        if let note = plan.note { lines += ["Catatan: \(note)", ""] }
        if !history.isEmpty {
            lines.append("Riwayat realisasi (terbaru berlaku):")
            var h = TextTable(
                ["Indikator", "Tahun", "Nilai", "Dicatat", "Oleh"], alignments: [.left, .right, .right, .left, .left])
            for r in history {
                h.add([r.indicator, String(r.year), number(r.realisasi.value), r.enteredAt, r.enteredBy ?? "–"])
            }
            lines.append(h.rendered)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func evaluation(_ e: PlanEvaluation) -> String {
        var lines = ["Capaian kinerja \(e.plan.organisation) tahun \(e.year) (rencana \(e.plan.id))", ""]
        var table = TextTable(
            [
                "Kode", "Indikator", "Target", "Realisasi", "Capaian", "Kategori", "Th. lalu", "Perubahan",
                "Capaian thd target akhir",
            ],
            alignments: [.left, .left, .right, .right, .right, .left, .right, .right, .right])
        for i in e.indicators {
            let satuan = i.indicator.satuan
            table.add([
                i.indicator.code, i.indicator.name.clipped(48), number(i.target, satuan), number(i.realisasi?.value, satuan),
                i.capaian.map { IndonesianNumber.format($0) + " %" } ?? "–", i.category ?? "–", number(i.previous, satuan),
                i.change.map { ($0 > 0 ? "+" : "") + IndonesianNumber.format($0) } ?? "–",
                i.progressToFinal.map { IndonesianNumber.format($0) + " %" } ?? "–",
            ])
        }
        lines.append(table.rendered)
        for i in e.indicators where i.reason != nil {
            lines.append("\(i.indicator.code): \(i.reason ?? "")")
        }
        lines.append("")
        lines.append("Ringkasan: " + e.summary.filter { $0.count > 0 }.map { "\($0.count) \($0.label)" }.joined(separator: " · "))
        return lines.joined(separator: "\n") + "\n"
    }

    static func csv(_ e: PlanEvaluation, separator: Character) -> String {
        let csv = CSVWriter(separator: separator)
        let n: (Double?) -> CSVCell = { CSVCell.decimal($0, decimals: 2) }
        var out = csv.byteOrderMark
        out += csv.line(
            [
                "kode", "nama", "satuan", "target", "realisasi", "capaian", "kategori", "sebelumnya", "perubahan", "target_akhir",
                "kemajuan_ke_target_akhir", "alasan",
            ].map { .text($0) })
        for i in e.indicators {
            out += csv.line([
                .text(i.indicator.code), .text(i.indicator.name), .optionalText(i.indicator.satuan), n(i.target),
                n(i.realisasi?.value), n(i.capaian), .optionalText(i.category), n(i.previous), n(i.change), n(i.finalTarget),
                n(i.progressToFinal), .optionalText(i.reason),
            ])
        }
        return out
    }

    static func akip(_ r: AKIPResult) -> String {
        var lines = ["\(r.scheme.title)\(r.year.map { " — tahun \($0)" } ?? "")\(r.organisation.map { " — \($0)" } ?? "")", ""]
        var table = TextTable(
            ["Komponen", "Sub-komponen", "Bobot", "Rata-rata %", "Nilai"], alignments: [.left, .left, .right, .right, .right])
        for c in r.components {
            for s in c.subScores {
                table.add([
                    c.name, s.name + (s.criteria.map { " (\($0) kriteria)" } ?? ""), IndonesianNumber.format(s.weight),
                    IndonesianNumber.format(s.percent), IndonesianNumber.format(s.score),
                ])
            }
            table.add(["", "Jumlah \(c.name)", IndonesianNumber.format(c.weight), "", IndonesianNumber.format(c.score)])
        }
        lines.append(table.rendered)
        let p = r.predikat
        lines.append("Nilai AKIP: \(IndonesianNumber.format(r.total))   Predikat: \(p?.predikat ?? "–") (\(p?.label ?? "–"))")
        if let interpretasi = p?.interpretasi { lines.append("Interpretasi: \(interpretasi)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
