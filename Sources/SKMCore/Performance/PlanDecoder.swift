public import SKMJSON

/// Reads an IKU plan file and explains every problem in it (`skm iku check`).
public enum PlanDecoder {
    /// What reading a plan produced: a plan when nothing is an error, and every problem found.
    public struct Outcome: Sendable {
        /// The decoded plan; nil when any problem is an error.
        public let plan: PerformancePlan?
        /// Errors and warnings with the JSON path each concerns (an indicator without targets is only a warning).
        public let problems: [DefinitionProblem]
        /// The problems that block a plan.
        public var errors: [DefinitionProblem] { problems.filter { $0.severity == .error } }

        /// Wraps a decoding result; front ends use it to report a file that could not be read at all.
        public init(plan: PerformancePlan?, problems: [DefinitionProblem]) {
            self.plan = plan
            self.problems = problems
        }
    }

    static let planKeys: Set<String> = [
        "id", "organisation", "document", "source", "period", "note", "indicators", "capaianBands", "$comment",
    ]
    static let indicatorKeys: Set<String> = [
        "code", "kind", "jabatan", "sasaran", "name", "satuan", "polarity", "formula", "responsible", "dataSource",
        "baseline", "targets", "realisasi", "note",
    ]

    /// Parses and decodes plan text; invalid JSON becomes a single error problem at the root.
    public static func decode(text: String) -> Outcome {
        do {
            return decode(try JSONParser().parse(text))
        } catch {
            return Outcome(plan: nil, problems: [DefinitionProblem(.error, "", error.indonesianMessage)])
        }
    }

    /// Decodes a parsed plan file. Never throws: problems are data in the outcome.
    public static func decode(_ json: JSONValue) -> Outcome {
        var r = DefinitionReader()
        guard let root = r.object(json, "") else { return Outcome(plan: nil, problems: r.problems) }
        r.unknownKeys(root, "", allowed: planKeys)
        let id = r.string(root["id"], "id")
        if let id, !QuestionnaireDecoder.isValidID(id) {
            r.error(
                "id", "\"\(id.clipped(40))\" tidak sah: gunakan huruf kecil, angka dan tanda hubung (mis. tomoni-timur-2021-2026)"
            )
        }
        let organisation = r.string(root["organisation"], "organisation")
        let document = r.string(root["document"], "document", required: false)
        let source = r.string(root["source"], "source", required: false)
        let note = r.string(root["note"], "note", required: false)
        var years: ClosedRange<Int>?
        if let period = r.object(root["period"], "period") {
            r.unknownKeys(period, "period", allowed: ["from", "to"])
            if let from = r.integer(period["from"], "period.from"), let to = r.integer(period["to"], "period.to") {
                if (1990...2100).contains(from) && (1990...2100).contains(to) && from <= to {
                    years = from...to
                } else {
                    r.error("period", "tahun harus 1990–2100 dengan from ≤ to (diterima \(from)–\(to))")
                }
            }
        }
        let bands = decodeBands(root["capaianBands"], &r)
        var indicators: [Indicator] = []
        if let list = r.array(root["indicators"], "indicators") {
            if list.isEmpty { r.error("indicators", "rencana harus punya sedikitnya satu indikator") }
            for (i, element) in list.enumerated() {
                if let indicator = IndicatorDecoding.decode(element, path: "indicators[\(i)]", years: years, &r) {
                    if indicators.contains(where: { $0.code.caseInsensitiveEquals(indicator.code) }) {
                        r.error("indicators[\(i)].code", "kode \(indicator.code) tertulis lebih dari sekali")
                    }
                    indicators.append(indicator)
                }
            }
        }
        let untargeted = indicators.filter { $0.targets.isEmpty }.map(\.code)
        if !untargeted.isEmpty {
            r.warning(
                "indicators",
                "\(untargeted.count) indikator tanpa target (\(untargeted.joined(separator: ", ").clipped(200))): realisasinya tetap dicatat, capaiannya tidak dihitung"
            )
        }
        guard r.problems.allSatisfy({ $0.severity == .warning }), let id, let organisation, let years else {
            return Outcome(plan: nil, problems: r.problems)
        }
        let plan = PerformancePlan(
            id: id, organisation: organisation, document: document, source: source, firstYear: years.lowerBound,
            lastYear: years.upperBound, note: note, indicators: indicators, bands: bands ?? .standard)
        return Outcome(plan: plan, problems: r.problems)
    }

    static func decodeBands(_ value: JSONValue?, _ r: inout DefinitionReader) -> CapaianBands? {
        guard let object = r.object(value, "capaianBands", required: false) else { return nil }
        r.unknownKeys(object, "capaianBands", allowed: ["bands", "floorLabel"])
        guard let list = r.array(object["bands"], "capaianBands.bands"),
            let floor = r.string(object["floorLabel"], "capaianBands.floorLabel")
        else { return nil }
        var bands: [CapaianBands.Band] = []
        for (i, element) in list.enumerated() {
            guard let b = r.object(element, "capaianBands.bands[\(i)]"),
                let minimum = r.number(b["minimum"], "capaianBands.bands[\(i)].minimum"),
                let label = r.string(b["label"], "capaianBands.bands[\(i)].label")
            else { continue }
            bands.append(CapaianBands.Band(minimum: minimum, label: label))
        }
        return CapaianBands(bands: bands, floorLabel: floor)
    }
}

