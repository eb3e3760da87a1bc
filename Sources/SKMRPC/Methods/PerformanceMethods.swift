import SKMCore
import SKMJSON
import SKMService

/// `iku.plan.list`, `iku.plan.get`, `iku.plan.put`, `iku.realization.set`, `iku.evaluate`,
/// `akip.evaluate`, `akip.get`, `akip.classify`.
enum PerformanceMethods {
    static let all: [RPCMethod] = [
        RPCMethod("iku.plan.list") { params, context in
            try params.rejectUnknown([])
            return .array(try context.service.plans().map(PerformanceJSON.planSummary))
        },
        RPCMethod("iku.plan.get") { params, context in
            try params.rejectUnknown(["id"])
            return try context.service.plan(id: try params.requiredString("id")).json
        },
        RPCMethod("iku.plan.put") { params, context in
            try params.rejectUnknown(["plan"])
            guard let plan = params.object["plan"], !plan.isNull else {
                throw SKMError(.missingField, "Parameter \"plan\" wajib diisi (objek rencana IKU).", field: "plan")
            }
            guard case .object = plan else {
                throw SKMError(.wrongType, "Parameter \"plan\" harus objek, bukan \(plan.indonesianTypeName).", field: "plan")
            }
            let (stored, changed) = try context.service.putPlan(json: plan)
            return ["id": .string(stored.id), "indicators": .int(stored.indicators.count), "changed": .bool(changed)]
        },
        RPCMethod("iku.realization.set") { params, context in
            try params.rejectUnknown(["plan", "indicator", "year", "value", "numerator", "denominator", "note", "enteredBy"])
            let stored = try context.service.setRealisasi(
                plan: try params.requiredString("plan"), indicator: try params.requiredString("indicator"),
                year: try params.requiredInt("year"), value: try params.double("value"),
                numerator: try params.double("numerator"), denominator: try params.double("denominator"),
                note: try params.string("note"), enteredBy: try params.string("enteredBy"))
            return PerformanceJSON.realisasi(stored)
        },
        RPCMethod("iku.evaluate") { params, context in
            try params.rejectUnknown(["plan", "year"])
            return PerformanceJSON.evaluation(
                try context.service.evaluatePlan(id: try params.requiredString("plan"), year: try params.requiredInt("year")))
        },
        RPCMethod("akip.evaluate") { params, context in
            try params.rejectUnknown(["evaluation", "year", "save", "enteredBy"])
            guard let evaluation = params.object["evaluation"], !evaluation.isNull else {
                throw SKMError(.missingField, "Parameter \"evaluation\" wajib diisi (objek evaluasi AKIP).", field: "evaluation")
            }
            guard case .object = evaluation else {
                throw SKMError(
                    .wrongType, "Parameter \"evaluation\" harus objek, bukan \(evaluation.indonesianTypeName).",
                    field: "evaluation")
            }
            let (result, stored) = try context.service.evaluateAKIP(
                json: evaluation, year: try params.int("year"), save: try params.bool("save") ?? false,
                enteredBy: try params.string("enteredBy"))
            return PerformanceJSON.akip(result, stored: stored)
        },
        RPCMethod("akip.get") { params, context in
            try params.rejectUnknown(["year"])
            let (result, stored) = try context.service.akip(year: try params.requiredInt("year"))
            return PerformanceJSON.akip(result, stored: stored)
        },
        RPCMethod("akip.classify") { params, context in
            try params.rejectUnknown(["nilai"])
            guard let nilai = try params.double("nilai") else {
                throw SKMError(.missingField, "Parameter \"nilai\" wajib diisi (angka 0–100).", field: "nilai")
            }
            return PerformanceJSON.predikat(nilai, try context.service.classifyAKIP(nilai: nilai))
        },
    ]
}
