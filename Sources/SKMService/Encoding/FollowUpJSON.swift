public import SKMCore
public import SKMJSON

/// RTL items, the follow-up summary and publications as JSON (`skm rtl … --json`,
/// `skm publish list --json`, `rtl.*`, `publish.*`). Dates are `TTTT-BB-HH`; shares are
/// percentages (0–100) at full precision, null when there are no items.
public enum FollowUpJSON {
    /// One item (its current state, or one version of its history).
    public static func item(_ i: RTLItem) -> JSONValue {
        [
            "number": .int(i.number), "version": .int(i.version), "year": .int(i.year), "unsur": .string(i.unsur),
            "questionnaire": .string(i.questionnaire), "program": .string(i.program),
            "penanggungJawab": .string(i.penanggungJawab), "target": .string(i.target.iso), "plannedOn": .string(i.plannedOn.iso),
            "unit": .string(i.unitCode), "service": .string(i.serviceCode), "doneOn": .string(i.doneOn?.iso),
            "evidence": .string(i.evidence), "doneOnTime": i.doneOn == nil ? .null : .bool(i.doneOnTime),
            "status": .string(status(i)), "cancelled": .bool(i.cancelled), "reason": .string(i.reason),
            "action": .string(i.action), "recordedAt": .string(i.recordedAt),
        ]
    }

    /// `open`, `done` or `cancelled`.
    public static func status(_ i: RTLItem) -> String {
        i.cancelled ? "cancelled" : (i.doneOn == nil ? "open" : "done")
    }

    /// Every year's summary: `{year, periodEnd, items, done, doneOnTime, shareDone, shareOnTime,
    /// meanDays, maxDays, services: [...], media: [...], mediaCount, publications}`.
    public static func summary(_ years: [RTLYearSummary]) -> JSONValue {
        .array(
            years.map { y in
                var o = line(y.total)
                o["services"] = .array(y.services.map { .object(line($0)) })
                o["media"] = .array(y.media.map { .string($0.rawValue) })
                o["mediaCount"] = .int(y.media.count)
                o["publications"] = .int(y.publications)
                return .object(o)
            })
    }

    static func line(_ l: RTLSummaryLine) -> JSONObject {
        var o: JSONObject = ["year": .int(l.year)]
        if l.serviceCode != nil {
            o["unit"] = .string(l.unitCode)
            o["service"] = .string(l.serviceCode)
        }
        let f = l.figures
        o["periodEnd"] = .string(l.periodEnd.iso)
        o["items"] = .int(f.items)
        o["done"] = .int(f.done)
        o["doneOnTime"] = .int(f.doneOnTime)
        o["shareDone"] = .double(f.shareDone)
        o["shareOnTime"] = .double(f.shareOnTime)
        o["meanDays"] = .double(f.meanDays)
        o["maxDays"] = .int(f.maxDays)
        return o
    }

    /// One publication entry; `voided` with its reason when it no longer counts.
    public static func publication(_ p: PublicationRecord) -> JSONValue {
        [
            "number": .int(p.number), "year": .int(p.year), "medium": .string(p.medium.rawValue),
            "mediumLabel": .string(p.medium.label), "date": .string(p.publishedOn.iso), "link": .string(p.link),
            "note": .string(p.note), "voided": .bool(p.voidReason != nil), "voidReason": .string(p.voidReason),
            "recordedAt": .string(p.recordedAt),
        ]
    }

    /// A publication as `publish.add` and `skm publish add --json` answer: the entry and
    /// `alreadyRecorded` (true when the same entry was logged before and nothing was stored).
    public static func publicationAdded(_ p: PublicationRecord, alreadyRecorded: Bool) -> JSONValue {
        var object = publication(p).objectValue ?? [:]
        object["alreadyRecorded"] = .bool(alreadyRecorded)
        return .object(object)
    }

    /// `{added: [item…], alreadyThere}` for `skm rtl import --json`.
    public static func importOutcome(_ o: RTLImportOutcome) -> JSONValue {
        ["added": .array(o.added.map(item)), "alreadyThere": .int(o.alreadyThere)]
    }
}
