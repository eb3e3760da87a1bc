import SKMCore
import SKMJSON
import SKMStore

/// The respondent profile a package carries: per unit and field, counts only, protected by the
/// small-cell rule.
///
/// The rule: a category with fewer than `minimumCell` (5) respondents is not shown; its
/// respondents are added to the field's `suppressed` count. When that count is itself between
/// 1 and 4 (it could then be told from the total), the smallest shown categories are moved into
/// it, one at a time, until it reaches 5 or nothing is shown. So no number below 5 appears, and
/// no hidden category can be computed back from the total (a unit with fewer than 5 respondents
/// shows only `suppressed`, equal to its respondent count, which its rows give anyway). Why 5: it is the threshold
/// statistics offices commonly use for small-area tables; a profile with 1–4 people in a
/// category of a village service points at persons. Age is sent in bands (`ageBands`) only.
public enum PackageProfiles {
    /// The smallest count a package shows.
    public static let minimumCell = 5
    /// The fields counted, with their JSON names.
    static let fields: [(name: String, attribute: ResponseAttribute)] = [
        ("gender", .gender), ("education", .education), ("occupation", .occupation), ("ageBand", .age),
    ]
    /// The rule in words, written into every package.
    public static let ruleText =
        "Kategori dengan kurang dari 5 responden tidak ditampilkan dan dijumlahkan ke 'suppressed'; bila 'suppressed' masih 1-4, kategori terkecil ikut digabung sampai paling sedikit 5."

    /// The age band of an age (`<20`, `20-29` … `60+`).
    static func ageBand(_ age: Int) -> String {
        switch age {
        case ..<20: return "<20"
        case 60...: return "60+"
        default:
            let low = age / 10 * 10
            return "\(low)-\(low + 9)"
        }
    }

    /// One field's counts after the rule: shown categories (value nil = left empty) and the
    /// suppressed total.
    static func protect(_ counts: [ValueCount]) -> (shown: [ValueCount], suppressed: Int) {
        var shown = counts.filter { $0.count >= minimumCell }
        var suppressed = counts.filter { $0.count < minimumCell }.reduce(0) { $0 + $1.count }
        while suppressed > 0, suppressed < minimumCell, !shown.isEmpty {
            guard let smallest = shown.indices.min(by: { shown[$0].count < shown[$1].count }) else { break }
            suppressed += shown[smallest].count
            shown.remove(at: smallest)
        }
        return (shown, suppressed)
    }

    /// The profile JSON of one unit from its counted responses.
    static func json(unit: String, counts: ProfileCounts) -> JSONValue {
        var o: JSONObject = ["unit": .string(unit), "respondents": .int(counts.responses)]
        for field in fields {
            var values = counts.counts(of: field.attribute)
            if field.attribute == .age {
                var bands: [String?: Int] = [:]
                for v in values { bands[v.value.flatMap { Int($0) }.map(ageBand), default: 0] += v.count }
                values = bands.map { ValueCount(value: $0.key, count: $0.value) }
                    .sorted { ($0.value ?? "") < ($1.value ?? "") }
            }
            let (shown, suppressed) = protect(values)
            o[field.name] = [
                "counts": .array(shown.map { ["value": .string($0.value), "count": .int($0.count)] }),
                "suppressed": .int(suppressed),
            ]
        }
        return .object(o)
    }

    /// Refuses (`invalid_package`) profiles that break the rule or the shape: every shown count
    /// at least 5, `suppressed` 0 or at least 5, each field adding up to the unit's respondents,
    /// which are those of the unit's rows in the package, units among the package's.
    static func check(_ value: JSONValue, units: [PackageUnit], rows: [PackageRow]) throws(SKMError) {
        func bad(_ field: String, _ what: String) -> SKMError { AggregatePackageReader.bad(field, what) }
        var rowRespondents: [String: Int] = [:]
        for row in rows {
            guard let sum = AggregateBounds.add(rowRespondents[row.unitCode] ?? 0, row.tally.respondents) else {
                throw bad("rows", "jumlah responden melampaui batas bilangan")
            }
            rowRespondents[row.unitCode] = sum
        }
        let list = try AggregatePackageReader.array(value, "profiles")
        for (i, item) in list.enumerated() {
            let path = "profiles[\(i)]"
            let o = try AggregatePackageReader.object(item, path)
            try AggregatePackageReader.rejectUnknown(o, path, ["unit", "respondents"] + fields.map(\.name))
            let unit = try AggregatePackageReader.string(o["unit"], path + ".unit", limit: 40)
            guard units.contains(where: { $0.code == unit }) else { throw bad(path + ".unit", "unit \(unit) tidak ada di paket") }
            let respondents = try AggregatePackageReader.integer(o["respondents"], path + ".respondents")
            let inRows = rowRespondents[unit] ?? 0
            guard respondents == inRows else {
                throw bad(
                    path + ".respondents",
                    "profil unit \(unit) menyebut \(respondents) responden, baris paket unit itu \(inRows)")
            }
            for field in fields {
                let fpath = "\(path).\(field.name)"
                let f = try AggregatePackageReader.object(o[field.name], fpath)
                try AggregatePackageReader.rejectUnknown(f, fpath, ["counts", "suppressed"])
                let suppressed = try AggregatePackageReader.integer(f["suppressed"], fpath + ".suppressed")
                let counts = try AggregatePackageReader.array(f["counts"], fpath + ".counts")
                // Below 5 only when everything is suppressed: it is then the unit's total, which the rows show anyway.
                guard suppressed == 0 || suppressed >= minimumCell || (counts.isEmpty && suppressed == respondents) else {
                    throw bad(
                        fpath + ".suppressed", "sel kecil \(suppressed) (aturan sel kecil: 0 atau paling sedikit \(minimumCell))")
                }
                var total = suppressed
                for (k, c) in counts.enumerated() {
                    let cpath = "\(fpath).counts[\(k)]"
                    let co = try AggregatePackageReader.object(c, cpath)
                    try AggregatePackageReader.rejectUnknown(co, cpath, ["value", "count"])
                    if let v = co["value"], !v.isNull { _ = try AggregatePackageReader.string(v, cpath + ".value", limit: 100) }
                    let count = try AggregatePackageReader.integer(co["count"], cpath + ".count")
                    guard count >= minimumCell else {
                        throw bad(cpath + ".count", "sel kecil \(count) (aturan sel kecil: paling sedikit \(minimumCell))")
                    }
                    guard let next = AggregateBounds.add(total, count) else { throw bad(cpath, "melampaui batas bilangan") }
                    total = next
                }
                guard total == respondents else {
                    throw bad(fpath, "jumlah \(total) tidak sama dengan \(respondents) responden unit")
                }
            }
        }
    }
}
