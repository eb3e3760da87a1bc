public import SKMJSON

/// The scored result of an AKIP evaluation.
public struct AKIPResult: Sendable {
    /// The score of one sub-component.
    public struct SubScore: Sendable {
        /// The sub-component's key in the scheme.
        public let key: String
        /// The sub-component's display name.
        public let name: String
        /// Points of the 100-point total this sub-component can earn.
        public let weight: Double
        /// Mean percentage of the criteria (or the percentage given directly).
        public let percent: Double
        /// How many criteria were graded (nil when a percentage was given directly).
        public let criteria: Int?
        /// Points earned: percent of the weight, unrounded.
        public var score: Double { percent / 100 * weight }
    }

    /// The score of one component: the sum of its sub-scores.
    public struct ComponentScore: Sendable {
        /// The component's key in the scheme.
        public let key: String
        /// The component's display name.
        public let name: String
        /// Points of the 100-point total this component can earn.
        public let weight: Double
        /// One entry per sub-component the file scored, in scheme order.
        public let subScores: [SubScore]
        /// Points earned: the sum of the sub-scores, unrounded.
        public var score: Double { subScores.reduce(0) { $0 + $1.score } }
    }

    /// The scheme scored against, with the file's own grade mapping if it gave one.
    public let scheme: AKIPScheme
    /// The evaluated year (1990–2100); nil when neither the file nor the caller named one.
    public let year: Int?
    /// The evaluated organisation as the file names it; nil when absent.
    public let organisation: String?
    /// One entry per scheme component, in scheme order.
    public let components: [ComponentScore]
    /// The AKIP total, 0–100, unrounded; predikat reads it at two decimals.
    public var total: Double { components.reduce(0) { $0 + $1.score } }
    /// The predikat of the total; nil only when the total falls outside 0–100 (a custom grade mapping).
    public var predikat: AKIPPredikat? { AKIPPredikat.of(total) }
}

/// Scores an AKIP evaluation file and explains every problem in it.
///
/// The file names each sub-component's criteria grades (`["AA", "A", "B"]`) or its percentage
/// (`{"percent": 85}`); criteria weigh equally inside a sub-component; a sub-component scores
/// mean % × its weight; the total is the sum (0–100).
public enum AKIPEvaluator {
    /// What an evaluation produced: a result when nothing is an error, and every problem found.
    public struct Outcome: Sendable {
        /// The scored evaluation; nil when any problem is an error.
        public let result: AKIPResult?
        /// Errors and warnings in file order, each with the JSON path it concerns.
        public let problems: [DefinitionProblem]
        /// The problems that block a result.
        public var errors: [DefinitionProblem] { problems.filter { $0.severity == .error } }
    }

    /// Scores an evaluation file's JSON; `year` overrides the file's `year`. Never throws: problems are data in the outcome.
    public static func evaluate(_ json: JSONValue, year overrideYear: Int? = nil) -> Outcome {
        var r = DefinitionReader()
        guard let root = r.object(json, "") else { return Outcome(result: nil, problems: r.problems) }
        r.unknownKeys(root, "", allowed: ["scheme", "year", "organisation", "grades", "components", "note", "$comment"])
        let schemeID = r.string(root["scheme"], "scheme", required: false) ?? AKIPScheme.permenpanrb88of2021.id
        guard var scheme = AKIPScheme.all.first(where: { $0.id == schemeID }) else {
            r.error(
                "scheme",
                "skema \"\(schemeID.clipped(40))\" tidak dikenal; pilih \(AKIPScheme.all.map(\.id).joined(separator: " atau "))")
            return Outcome(result: nil, problems: r.problems)
        }
        if let grades = r.object(root["grades"], "grades", required: false) {
            var mapping: [(grade: String, percent: Double)] = []
            for member in grades.members {
                if let p = r.number(member.value, "grades.\(member.key)") { mapping.append((member.key.uppercased(), p)) }
            }
            scheme = AKIPScheme(id: scheme.id, title: scheme.title, components: scheme.components, grades: mapping)
        }
        let year = overrideYear ?? r.integer(root["year"], "year", required: false)
        if let year, !(1990...2100).contains(year) { r.error("year", "tahun \(year) tidak sah") }
        let organisation = r.string(root["organisation"], "organisation", required: false)
        var components: [AKIPResult.ComponentScore] = []
        if let given = r.object(root["components"], "components") {
            r.unknownKeys(given, "components", allowed: Set(scheme.components.map(\.key)))
            for component in scheme.components {
                let path = "components.\(component.key)"
                guard let value = given[component.key] else {
                    r.error(path, "komponen \(component.name) tidak ada")
                    continue
                }
                var subs: [AKIPResult.SubScore] = []
                if component.subComponents.count == 1, let only = component.subComponents.first {
                    if let s = subScore(value, only, scheme: scheme, path: path, &r) { subs.append(s) }
                } else if let o = r.object(value, path) {
                    r.unknownKeys(o, path, allowed: Set(component.subComponents.map(\.key)))
                    for sub in component.subComponents {
                        guard let v = o[sub.key] else {
                            r.error("\(path).\(sub.key)", "sub-komponen \(sub.name) \(component.name) tidak ada")
                            continue
                        }
                        if let s = subScore(v, sub, scheme: scheme, path: "\(path).\(sub.key)", &r) { subs.append(s) }
                    }
                }
                components.append(
                    AKIPResult.ComponentScore(key: component.key, name: component.name, weight: component.weight, subScores: subs)
                )
            }
        }
        guard r.problems.allSatisfy({ $0.severity == .warning }) else { return Outcome(result: nil, problems: r.problems) }
        return Outcome(
            result: AKIPResult(scheme: scheme, year: year, organisation: organisation, components: components),
            problems: r.problems)
    }

    /// A list of grades, `{"grades": [...]}`, `{"percent": n}` or a bare number (a percentage).
    static func subScore(
        _ value: JSONValue, _ sub: AKIPScheme.SubComponent, scheme: AKIPScheme, path: String, _ r: inout DefinitionReader
    ) -> AKIPResult.SubScore? {
        var grades: [JSONValue]?
        var percent: Double?
        switch value {
        case .array(let list): grades = list
        case .number(let n): percent = n.double
        case .object(let o):
            r.unknownKeys(o, path, allowed: ["grades", "percent", "note"])
            grades = r.array(o["grades"], "\(path).grades", required: false)
            percent = r.number(o["percent"], "\(path).percent", required: false)
        default:
            r.error(path, "harus daftar nilai kriteria (mis. [\"A\", \"BB\"]) atau persentase")
            return nil
        }
        if let percent {
            guard (0...100).contains(percent) else {
                r.error(path, "persentase harus 0–100, diterima \(percent)")
                return nil
            }
            return AKIPResult.SubScore(key: sub.key, name: sub.name, weight: sub.weight, percent: percent, criteria: nil)
        }
        guard let grades, !grades.isEmpty else {
            r.error(path, "isi nilai kriteria (AA, A, BB, B, CC, C, D, E) atau persentase")
            return nil
        }
        var sum = 0.0
        for (i, grade) in grades.enumerated() {
            guard let text = r.string(grade, "\(path)[\(i)]") else { return nil }
            guard let p = scheme.percent(ofGrade: text) else {
                r.error(
                    "\(path)[\(i)]",
                    "nilai \"\(text.clipped(10))\" tidak dikenal; pilih \(scheme.grades.map(\.grade).joined(separator: ", "))")
                return nil
            }
            sum += p
        }
        return AKIPResult.SubScore(
            key: sub.key, name: sub.name, weight: sub.weight, percent: sum / Double(grades.count), criteria: grades.count)
    }
}
