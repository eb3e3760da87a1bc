// The default questionnaire definitions, compiled into the binary so that `skm` works from any
// folder. The JSON files beside this one are the source of truth; SwiftPM embeds their bytes
// (`.embedInCode` in Package.swift) and this file only lists them.

/// The questionnaire files shipped with skm, as raw JSON bytes, default first.
public enum DefaultQuestionnaireFiles {
    public static let defaultID = "permenpanrb-14-2017"

    public static var all: [(name: String, bytes: [UInt8])] {
        [
            ("permenpanrb-14-2017.json", PackageResources.permenpanrb_14_2017_json),
            ("permenpanrb-16-2014.json", PackageResources.permenpanrb_16_2014_json),
            ("kepmenpan-25-2004.json", PackageResources.kepmenpan_25_2004_json),
            ("ipkp-90-2021.json", PackageResources.ipkp_90_2021_json),
            ("ipak-90-2021.json", PackageResources.ipak_90_2021_json),
        ]
    }
}
