import SKMCore
import SKMJSON
import SKMService

/// `visit.submit`, `visit.get`, `visit.void`: several questionnaires answered in one visit.
enum VisitMethods {
    static let all: [RPCMethod] = [
        RPCMethod("visit.submit") { params, context in
            VisitJSON.submitted(try context.service.submitVisit(try VisitJSON.draft(params)))
        },
        RPCMethod("visit.get") { params, context in
            try params.rejectUnknown(["id"])
            return VisitJSON.visit(try context.service.visit(id: Int64(try params.requiredInt("id"))))
        },
        RPCMethod("visit.void") { params, context in
            try params.rejectUnknown(["id", "reason"])
            guard let reason = try params.string("reason") else {
                throw SKMError(.missingField, "Parameter \"reason\" wajib diisi: alasan pembatalan.", field: "reason")
            }
            return VisitJSON.visit(try context.service.voidVisit(id: Int64(try params.requiredInt("id")), reason: reason))
        },
    ]
}
