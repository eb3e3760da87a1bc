import SKMJSON
import Testing

@testable import SKMRPC

/// The result schemas of `Protocol/openrpc.json` say which fields are always present
/// (`required`), and real answers have every one of them.
@Suite struct ResultSchemaTests {
    static let document = OpenRPC.document

    /// Requests beyond the README session, for the shapes it does not show: a result without
    /// an IKM (ci95 null), a report with a sample and breakdowns, lists without a filter.
    static let extra: [String] = [
        #"{"jsonrpc":"2.0","method":"ikm.score","params":{"answers":[[4,4,3,4,3,4,4,3,null]]},"id":101}"#,
        #"{"jsonrpc":"2.0","method":"ikm.compute","params":{"filter":{"year":2019}},"id":102}"#,
        #"{"jsonrpc":"2.0","method":"ikm.compute","params":{"filter":{"year":2025},"by":"unit","population":40},"id":103}"#,
        #"{"jsonrpc":"2.0","method":"ikm.compute","params":{"filter":{"year":2025},"aggregation":"mean-of-services"},"id":104}"#,
        #"{"jsonrpc":"2.0","method":"response.list","params":{},"id":105}"#,
        #"{"jsonrpc":"2.0","method":"iku.evaluate","params":{"plan":"contoh-2024-2026","year":2026},"id":106}"#,
        #"{"jsonrpc":"2.0","method":"akip.evaluate","params":{"year":2024,"evaluation":{"components":{"perencanaan":{"keberadaan":["A"],"kualitas":["A"],"pemanfaatan":["A"]},"pengukuran":{"keberadaan":["A"],"kualitas":["A"],"pemanfaatan":["A"]},"pelaporan":{"keberadaan":["A"],"kualitas":["A"],"pemanfaatan":["A"]},"evaluasi":{"keberadaan":["A"],"kualitas":["A"],"pemanfaatan":["A"]}}}},"id":107}"#,
        #"{"jsonrpc":"2.0","method":"rtl.add","params":{"year":2025,"unsur":"U3","program":"Pelatihan petugas loket","penanggungJawab":"Sekretaris Camat","target":"2026-06-30","plannedOn":"2026-01-05","unit":"KEC-TT","service":"KTP-KK"},"id":108}"#,
        #"{"jsonrpc":"2.0","method":"rtl.done","params":{"number":1,"date":"2026-05-04","evidence":"Daftar hadir pelatihan"},"id":109}"#,
        #"{"jsonrpc":"2.0","method":"rtl.correct","params":{"number":1,"doneOn":"2026-05-05","reason":"salah tanggal"},"id":110}"#,
        #"{"jsonrpc":"2.0","method":"rtl.list","params":{"year":2025},"id":111}"#,
        #"{"jsonrpc":"2.0","method":"rtl.history","params":{"number":1},"id":112}"#,
        #"{"jsonrpc":"2.0","method":"publish.add","params":{"year":2025,"medium":"website","date":"2026-01-20","link":"https://kec.example.go.id/skm"},"id":113}"#,
        #"{"jsonrpc":"2.0","method":"rtl.summary","params":{},"id":114}"#,
        #"{"jsonrpc":"2.0","method":"publish.list","params":{},"id":115}"#,
        #"{"jsonrpc":"2.0","method":"publish.void","params":{"number":1,"reason":"tautan salah"},"id":116}"#,
        #"{"jsonrpc":"2.0","method":"zi.summary","params":{"year":2025},"id":120}"#,
        #"{"jsonrpc":"2.0","method":"visit.submit","params":{"unit":"KEC-TT","service":"KTP-KK","date":"2025-03-01","answers":{"skm":[4,4,4,4,4,4,4,4,4],"ipkp":[3,3,3,3,3,3,3,3,3],"ipak":[4,4,4,4,4]}},"id":121}"#,
        #"{"jsonrpc":"2.0","method":"visit.get","params":{"id":1},"id":122}"#,
        #"{"jsonrpc":"2.0","method":"visit.void","params":{"id":1,"reason":"uji"},"id":123}"#,
    ]

    @Test func everyObjectInAResultSchemaListsItsAlwaysPresentFields() {
        var missing: [String] = []
        for method in Self.document["methods"]?.arrayValue ?? [] {
            guard let name = method["name"]?.stringValue, let schema = method["result"]?["schema"] else { continue }
            Self.objectSchemas(schema, path: name) { path, object in
                if object["properties"] != nil && object["required"] == nil { missing.append(path) }
                for field in object["required"]?.arrayValue ?? [] {
                    if let properties = object["properties"], let key = field.stringValue, properties[key] == nil {
                        missing.append("\(path): required \(key) is not among the properties")
                    }
                }
            }
        }
        #expect(missing.isEmpty, "result schemas without `required`: \(Set(missing).sorted())")
    }

