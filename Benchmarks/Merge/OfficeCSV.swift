import BenchmarkSupport
import Foundation
import SKMService

/// One office's synthetic survey rows: its own unit (K<office>) with 5 services, every day of
/// 2025, answers mostly 3–4 with 2 % blanks, a profile and an occasional comment.
enum OfficeCSV {
    static func write(rows: Int, office: Int, to path: String) throws {
        guard let file = fopen(path, "wb") else { throw CocoaError(.fileWriteUnknown) }
        defer { fclose(file) }
        var random = SeededRandom(seed: 2025 &+ UInt64(office))
        var out = "date,unit,service,U1,U2,U3,U4,U5,U6,U7,U8,U9,time,gender,education,occupation,age,comment\n"
        let educations = ["SD", "SMP", "SMA", "D1-D3", "S1", "S2"]
        for i in 0..<rows {
            let date = SyntheticDate.of(dayOfYear: 1 + Int(random.next() % 365))
            out += "\(date),K\(office),S\(i % 5)"
            for _ in 0..<9 {
                let r = random.unit()
                out += r < 0.02 ? "," : (r < 0.10 ? ",2" : (r < 0.55 ? ",3" : ",4"))
            }
            out += random.unit() < 0.7 ? ",08-12" : ",13-17"
            out += random.unit() < 0.5 ? ",L" : ",P"
            out += "," + educations[Int(random.next() % 6)] + ",LAINNYA"
            out += ",\(18 + Int(random.next() % 60))"
            out += random.unit() < 0.05 ? ",\"Pelayanan baik, ruang tunggu panas\"\n" : ",\n"
            if out.utf8.count > 1 << 20 {
                fputs(out, file)
                out = ""
            }
        }
        fputs(out, file)
    }
}
