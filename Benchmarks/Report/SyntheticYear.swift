import BenchmarkSupport
import Foundation
import SKMService

/// A deterministic synthetic year for one office: 20 services, every day of 2025, answers
/// mostly 3–4 with 2 % blanks, a full profile, and a comment on 6 % of the forms (thousands of
/// different texts, some hostile), so every part of the report has work to do.
enum SyntheticYear {
    static func write(rows: Int, to path: String) throws {
        guard let file = fopen(path, "wb") else { throw CocoaError(.fileWriteUnknown) }
        defer { fclose(file) }
        var random = SeededRandom(seed: 2026)
        var out = "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9,time,gender,education,occupation,age,comment\n"
        let educations = ["TS", "SD", "SMP", "SMA", "D1-D3", "S1", "S2", "S3"]
        let occupations = ["PNS", "TNI", "POLRI", "SWASTA", "WIRAUSAHA", "LAINNYA"]
        let hostile = [
            "\"<script>alert(1)</script>\"", "\"=HYPERLINK(\"\"http://contoh.invalid\"\",\"\"klik\"\")\"",
            "\"a | b [x](javascript:0)\"",
        ]
        for i in 0..<rows {
            let day = 1 + Int(random.next() % 365)
            out += "\(SyntheticDate.of(dayOfYear: day)),KEC,S\(String(format: "%02d", i % 20 + 1))"
            let quality = Double(i % 20) * 0.01
            for u in 0..<9 {
                let r = random.unit()
                let weak = u == 2 || u == 8 ? 0.08 : 0.0
                out += r < 0.02 ? "," : (r < 0.10 + weak - quality ? ",2" : (r < 0.55 + weak ? ",3" : ",4"))
            }
            out += random.unit() < 0.7 ? ",08-12" : ",13-17"
            out += random.unit() < 0.5 ? ",L" : ",P"
            out += "," + educations[Int(random.next() % 8)] + "," + occupations[Int(random.next() % 6)]
            out += random.unit() < 0.03 ? "," : ",\(17 + Int(random.next() % 60))"
            let c = random.unit()
            if c < 0.001 {
                out += "," + hostile[Int(random.next() % 3)] + "\n"
            } else if c < 0.06 {
                out += ",\"Saran nomor \(random.next() % 3000): ruang tunggu, antrean, dan informasi biaya\"\n"
            } else {
                out += ",\n"
            }
            if out.utf8.count > 1 << 20 {
                fputs(out, file)
                out = ""
            }
        }
        fputs(out, file)
    }

    static let profile = """
        {"office": {"name": "Kantor Uji Beban", "address": "Jl. Contoh No. 1", "head": "Nama Kepala", "nip": "197001012000031001"},
         "pelaksana": "Tim SKM", "population": 250000,
         "rtl": [{"unsur": "U3", "program": "Nomor antrean", "waktu": ["TW I"], "penanggungJawab": "Seksi Pelayanan"}]}
        """
}
