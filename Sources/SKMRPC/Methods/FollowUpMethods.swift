import SKMCore
import SKMJSON
import SKMService

/// `rtl.add`, `rtl.done`, `rtl.correct`, `rtl.list`, `rtl.history`, `rtl.summary`,
/// `publish.add`, `publish.list`, `publish.void`: the follow-up register over JSON-RPC.
enum FollowUpMethods {
    static func number(_ params: JSONFields) throws -> Int {
        let n = try params.requiredInt("number")
        guard n > 0 else { throw SKMError(.invalidNumber, "number harus 1 atau lebih, diterima \(n).", field: "number") }
        return n
    }

    static let all: [RPCMethod] = [
        RPCMethod("rtl.add") { params, context in
            try params.rejectUnknown([
                "year", "unsur", "program", "penanggungJawab", "target", "plannedOn", "unit", "service", "questionnaire",
            ])
            var request = RTLAddRequest(
                year: try params.requiredInt("year"), unsur: try params.requiredString("unsur"),
                program: try params.requiredString("program"), penanggungJawab: try params.requiredString("penanggungJawab"),
                target: try params.requiredString("target"))
            request.plannedOn = try params.string("plannedOn")
            request.unit = try params.string("unit")
            request.service = try params.string("service")
            request.questionnaire = try params.string("questionnaire")
            return FollowUpJSON.item(try context.service.addRTL(request))
        },
        RPCMethod("rtl.done") { params, context in
            try params.rejectUnknown(["number", "date", "evidence"])
            return FollowUpJSON.item(
                try context.service.completeRTL(
                    number: try number(params), date: try params.requiredString("date"),
                    evidence: try params.requiredString("evidence")))
        },
        RPCMethod("rtl.correct") { params, context in
            try params.rejectUnknown(["number", "reason", "program", "penanggungJawab", "target", "doneOn", "evidence", "cancel"])
            let correction = RTLCorrection(
                reason: try params.requiredString("reason"), program: try params.string("program"),
                penanggungJawab: try params.string("penanggungJawab"), target: try params.string("target"),
                doneOn: try params.string("doneOn"), evidence: try params.string("evidence"),
                cancel: try params.bool("cancel") ?? false)
            return FollowUpJSON.item(try context.service.correctRTL(number: try number(params), correction))
        },
        RPCMethod("rtl.list") { params, context in
            try params.rejectUnknown(["year"])
            return .array(try context.service.rtlItems(year: try params.int("year")).map(FollowUpJSON.item))
        },
        RPCMethod("rtl.history") { params, context in
            try params.rejectUnknown(["number"])
            return .array(try context.service.rtlHistory(number: try number(params)).map(FollowUpJSON.item))
        },
        RPCMethod("rtl.summary") { params, context in
            try params.rejectUnknown(["year"])
            return FollowUpJSON.summary(try context.service.rtlSummary(year: try params.int("year")))
        },
        RPCMethod("publish.add") { params, context in
            try params.rejectUnknown(["year", "medium", "date", "link", "note"])
            let (p, alreadyRecorded) = try context.service.addPublication(
                year: try params.requiredInt("year"), medium: try params.requiredString("medium"),
                date: try params.requiredString("date"), link: try params.string("link"), note: try params.string("note"))
            return FollowUpJSON.publicationAdded(p, alreadyRecorded: alreadyRecorded)
        },
        RPCMethod("publish.list") { params, context in
            try params.rejectUnknown(["year"])
            return .array(try context.service.publications(year: try params.int("year")).map(FollowUpJSON.publication))
        },
        RPCMethod("publish.void") { params, context in
            try params.rejectUnknown(["number", "reason"])
            return FollowUpJSON.publication(
                try context.service.voidPublication(number: try number(params), reason: try params.requiredString("reason")))
        },
    ]
}
