public import SKMCore
public import SKMJSON

extension PerformanceJSON {
    /// One loaded IKU plan in a list: `{id, organisation, from, to, indicators}`, as `skm iku list
    /// --json` and `iku.plan.list` give it.
    public static func planSummary(_ plan: PerformancePlan) -> JSONValue {
        [
            "id": .string(plan.id), "organisation": .string(plan.organisation), "from": .int(plan.firstYear),
            "to": .int(plan.lastYear), "indicators": .int(plan.indicators.count),
        ]
    }
}
