import SKMCore
import SKMService

/// `skm ikm` for people: the computation table as the regulation lays it out, then the result.
enum IKMPrinter {
    static func text(_ report: IKMReport) -> String {
        let r = report.result
        let q = report.questionnaire
        var lines: [String] = []
        lines.append("IKM — \(report.filter.indonesianDescription)")
        lines.append("Kuesioner: \(q.id)   Responden: \(IndonesianNumber.format(r.respondents))")
        lines.append("Bobot: \(r.appliedWeightingDescription)")
        lines.append(
            r.aggregation == .pooled
                ? "Agregasi: semua responden digabung (pooled)"
                : "Agregasi: rata-rata tak berbobot IKM per layanan (mean-of-services) — tidak diatur peraturan")
        lines.append("")
        lines.append(unsurTable(r).rendered)
        lines.append(contentsOf: summary(r, questionnaire: q))
        if let sample = report.sample {
            let verdict = sample.sufficient ? "cukup" : "KURANG dari minimal"
            lines.append(
                "Sampel: \(IndonesianNumber.format(sample.respondents)) responden untuk populasi \(IndonesianNumber.format(sample.population)); minimal \(IndonesianNumber.format(sample.minimum)) (Krejcie–Morgan) — \(verdict)."
            )
        }
        if r.aggregation == .meanOfServices {
            lines.append("")
            lines.append("IKM per layanan (dasar rata-rata):")
            lines.append(groupTable(report.services).rendered)
            if !report.servicesWithoutRespondents.isEmpty {
                lines.append(
                    "Tanpa responden (tidak ikut dirata-rata): "
                        + report.servicesWithoutRespondents.map { "\($0.unitCode)/\($0.code)" }.joined(separator: ", "))
            }
        }
        for (breakdown, groups) in report.breakdowns {
            lines.append("")
            lines.append("Per \(label(breakdown)):")
            lines.append(groups.isEmpty ? "  (tidak ada data)\n" : groupTable(groups).rendered)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func unsurTable(_ r: IKMResult) -> TextTable {
        var table = TextTable(
            ["Unsur", "Dijawab", "Jumlah", "NRR", "Bobot", "NRR×Bobot", "×25", "Mutu"],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .left])
        for u in r.unsur {
            table.add([
                "\(u.code) \(u.name)", IndonesianNumber.format(u.answered), IndonesianNumber.format(u.sum),
                u.nrr.map { IndonesianNumber.format($0, decimals: 4) } ?? "–",
                IndonesianNumber.format(u.weight, decimals: 4),
                u.weighted.map { IndonesianNumber.format($0, decimals: 4) } ?? "–",
                u.converted.map { IndonesianNumber.format($0) } ?? "–", u.band?.mutu ?? "–",
            ])
        }
        return table
    }

    static func summary(_ r: IKMResult, questionnaire q: Questionnaire) -> [String] {
        guard let ikm = r.ikm, let indeks = r.indeks else {
            return ["IKM: tidak dapat dihitung. \(r.unavailable.map { IKMWording.text($0) } ?? "")"]
        }
        var lines = [
            "Indeks: \(IndonesianNumber.format(indeks, decimals: 4))   IKM = indeks × \(IndonesianNumber.format(q.conversionFactor, decimals: 0)) = \(IndonesianNumber.format(ikm))   Mutu: \(r.band?.mutu ?? "–") (\(r.band?.kinerja ?? "–"))"
        ]
        if let ci = r.ci95 {
            lines.append(
                "Selang kepercayaan 95%: \(IndonesianNumber.format(ci.low)) – \(IndonesianNumber.format(ci.high)) (pendekatan normal)"
            )
        } else if let reason = r.ci95Unavailable.map({ IKMWording.text($0) }) {
            lines.append(reason)
        }
        return lines
    }

    static func groupTable(_ groups: [GroupResult]) -> TextTable {
        var table = TextTable(
            ["", "Responden", "IKM", "Mutu", "Kinerja", "SK 95%"], alignments: [.left, .right, .right, .left, .left, .left])
        for g in groups {
            let r = g.result
            let ci = r.ci95.map { "\(IndonesianNumber.format($0.low)) – \(IndonesianNumber.format($0.high))" } ?? "–"
            table.add([
                g.label, IndonesianNumber.format(r.respondents), r.ikm.map { IndonesianNumber.format($0) } ?? "–",
                r.band?.mutu ?? "–", r.band?.kinerja ?? (r.unavailable == nil ? "–" : "tidak dapat dihitung"), ci,
            ])
        }
        return table
    }

    static func label(_ b: Breakdown) -> String {
        switch b {
        case .unit: return "unit"
        case .service: return "layanan"
        case .quarter: return "triwulan"
        case .semester: return "semester"
        case .month: return "bulan"
        case .year: return "tahun"
        }
    }
}
