public import SKMJSON

/// An AKIP evaluation with every kind of answer (letter lists and a percentage), used by the core
/// and the service tests with the same hand-checked expectations.
public enum AKIPSample {
    public static let mixed: JSONValue = [
        "year": 2025,
        "components": [
            "perencanaan": ["keberadaan": ["AA", "A"], "kualitas": ["A", "BB", "B"], "pemanfaatan": ["percent": 70]],
            "pengukuran": ["keberadaan": ["A"], "kualitas": ["BB"], "pemanfaatan": ["B", "CC"]],
            "pelaporan": ["keberadaan": ["AA"], "kualitas": ["A"], "pemanfaatan": ["BB"]],
            "evaluasi": ["keberadaan": ["A"], "kualitas": ["B"], "pemanfaatan": ["C"]],
        ],
    ]
}