/// Reads one indicator of a plan.
enum IndicatorDecoding {
    static func decode(_ value: JSONValue, path: String, years: ClosedRange<Int>?, _ r: inout DefinitionReader) -> Indicator? {
        guard let o = r.object(value, path) else { return nil }
        r.unknownKeys(o, path, allowed: PlanDecoder.indicatorKeys)
        let code = r.string(o["code"], "\(path).code")
        if let code, code.contains(where: { $0 == " " || $0 == "\t" }) || code.count > 40 {
            r.error("\(path).code", "kode \"\(code.clipped(40))\" tidak sah: tanpa spasi, paling banyak 40 karakter")
        }
        let kindText = r.string(o["kind"], "\(path).kind", required: false) ?? "IKU"
        let kind = Indicator.Kind(rawValue: kindText.uppercased())
        if kind == nil { r.error("\(path).kind", "harus IKU atau IKI") }
        let jabatan = r.string(o["jabatan"], "\(path).jabatan", required: false)
        if kind == .iki && jabatan == nil { r.warning("\(path).jabatan", "indikator IKI sebaiknya menyebut jabatannya") }
        let name = r.string(o["name"], "\(path).name")
        let polarityText = r.string(o["polarity"], "\(path).polarity", required: false) ?? "higher"
        let polarity = Indicator.Polarity(rawValue: polarityText)
        if polarity == nil { r.error("\(path).polarity", "harus \"higher\" (makin tinggi makin baik) atau \"lower\"") }
        let baseline = decodeBaseline(o["baseline"], path: "\(path).baseline", &r)
        let targets = decodeTargets(o["targets"], path: "\(path).targets", years: years, &r)
        let realisasi = decodeSource(o["realisasi"], path: "\(path).realisasi", &r)
        guard let code, let kind, let name, let polarity, let targets, let realisasi else { return nil }
        return Indicator(
            code: code, kind: kind, jabatan: jabatan, sasaran: r.string(o["sasaran"], "\(path).sasaran", required: false),
            name: name, satuan: r.string(o["satuan"], "\(path).satuan", required: false), polarity: polarity,
            formula: r.string(o["formula"], "\(path).formula", required: false),
            responsible: r.string(o["responsible"], "\(path).responsible", required: false),
            dataSource: r.string(o["dataSource"], "\(path).dataSource", required: false), baseline: baseline,
            targets: targets, realisasi: realisasi)
    }

    static func decodeBaseline(_ value: JSONValue?, path: String, _ r: inout DefinitionReader) -> (year: Int, value: Double)? {
        guard let o = r.object(value, path, required: false) else { return nil }
        r.unknownKeys(o, path, allowed: ["year", "value"])
        guard let year = r.integer(o["year"], "\(path).year"), let v = r.number(o["value"], "\(path).value") else { return nil }
        return (year, v)
    }

    static func decodeTargets(_ value: JSONValue?, path: String, years: ClosedRange<Int>?, _ r: inout DefinitionReader) -> [Int:
        Double]?
    {
        guard let value, !value.isNull else { return [:] }
        guard let o = r.object(value, path) else { return nil }
        var targets: [Int: Double] = [:]
        for member in o.members {
            guard let year = Int(member.key), member.key.count == 4 else {
                r.error("\(path).\(member.key)", "kunci target harus tahun empat angka, mis. \"2025\"")
                continue
            }
            if let years, !years.contains(year) {
                r.error("\(path).\(member.key)", "tahun \(year) di luar periode rencana \(years.lowerBound)–\(years.upperBound)")
            }
            if let number = r.number(member.value, "\(path).\(member.key)") { targets[year] = number }
        }
        return targets
    }

    static func decodeSource(_ value: JSONValue?, path: String, _ r: inout DefinitionReader) -> RealisasiSource? {
        guard let o = r.object(value, path) else { return nil }
        guard let source = r.string(o["source"], "\(path).source") else { return nil }
        switch source {
        case "skm":
            r.unknownKeys(o, path, allowed: ["source", "unit", "service", "questionnaire"])
            return .skm(
                units: codes(o["unit"], "\(path).unit", &r), services: codes(o["service"], "\(path).service", &r),
                questionnaire: r.string(o["questionnaire"], "\(path).questionnaire", required: false))
        case "akip":
            r.unknownKeys(o, path, allowed: ["source"])
            return .akip
        case "ratio":
            r.unknownKeys(o, path, allowed: ["source", "numerator", "denominator"])
            return .ratio(
                numerator: r.string(o["numerator"], "\(path).numerator", required: false),
                denominator: r.string(o["denominator"], "\(path).denominator", required: false))
        case "count":
            r.unknownKeys(o, path, allowed: ["source"])
            return .count
        case "value":
            r.unknownKeys(o, path, allowed: ["source"])
            return .value
        default:
            r.error("\(path).source", "harus skm, akip, ratio, count atau value (diterima \"\(source.clipped(20))\")")
            return nil
        }
    }

    static func codes(_ value: JSONValue?, _ path: String, _ r: inout DefinitionReader) -> [String] {
        guard let value, !value.isNull else { return [] }
        if let s = value.stringValue { return [s] }
        guard let list = r.array(value, path) else { return [] }
        return list.enumerated().compactMap { i, v in r.string(v, "\(path)[\(i)]") }
    }
}
