public import SKMCore
public import SKMJSON

/// The JSON shape of a rekap, shared by `skm rekap --json` and `ikm.rekap`. The method is named
/// at the top and inside `consolidated`.
public enum RekapJSON {
    /// `{year, parent, method, methodDescription, questionnaire, unsur, consolidated, methods, units, ranking, coverage}`.
    public static func report(_ rekap: RekapReport) -> JSONValue {
        let q = rekap.questionnaire
        var consolidated = IKMJSON.result(rekap.consolidated, questionnaire: q)
        consolidated["method"] = .string(rekap.method.rawValue)
        consolidated["questionnaire"] = nil
        consolidated["aggregation"] = nil
        let methods: [JSONValue] = rekap.byMethod.map { entry in
            [
                "method": .string(entry.method.rawValue), "ikm": .double(entry.result.ikm),
                "ikmDisplay": .double(entry.result.ikmDisplayed), "mutu": .string(entry.result.band?.mutu),
            ]
        }
        return [
            "year": .int(rekap.year), "parent": rekap.parent.map { .string($0.code) } ?? .null,
            "method": .string(rekap.method.rawValue), "methodDescription": .string(rekap.method.indonesianExplanation),
            "questionnaire": .string(q.id),
            "unsur": .array(q.unsur.map { ["code": .string($0.code), "name": .string($0.name)] }),
            "consolidated": .object(consolidated), "methods": .array(methods),
            "units": .array(rekap.units.map { unit($0, questionnaire: q) }),
            "ranking": .array(rekap.ranking.map { .string($0.unit.code) }),
            "coverage": [
                "noData": .array(rekap.units.filter { $0.coverage == .noData }.map { .string($0.unit.code) }),
                "tooFew": .array(rekap.units.filter { $0.coverage == .tooFew }.map { .string($0.unit.code) }),
                "populationUnknown": .array(
                    rekap.units.filter { $0.coverage == .populationUnknown }.map { .string($0.unit.code) }),
            ],
        ]
    }

    /// One row: the unit, its figures, its NRR per unsur (the matrix row) and its weakest unsur.
    static func unit(_ row: RekapUnit, questionnaire q: Questionnaire) -> JSONValue {
        let r = row.result
        return [
            "code": .string(row.unit.code), "name": .string(row.unit.name), "unitCount": .int(row.unitCount),
            "ownDataOnly": .bool(row.ownDataOnly), "respondents": .int(r.respondents), "indeks": .double(r.indeks),
            "ikm": .double(r.ikm), "ikmDisplay": .double(r.ikmDisplayed), "mutu": .string(r.band?.mutu),
            "kinerja": .string(r.band?.kinerja), "rank": row.rank.map { .int($0) } ?? .null,
            "nrr": .array(r.unsur.map { .double($0.nrr) }),
            "weakestUnsur": row.weakestUnsur.map { .string(q.unsur[$0].code) } ?? .null,
            "population": row.sample.map { .int($0.population) } ?? .null,
            "sampleMinimum": row.sample.map { .int($0.minimum) } ?? .null,
            "coverage": .string(row.coverage.rawValue),
            "trend": .array(
                row.trend.map { t in
                    ["year": .int(t.year), "ikm": .double(t.result.ikm), "mutu": .string(t.result.band?.mutu)]
                }),
        ]
    }
}

/// `skm rekap --csv` and the rekap report's CSV: one row per unit, then the consolidated row; the
/// method is a column of every row. Headers are Indonesian words.
public enum RekapCSV {
    /// The table as CSV text (byte-order mark first) with `separator` (`,` or `;`).
    public static func text(_ rekap: RekapReport, separator: Character) -> String {
        let csv = CSVWriter(separator: separator)
        let q = rekap.questionnaire
        var out = csv.byteOrderMark
        let header =
            [
                "metode", "kode", "nama", "jumlah_unit", "responden", "indeks", "ikm", "ikm_tampil", "mutu", "kinerja",
                "peringkat", "unsur_terlemah", "populasi", "sampel_minimal", "cakupan",
            ] + q.unsur.map { "nrr_\($0.code)" }
        out += csv.line(header.map { .text($0) })
        for row in rekap.units {
            let r = row.result
            out += csv.line(
                [
                    .text(rekap.method.rawValue), .text(row.unit.code),
                    .text(row.ownDataOnly ? "\(row.unit.name) (responden unit induk sendiri)" : row.unit.name),
                    .int(row.unitCount), .int(r.respondents), .decimal(r.indeks), .decimal(r.ikm), .decimal(r.ikmDisplayed),
                    .optionalText(r.band?.mutu), .optionalText(r.band?.kinerja), .int(row.rank),
                    .optionalText(row.weakestUnsur.map { q.unsur[$0].code }), .int(row.sample?.population),
                    .int(row.sample?.minimum), .text(row.coverage.indonesianLabel),
                ] + r.unsur.map { .decimal($0.nrr) })
        }
        let c = rekap.consolidated
        out += csv.line(
            [
                .text(rekap.method.rawValue), .text("REKAP"), .text("IKM gabungan (\(rekap.method.indonesianName))"),
                .int(rekap.units.reduce(0) { $0 + $1.unitCount }), .int(c.respondents), .decimal(c.indeks), .decimal(c.ikm),
                .decimal(c.ikmDisplayed), .optionalText(c.band?.mutu), .optionalText(c.band?.kinerja), .text(""), .text(""),
                .text(""), .text(""), .text(""),
            ] + c.unsur.map { .decimal($0.nrr) })
        return out
    }
}
