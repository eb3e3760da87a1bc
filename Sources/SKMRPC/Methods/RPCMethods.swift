import SKMCore
import SKMJSON
import SKMService

/// Every method `skm rpc` dispatches. Each one reads its named params, calls the service layer
/// and shapes the result; no rule lives here.
public enum RPCMethods {
    public static var all: [RPCMethod] {
        InfoMethods.all + RegistryMethods.all + ResponseMethods.all + VisitMethods.all + IKMMethods.all
            + PerformanceMethods.all + FollowUpMethods.all
            + ReportMethods.all
    }
}

/// `rpc.discover`, `skm.info`, `questionnaire.list`, `questionnaire.get`.
enum InfoMethods {
    static let all: [RPCMethod] = [
        RPCMethod("rpc.discover") { params, context in
            try params.rejectUnknown([])
            return context.openRPC
        },
        RPCMethod("skm.info") { params, context in
            try params.rejectUnknown([])
            let service = context.service
            var database: JSONObject = ["path": .string(service.databasePath), "exists": .bool(service.databaseExists)]
            var units: JSONValue = []
            if service.databaseExists {
                database["schemaVersion"] = .int(try service.schemaVersion())
                units = RegistryJSON.units(try service.units(), services: try service.services())
            }
            return [
                "version": .string(SKMService.version),
                "database": .object(database),
                "questionnaires": QuestionnaireJSON.summaries(try service.questionnaires(), catalog: try service.catalog()),
                "units": units,
                "responses": ResponseJSON.counts(try service.responseCounts()),
            ]
        },
        RPCMethod("questionnaire.list") { params, context in
            try params.rejectUnknown([])
            return QuestionnaireJSON.summaries(try context.service.questionnaires(), catalog: try context.service.catalog())
        },
        RPCMethod("questionnaire.get") { params, context in
            try params.rejectUnknown(["id"])
            return try context.service.questionnaire(id: try params.requiredString("id")).json
        },
    ]
}

/// `unit.list`, `unit.add`, `unit.move`, `unit.setPopulation`, `service.list`, `service.add`.
enum RegistryMethods {
    /// One unit as `unit.list` shows it, with its parent's code and depth.
    static func unitJSON(_ unit: UnitRecord, context: RPCContext) throws -> JSONValue {
        let tree = try context.service.unitTree()
        return RegistryJSON.unit(
            unit, services: try context.service.services(unit: unit.code), parent: unit.parentID.flatMap { tree.unit(id: $0) },
            depth: tree.ancestors(of: unit).count)
    }

    static let all: [RPCMethod] = [
        RPCMethod("unit.list") { params, context in
            try params.rejectUnknown([])
            return RegistryJSON.units(try context.service.units(), services: try context.service.services())
        },
        RPCMethod("unit.add") { params, context in
            try params.rejectUnknown(["code", "name", "parent", "population"])
            let unit = try context.service.addUnit(
                code: try params.requiredString("code"), name: try params.requiredString("name"),
                parent: try params.string("parent"), population: try params.int("population"))
            return try unitJSON(unit, context: context)
        },
        RPCMethod("unit.move") { params, context in
            try params.rejectUnknown(["code", "parent"])
            let unit = try context.service.moveUnit(try params.requiredString("code"), parent: try params.string("parent"))
            return try unitJSON(unit, context: context)
        },
        RPCMethod("unit.setPopulation") { params, context in
            try params.rejectUnknown(["code", "population"])
            let unit = try context.service.setUnitPopulation(
                try params.requiredString("code"), population: try params.int("population"))
            return try unitJSON(unit, context: context)
        },
        RPCMethod("service.list") { params, context in
            try params.rejectUnknown(["unit"])
            return .array(try context.service.services(unit: try params.string("unit")).map(RegistryJSON.service))
        },
        RPCMethod("service.add") { params, context in
            try params.rejectUnknown(["unit", "code", "name"])
            let service = try context.service.addService(
                unit: try params.requiredString("unit"), code: try params.requiredString("code"),
                name: try params.requiredString("name"))
            return RegistryJSON.service(service)
        },
    ]
}
