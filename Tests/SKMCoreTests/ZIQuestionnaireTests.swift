import SKMJSON
import Testing

@testable import SKMCore

/// The Zona Integritas questionnaires (PermenPANRB 90/2021): their unsur, wording status, the SKM
/// band table and the LKE values as data, and scores checked by hand.
@Suite struct ZIQuestionnaireTests {
    let ipkp = Fixtures.questionnaire("ipkp-90-2021")
    let ipak = Fixtures.questionnaire("ipak-90-2021")

    @Test func bothDecodeWithoutProblemsAndSayTheirWordingIsReconstructed() {
        for q in [ipkp, ipak] {
            #expect(QuestionnaireDecoder.decode(q.json).problems.isEmpty, "\(q.id)")
            #expect(q.wording == "reconstructed")
            #expect(q.status == "reconstructed")
            #expect(q.scale == 1...4)
            #expect(q.conversionFactor == 25)
            #expect(q.bands.bands.map(\.minimum) == [25, 65, 76.61, 88.31])
        }
        #expect(ipkp.unsur.map(\.name) == Fixtures.q2017.unsur.map(\.name))
        #expect(ipkp.questions[7].unsur == "U9" && ipkp.questions[8].unsur == "U8")
        #expect(
            ipak.unsur.map(\.name) == [
                "Diskriminasi Pelayanan", "Pungutan Liar", "Imbalan/Gratifikasi", "Percaloan/Perantara Tidak Resmi", "Suap",
            ])
        #expect(ipak.questions.allSatisfy { $0.options.count == 4 })
    }

    @Test func theLKEValuesAreInTheBandTable() {
        for q in [ipkp, ipak] {
            #expect(q.bands.bands.map(\.mutu) == ["D", "C", "B", "A"])
            #expect(q.bands.bands.map(\.lke) == [0, 0.33, 0.67, 1])
        }
        // The SKM questionnaire carries no LKE values.
        #expect(Fixtures.q2017.bands.bands.allSatisfy { $0.lke == nil })
    }

    @Test func ipakScoresByHand() {
        // Two respondents: 4,4,4,4,3 and 2,2,2,2,2 → NRR 3, 3, 3, 3, 2,5; indeks 14,5 / 5 = 2,9;
        // × 25 = 72,50 → C (Kurang Baik), LKE 0,33.
        let tally = Tally.of([[4, 4, 4, 4, 3], [2, 2, 2, 2, 2]], weights: ipak.weights)
        let r = IKMScorer.score(tally, questionnaire: ipak)
        #expect(abs((r.indeks ?? 0) - 2.9) < 1e-12)
        #expect(r.ikmDisplayed == 72.5)
        #expect(r.band?.mutu == "C")
        #expect(r.band?.lke == 0.33)
        // The first respondent alone: 19 / 5 = 3,8 → 95,00 → A, LKE 1.
        let first = IKMScorer.score(Tally.of([[4, 4, 4, 4, 3]], weights: ipak.weights), questionnaire: ipak)
        #expect(first.ikmDisplayed == 95 && first.band?.mutu == "A" && first.band?.lke == 1)
    }

    @Test func ipkpAtABandEdgeByHand() {
        // 27 respondents answering 3 everywhere but 4 on U1 for 14 of them: U1 NRR = (14·4 + 13·3) / 27
        // = 95 / 27; indeks = (95/27 + 8·3) / 9 = 3,0576…; × 25 = 76,44 → C, LKE 0,33.
        var rows = Array(repeating: [UInt8](repeating: 3, count: 9), count: 27)
        for i in 0..<14 { rows[i][0] = 4 }
        let r = IKMScorer.score(Tally.of(rows, weights: ipkp.weights), questionnaire: ipkp)
        #expect(r.ikmDisplayed == 76.44)
        #expect(r.band?.mutu == "C" && r.band?.lke == 0.33)
    }

    @Test func lkeValuesAreCheckedWhenRead() {
        guard case .object(var root) = ipak.json, case .array(var bands) = root["bands"] ?? .null,
            case .object(var first) = bands[0]
        else {
            Issue.record("no bands")
            return
        }
        first["lke"] = .double(1.5)
        bands[0] = .object(first)
        root["bands"] = .array(bands)
        #expect(QuestionnaireDecoder.decode(.object(root)).errors.map(\.path) == ["bands[0].lke"])
        first["lke"] = nil
        bands[0] = .object(first)
        root["bands"] = .array(bands)
        #expect(QuestionnaireDecoder.decode(.object(root)).errors.map(\.path) == ["bands"])
        root["wording"] = "made-up"
        #expect(QuestionnaireDecoder.decode(.object(root)).errors.map(\.path).contains("wording"))
    }
}
