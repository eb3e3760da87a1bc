import SKMCore
import SKMJSON
import SKMService

/// `response.submit`, `response.submitMany`, `response.get`, `response.list`, `response.void`.
enum ResponseMethods {
    static let maxBatch = 10_000

    static let all: [RPCMethod] = [
        RPCMethod("response.submit") { params, context in
            let result = try context.service.submit(try ResponseJSON.draft(params))
            return .object(ResponseJSON.submitted(result))
        },
        RPCMethod("response.submitMany") { params, context in
            try params.rejectUnknown(["responses", "atomic"])
            guard let items = try params.array("responses") else {
                throw SKMError(.missingField, "Parameter \"responses\" wajib diisi (array respons).", field: "responses")
            }
            guard items.count <= maxBatch else {
                throw SKMError(
                    .tooMany,
                    "Paling banyak \(maxBatch) respons per panggilan, diterima \(items.count); bagi menjadi beberapa panggilan.",
                    field: "responses", details: ["limit": .int(maxBatch), "received": .int(items.count)])
            }
            let atomic = try params.bool("atomic") ?? true
            // A malformed item is that item's error, like an invalid value: the others still get their own result.
            let drafts: [Result<ResponseDraft, SKMError>] = items.enumerated().map { index, item in
                guard let object = item.objectValue else {
                    return .failure(
                        SKMError(
                            .wrongType, "responses[\(index)] harus objek, bukan \(item.indonesianTypeName).",
                            field: "responses[\(index)]"))
                }
                do throws(SKMError) {
                    return .success(try ResponseJSON.draft(JSONFields(object, path: "responses[\(index)].")))
                } catch {
                    return .failure(error)
                }
            }
            return batchResult(try context.service.submitMany(drafts, atomic: atomic), atomic: atomic)
        },
        RPCMethod("response.get") { params, context in
            try params.rejectUnknown(["id"])
            let response = try context.service.response(id: Int64(try params.requiredInt("id")))
            return ResponseJSON.stored(response, questionnaire: context.service.questionnaire(of: response))
        },
        RPCMethod("response.list") { params, context in
            try params.rejectUnknown(["filter", "limit", "after", "includeVoided"])
            let limit = try params.int("limit") ?? 100
            let rows = try context.service.responses(
                try SurveyFilter(json: try params.nested("filter")), includeVoided: try params.bool("includeVoided") ?? true,
                afterID: Int64(try params.int("after") ?? 0), limit: limit)
            return [
                "responses": .array(rows.map { ResponseJSON.stored($0, questionnaire: context.service.questionnaire(of: $0)) }),
                "next": rows.count == limit ? .int(Int(rows.last?.id ?? 0)) : .null,
            ]
        },
        RPCMethod("response.void") { params, context in
            try params.rejectUnknown(["id", "reason"])
            let voided = try context.service.void(
                id: Int64(try params.requiredInt("id")), reason: try params.requiredString("reason"))
            return ResponseJSON.stored(voided, questionnaire: context.service.questionnaire(of: voided))
        },
    ]

    /// One result or error per item, in order, with counts.
    static func batchResult(_ results: [BatchItemResult], atomic: Bool) -> JSONValue {
        var stored = 0
        var duplicates = 0
        var failed = 0
        let items: [JSONValue] = results.enumerated().map { index, result in
            switch result {
            case .stored(let r):
                if r.duplicate { duplicates += 1 } else { stored += 1 }
                return .object(JSONObject([(key: "index", value: .int(index))] + ResponseJSON.submitted(r).members))
            case .failed(let error):
                failed += 1
                return ["index": .int(index), "error": RPCError(error).json]
            case .notStored:
                return [
                    "index": .int(index), "notStored": true,
                    "reason": "Tidak disimpan karena butir lain gagal (atomic: semua atau tidak sama sekali).",
                ]
            }
        }
        return [
            "atomic": .bool(atomic), "stored": .int(stored), "duplicates": .int(duplicates), "failed": .int(failed),
            "results": .array(items),
        ]
    }
}
