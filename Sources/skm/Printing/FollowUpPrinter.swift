import SKMCore
import SKMService

/// Terminal text for the RTL register and the publication log.
enum FollowUpPrinter {
    static func status(_ i: RTLItem) -> String {
        if i.cancelled { return "batal" }
        guard let done = i.doneOn else { return "belum" }
        return "selesai \(done.iso)" + (i.doneOnTime ? "" : " (terlambat)")
    }

    static func items(_ items: [RTLItem]) -> String {
        var table = TextTable(
            ["No", "Tahun", "Unsur", "Layanan", "Program/kegiatan", "Penanggung jawab", "Target", "Status"],
            alignments: [.right, .left, .left, .left, .left, .left, .left, .left])
        for i in items {
            table.add([
                String(i.number), String(i.year), i.unsur,
                i.serviceCode.map { "\(i.unitCode ?? "")/\($0)" } ?? (i.unitCode ?? "–"),
                DisplayText.escaped(i.program).clipped(50), DisplayText.escaped(i.penanggungJawab ?? "–").clipped(30),
                i.target.iso,
                status(i),
            ])
        }
        return table.rendered
    }

    /// A version's stored action (`add`, `done`…, the JSON's words) as the person reads it.
    static func action(_ stored: String) -> String {
        switch stored {
        case "add": return "dicatat"
        case "done": return "selesai"
        case "correct": return "dikoreksi"
        case "cancel": return "dibatalkan"
        case "import": return "diimpor dari profil"
        default: return stored
        }
    }

    static func history(_ versions: [RTLItem]) -> String {
        guard let current = versions.last else { return "" }
        var lines = [
            "RTL \(current.number) — tahun survei \(current.year), unsur \(current.unsur) (\(current.questionnaire))",
            "Program/kegiatan: \(DisplayText.escaped(current.program))",
            "Penanggung jawab: \(DisplayText.escaped(current.penanggungJawab ?? "–"))",
            "Ditetapkan \(current.plannedOn.iso), target \(current.target.iso); status: \(status(current))",
        ]
        if let evidence = current.evidence { lines.append("Bukti: \(DisplayText.escaped(evidence))") }
        lines.append("")
        var table = TextTable(["Versi", "Dicatat", "Perubahan", "Alasan"], alignments: [.right, .left, .left, .left])
        for v in versions {
            table.add([
                String(v.version), ImportBatchText.time(v.recordedAt), action(v.action),
                DisplayText.escaped(v.reason ?? "").clipped(60),
            ])
        }
        return lines.joined(separator: "\n") + "\n" + table.rendered
    }

    static func percent(_ value: Double?) -> String { value.map { IndonesianNumber.format($0) + " %" } ?? "–" }

    static func summary(_ years: [RTLYearSummary]) -> String {
        var table = TextTable(
            ["Tahun", "Layanan", "RTL", "Selesai", "% selesai", "% tepat waktu", "Rata-rata hari", "Media"],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
        for y in years {
            for line in [y.total] + y.services {
                let f = line.figures
                table.add([
                    String(y.year), line.serviceCode.map { "\(line.unitCode ?? "")/\($0)" } ?? "Semua", String(f.items),
                    String(f.done), percent(f.shareDone), percent(f.shareOnTime),
                    f.meanDays.map { IndonesianNumber.format($0, decimals: 1) } ?? "–",
                    line.serviceCode == nil ? String(y.media.count) : "",
                ])
            }
        }
        var text = table.rendered
        for y in years {
            text +=
                "\(y.year): akhir periode survei \(y.total.periodEnd.iso); media publikasi: "
                + (y.media.isEmpty ? "belum ada" : y.media.map(\.label).joined(separator: ", ")) + ".\n"
        }
        return text
    }

    static func publications(_ list: [PublicationRecord]) -> String {
        var table = TextTable(
            ["No", "Tahun", "Media", "Tanggal", "Tautan/catatan", "Status"],
            alignments: [.right, .left, .left, .left, .left, .left])
        for p in list {
            table.add([
                String(p.number), String(p.year), p.medium.label, p.publishedOn.iso,
                DisplayText.escaped(p.link ?? p.note ?? "–").clipped(60), p.voidReason == nil ? "berlaku" : "batal",
            ])
        }
        return table.rendered
    }
}