    @Test func realAnswersHaveEveryRequiredField() throws {
        let f = try RPCFixture(registry: false)
        var methodOfID: [String: String] = [:]
        var checked: Set<String> = []
        var problems: [String] = []
        let requests = ProtocolExamplesTests.session.map(\.1) + Self.extra
        for request in requests {
            let parsed = try JSONParser().parse(request)
            if let id = parsed["id"], let method = parsed["method"]?.stringValue { methodOfID[id.description] = method }
            guard let answer = f.call(request), let id = answer["id"], let result = answer["result"],
                let method = methodOfID[id.description], let schema = Self.resultSchema(method)
            else { continue }
            checked.insert(method)
            Self.check(result, against: schema, path: method, problems: &problems)
        }
        #expect(problems.isEmpty, "\(problems)")
        // Every method was answered at least once.
        let all = Set((Self.document["methods"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
        #expect(all.subtracting(checked).isEmpty, "never answered: \(all.subtracting(checked).sorted())")
    }

    // -- walking schemas ------------------------------------------------------------------------

    static func resultSchema(_ method: String) -> JSONValue? {
        (document["methods"]?.arrayValue ?? []).first { $0["name"]?.stringValue == method }?["result"]?["schema"]
    }

    static func resolve(_ schema: JSONValue) -> (JSONValue, String?) {
        guard let reference = schema["$ref"]?.stringValue else { return (schema, nil) }
        let name = String(reference.split(separator: "/").last ?? "")
        return (document["components"]?["schemas"]?[name] ?? .null, name)
    }

    /// Calls `visit` for every object schema reachable from `schema` (each component once).
    static func objectSchemas(
        _ schema: JSONValue, path: String, seen: inout Set<String>, visit: (String, JSONValue) -> Void
    ) {
        let (resolved, name) = resolve(schema)
        if let name {
            guard seen.insert(name).inserted else { return }
        }
        let here = name ?? path
        if resolved["type"] == "object" || resolved["properties"] != nil { visit(here, resolved) }
        for key in ["allOf", "oneOf", "anyOf"] {
            for alternative in resolved[key]?.arrayValue ?? [] {
                objectSchemas(alternative, path: here + "|" + key, seen: &seen, visit: visit)
            }
        }
        for property in resolved["properties"]?.objectValue?.members ?? [] {
            objectSchemas(property.value, path: here + "." + property.key, seen: &seen, visit: visit)
        }
        if let items = resolved["items"] { objectSchemas(items, path: here + "[]", seen: &seen, visit: visit) }
        if let more = resolved["additionalProperties"], more.objectValue != nil {
            objectSchemas(more, path: here + ".*", seen: &seen, visit: visit)
        }
    }

    static func objectSchemas(_ schema: JSONValue, path: String, visit: (String, JSONValue) -> Void) {
        var seen: Set<String> = []
        objectSchemas(schema, path: path, seen: &seen, visit: visit)
    }

    /// Records every required field missing from `value`, at any depth.
    static func check(_ value: JSONValue, against schema: JSONValue, path: String, problems: inout [String]) {
        let (resolved, _) = resolve(schema)
        for part in resolved["allOf"]?.arrayValue ?? [] {
            check(value, against: part, path: path, problems: &problems)
        }
        if let alternatives = resolved["oneOf"]?.arrayValue {
            // The alternative of the value's own kind (skm's oneOfs differ by type).
            let kind = value.isNull ? "null" : value.objectValue != nil ? "object" : value.arrayValue != nil ? "array" : ""
            if let match = alternatives.first(where: { resolve($0).0["type"]?.stringValue == kind }) {
                check(value, against: match, path: path, problems: &problems)
            }
        }
        if let object = value.objectValue {
            for field in resolved["required"]?.arrayValue ?? [] {
                if let key = field.stringValue, object[key] == nil { problems.append("\(path): \(key) missing") }
            }
            for member in object.members {
                if let property = resolved["properties"]?[member.key] {
                    check(member.value, against: property, path: path + "." + member.key, problems: &problems)
                } else if let more = resolved["additionalProperties"], more.objectValue != nil {
                    check(member.value, against: more, path: path + "." + member.key, problems: &problems)
                }
            }
        }
        if let array = value.arrayValue, let items = resolved["items"] {
            for (i, item) in array.enumerated() {
                check(item, against: items, path: path + "[\(i)]", problems: &problems)
            }
        }
    }
}
