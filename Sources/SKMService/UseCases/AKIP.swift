import ExamplePlans
public import SKMCore
public import SKMJSON
import SKMStore

extension SKMService {
    /// Scores an AKIP evaluation; with `save` (and a year, from the file or the argument) it is
    /// stored for that year, superseding earlier ones (which stay as history).
    public func evaluateAKIP(json: JSONValue, year: Int?, save: Bool, enteredBy: String? = nil) throws -> (
        AKIPResult, StoredAKIP?
    ) {
        let outcome = AKIPEvaluator.evaluate(json, year: year)
        guard let result = outcome.result else {
            throw SKMError(
                .invalidEvaluation, "Evaluasi AKIP tidak sah:\n" + outcome.errors.map { "- \($0)" }.joined(separator: "\n"),
                field: "evaluation", details: .array(outcome.problems.map(\.json)))
        }
        guard save else { return (result, nil) }
        guard let year = result.year else {
            throw SKMError(
                .missingField, "Tahun evaluasi wajib diisi untuk menyimpan (--year atau \"year\" di berkas).", field: "year")
        }
        guard let predikat = result.predikat else {
            throw SKMError(.invalidNumber, "Nilai total di luar 0–100.", field: "evaluation")
        }
        let stored = try store().addAKIP(
            year: year, scheme: result.scheme.id, evaluation: JSONWriter.compact.string(json), total: result.total,
            predikat: predikat.predikat, at: clock.timestamp(), by: try TextRules.comment(enteredBy, field: "enteredBy"))
        return (result, stored)
    }

    /// The current AKIP evaluation of a year, re-scored from what was entered.
    public func akip(year: Int) throws -> (AKIPResult, StoredAKIP) {
        guard let stored = try existingStore().akipEvaluations(year: year).last else {
            throw SKMError(.noEvaluation, "Belum ada evaluasi AKIP tahun \(year).", field: "year")
        }
        let json = (try? JSONParser().parse(stored.evaluation)) ?? .null
        guard let result = AKIPEvaluator.evaluate(json, year: year).result else {
            throw SKMError(.internal, "Evaluasi AKIP tahun \(year) yang tersimpan tidak dapat dibaca ulang.")
        }
        return (result, stored)
    }

    /// The predikat of an AKIP total, for sheets that hold their own scores.
    public func classifyAKIP(nilai: Double) throws -> AKIPPredikat {
        guard let predikat = AKIPPredikat.of(nilai) else {
            throw SKMError(
                .invalidNumber,
                "Nilai AKIP harus 0–100, diterima \(nilai.isFinite ? IndonesianNumber.format(nilai) : "bukan angka").",
                field: "nilai")
        }
        return predikat
    }

    /// The plans transcribed from the source documents, shipped with skm (`Examples/iku`).
    public static var examplePlans: [PerformancePlan] {
        ExamplePlanFiles.all.compactMap { PlanDecoder.decode(text: String(decoding: $0.bytes, as: UTF8.self)).plan }
    }
}
