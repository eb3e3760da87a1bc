// The example plans, compiled into the binary so that `skm demo` can load the Tomoni Timur plan
// from any folder. The JSON files beside this one are the source of truth.

/// The IKU plans transcribed from the source documents, as raw JSON bytes.
public enum ExamplePlanFiles {
    public static var all: [(name: String, bytes: [UInt8])] {
        [
            ("tomoni-timur-2021-2026.json", PackageResources.tomoni_timur_2021_2026_json),
            ("rawa-jitu-timur-2023-2026.json", PackageResources.rawa_jitu_timur_2023_2026_json),
            ("ciruas-2022.json", PackageResources.ciruas_2022_json),
            ("widang-2021.json", PackageResources.widang_2021_json),
        ]
    }
}
