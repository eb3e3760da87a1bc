import Foundation
import SKMCore
import SKMQR
import SKMService
import SKMTestSupport
import SKMWeb
import Testing

/// The self-service site through `WebApp.handle` on a real database: what each page shows, what a
/// post stores (once, with the paper order mapped to the right unsur), what is refused and that
/// nothing else is served.
@Suite struct WebAppTests {
    let workspace: TestWorkspace
    var service: SKMService { workspace.service }

    init() throws {
        workspace = try TestWorkspace(name: "web", services: TestWorkspace.ktpAndSket)
    }

    func app(_ configure: (inout WebApp.Options) -> Void = { _ in }) -> WebApp {
        var options = WebApp.Options()
        configure(&options)
        return WebApp(service: service, options: options)
    }

    static func request(_ method: String, _ target: String, body: String = "", host: String = "skm.test:8080") -> HTTPRequest {
        let pieces = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var headers: [(name: String, value: String)] = [("host", host)]
        if method == "POST" { headers.append(("content-type", "application/x-www-form-urlencoded")) }
        return HTTPRequest(
            method: method, path: String(pieces[0]), query: pieces.count > 1 ? String(pieces[1]) : "", version: "HTTP/1.1",
            headers: headers, body: Array(body.utf8))
    }

    static func text(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    static func token(in page: String) -> String? {
        guard let start = page.range(of: "name=\"token\" value=\"") else { return nil }
        return String(page[start.upperBound...].prefix { $0 != "\"" })
    }

    /// GETs the form of KEC/KTP and posts `fields` with its token.
    func submit(_ site: WebApp, _ fields: String, path: String = "/s/KEC/KTP", client: String = "10.0.0.1") throws -> HTTPResponse
    {
        let form = site.handle(Self.request("GET", path), client: client)
        let token = try #require(Self.token(in: Self.text(form)))
        return site.handle(Self.request("POST", path, body: "token=\(token)&" + fields), client: client)
    }

    static let allAnswers = "q1=4&q2=3&q3=4&q4=4&q5=4&q6=4&q7=4&q8=1&q9=2"

    @Test func theOneEscaperEscapesEveryMarkupCharacter() {
        #expect(
            HTML.escape("<script>alert('x') & \"y\"</script>")
                == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
        #expect(HTML.escape("Kecamatan Tomoni — é") == "Kecamatan Tomoni — é")
    }

    @Test func theFormAsksInPaperOrderAndStoresByUnsur() throws {
        let site = app()
        let page = Self.text(site.handle(Self.request("GET", "/s/KEC/KTP"), client: "10.0.0.1"))
        let q = try service.questionnaire(id: QuestionnaireCatalog.defaultID)
        // Question 8 of the 2017 form is Sarana (U9), question 9 Pengaduan (U8).
        #expect(q.questions[7].unsur == "U9" && q.questions[8].unsur == "U8")
        let eighth = try #require(page.range(of: "8. " + HTML.escape(q.questions[7].text)))
        let ninth = try #require(page.range(of: "9. " + HTML.escape(q.questions[8].text)))
        #expect(eighth.lowerBound < ninth.lowerBound)
        for option in q.questions[0].options { #expect(page.contains(HTML.escape(option))) }
        #expect(page.contains("name=\"q9\" value=\"4\""))
        #expect(!page.contains("<script"))

        let answer = try submit(site, Self.allAnswers + "&gender=P&age=41&comment=Antrean+lama")
        #expect(answer.status == .seeOther)
        #expect(answer.headers.contains { $0.name == "Location" && $0.value == "/s/KEC/KTP/terima-kasih" })
        let stored = try service.responses(SurveyFilter())
        #expect(stored.count == 1)
        let response = try #require(stored.first)
        #expect(response.content.answers == [4, 3, 4, 4, 4, 4, 4, 2, 1])  // unsur order: U8 = 2, U9 = 1
        #expect(response.content.respondent.gender == "P" && response.content.respondent.age == 41)
        #expect(response.clientID?.hasPrefix("web-") == true)
        // The slot of the clock, as `skm entry` gives a form of today (nil outside the form's slots).
        #expect(response.content.timeSlot == service.timeSlotNow(of: q)?.code)
        #expect(!q.timeSlots.isEmpty)
        let thanks = site.handle(Self.request("GET", "/s/KEC/KTP/terima-kasih"), client: "10.0.0.1")
        #expect(thanks.status == .ok && Self.text(thanks).contains("Terima kasih"))
    }

    @Test func aFormPostedTwiceIsStoredOnce() throws {
        let site = app()
        let form = Self.text(site.handle(Self.request("GET", "/s/KEC/KTP"), client: "10.0.0.1"))
        let token = try #require(Self.token(in: form))
        let body = "token=\(token)&" + Self.allAnswers
        for _ in 0..<3 {
            #expect(site.handle(Self.request("POST", "/s/KEC/KTP", body: body), client: "10.0.0.1").status == .seeOther)
        }
        // Back button, another answer, sent again: still the first sending only.
        let changed = "token=\(token)&q1=1&q2=1&q3=1&q4=1&q5=1&q6=1&q7=1&q8=1&q9=1"
        #expect(site.handle(Self.request("POST", "/s/KEC/KTP", body: changed), client: "10.0.0.1").status == .seeOther)
        #expect(try service.responses(SurveyFilter()).count == 1)
        #expect(try service.responses(SurveyFilter()).first?.content.answers.first == 4)
        // A fresh form is a new respondent.
        #expect(try submit(site, Self.allAnswers).status == .seeOther)
        #expect(try service.responses(SurveyFilter()).count == 2)
    }

    @Test func aTokenOfAnotherFormOrAForgedOneStoresNothing() throws {
        let site = app()
        let sketForm = Self.text(site.handle(Self.request("GET", "/s/KEC/SKET"), client: "10.0.0.1"))
        let sketToken = try #require(Self.token(in: sketForm))
        let crossed = site.handle(
            Self.request("POST", "/s/KEC/KTP", body: "token=\(sketToken)&" + Self.allAnswers), client: "10.0.0.1")
        #expect(crossed.status == .forbidden)
        #expect(Self.text(crossed).contains("tidak ada yang disimpan"))
        var forged = Array(sketToken)
        forged[forged.count - 1] = forged.last == "0" ? "1" : "0"
        let altered = site.handle(
            Self.request("POST", "/s/KEC/SKET", body: "token=\(String(forged))&" + Self.allAnswers), client: "10.0.0.1")
        #expect(altered.status == .forbidden)
        let none = site.handle(Self.request("POST", "/s/KEC/KTP", body: Self.allAnswers), client: "10.0.0.1")
        #expect(none.status == .forbidden)
        // A token of another server process (another secret) is refused too.
        let other = WebApp(service: service)
        let foreign = Self.text(other.handle(Self.request("GET", "/s/KEC/KTP"), client: "10.0.0.1"))
        let foreignToken = try #require(Self.token(in: foreign))
        let posted = site.handle(
            Self.request("POST", "/s/KEC/KTP", body: "token=\(foreignToken)&" + Self.allAnswers), client: "10.0.0.1")
        #expect(posted.status == .forbidden)
        #expect(try service.responses(SurveyFilter()).isEmpty)
    }

    @Test func tokensExpireAndAreBoundToTheirForm() {
        let tokens = FormTokens(secret: Array("secret".utf8), lifetime: 100)
        let token = tokens.issue(unit: "KEC", service: "KTP", now: 1000)
        #expect(tokens.clientID(for: token, unit: "KEC", service: "KTP", now: 1050)?.hasPrefix("web-") == true)
        #expect(tokens.clientID(for: token, unit: "KEC", service: "KTP", now: 1101) == nil)
        #expect(tokens.clientID(for: token, unit: "KEC", service: "SKET", now: 1050) == nil)
        #expect(tokens.clientID(for: token, unit: "KE", service: "CKTP", now: 1050) == nil)
        #expect(FormTokens(secret: Array("other".utf8)).clientID(for: token, unit: "KEC", service: "KTP", now: 1050) == nil)
        #expect(tokens.clientID(for: "x.1.y", unit: "KEC", service: "KTP", now: 1050) == nil)
    }

    @Test func badInputShowsTheFormAgainWithTheAnswersKeptAndStoresNothing() throws {
        let site = app()
        let answer = try submit(site, "q1=4&q2=9&q3=2&age=abc&comment=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        #expect(answer.status == .unprocessableContent)
        let page = Self.text(answer)
        #expect(page.contains("Jawaban pertanyaan 2"))
        #expect(page.contains("Usia harus bilangan bulat"))
        #expect(page.contains("name=\"q1\" value=\"4\" checked"))
        #expect(page.contains("name=\"q3\" value=\"2\" checked"))
        #expect(page.contains("value=\"abc\""))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"))
        #expect(!page.contains("<script>"))
        #expect(try service.responses(SurveyFilter()).isEmpty)
        // Nothing answered at all.
        let empty = try submit(site, "gender=L")
        #expect(empty.status == .unprocessableContent)
        #expect(Self.text(empty).contains("sedikitnya satu pertanyaan"))
        #expect(try service.responses(SurveyFilter()).isEmpty)
    }

    @Test func echoedNamesAreEscapedEverywhere() throws {
        _ = try service.addUnit(code: "X1", name: "<script>alert(1)</script> Kantor")
        _ = try service.addService(unit: "X1", code: "S1", name: "Layanan \"<img src=x onerror=alert(1)>\"")
        let site = app()
        for path in ["/", "/s/X1/S1", "/poster/X1/S1", "/layar"] {
            let page = Self.text(site.handle(Self.request("GET", path), client: "10.0.0.1"))
            #expect(!page.contains("<script>alert"), "\(path)")
            #expect(!page.contains("<img"), "\(path)")
        }
        #expect(
            Self.text(site.handle(Self.request("GET", "/"), client: "10.0.0.1")).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        )
    }

    @Test func onlyThePagesAreServed() {
        let site = app { $0.layar = false }
        let paths = [
            "/layar", "/responses", "/response/1", "/export", "/export.csv", "/api", "/rpc", "/admin", "/void/1", "/skm.sqlite",
            "/s/KEC", "/s/KEC/KTP/extra/x", "/s/NOPE/KTP", "/s/KEC/NOPE", "/poster/KEC/NOPE", "/../skm.sqlite", "/s/../KEC/KTP",
            "/%2e%2e/skm.sqlite", "/s/%2E%2E/KTP", "/s/KEC%2FKTP/x", "/s/KEC/KTP%00", "/s/KEC%5C..%5CKTP/x", "/./layar",
        ]
        for path in paths {
            #expect(site.handle(Self.request("GET", path), client: "10.0.0.1").status == .notFound, "\(path)")
        }
        #expect(site.handle(Self.request("DELETE", "/s/KEC/KTP"), client: "10.0.0.1").status == .methodNotAllowed)
        #expect(site.handle(Self.request("POST", "/"), client: "10.0.0.1").status == .methodNotAllowed)
        #expect(app().handle(Self.request("GET", "/layar"), client: "10.0.0.1").status == .ok)
    }

    @Test func theResultsScreenShowsTheFiguresOfComputeIKM() throws {
        let site = app()
        for answers in [Self.allAnswers, "q1=2&q2=3&q3=3&q4=2&q5=3&q6=4&q7=3&q8=3&q9=3", "q1=1&q2=2"] {
            #expect(try submit(site, answers).status == .seeOther)
        }
        #expect(try submit(site, "q1=3&q2=3&q3=3&q4=3&q5=3&q6=3&q7=3&q8=3&q9=4", path: "/s/KEC/SKET").status == .seeOther)
        let page = Self.text(site.handle(Self.request("GET", "/layar"), client: "10.0.0.1"))
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"30\">"))
        let today = TestWorkspace.clock.date.iso
        for code in ["KTP", "SKET"] {
            let ikm = try service.computeIKM(
                IKMRequest(filter: SurveyFilter(from: today, to: today, units: ["KEC"], services: [code])))
            let shown = try #require(ikm.result.ikmDisplayed.map { IndonesianNumber.format($0) })
            let mutu = try #require(ikm.result.band?.mutu)
            #expect(page.contains("<td class=\"n\">\(shown)</td><td>\(mutu)</td>"), "\(code): \(shown) \(mutu)")
        }
    }

    @Test func thePosterHoldsTheStartPageOfTheHostItWasAskedOn() throws {
        let site = app()
        let answer = site.handle(Self.request("GET", "/poster/KEC/KTP?ukuran=a5", host: "192.168.1.20:8080"), client: "10.0.0.1")
        #expect(answer.status == .ok)
        let page = Self.text(answer)
        #expect(page.contains("@page{size:A5 portrait"))
        #expect(page.contains("http://192.168.1.20:8080/s/KEC/KTP"))
        #expect(page.contains(try QRCode(text: "http://192.168.1.20:8080/s/KEC/KTP").svg()))
        #expect(page.contains("KTP-el"))
        let a4 = Self.text(site.handle(Self.request("GET", "/poster/KEC/KTP", host: "evil\"><script>"), client: "10.0.0.1"))
        #expect(a4.contains("@page{size:A4 portrait") && a4.contains("http://localhost/s/KEC/KTP") && !a4.contains("<script>"))
    }

    @Test func aKioskShowsItsFormAtTheRootAndReturnsToIt() throws {
        let site = app { $0.kiosk = ("KEC", "KTP") }
        let root = Self.text(site.handle(Self.request("GET", "/"), client: "10.0.0.1"))
        #expect(root.contains("action=\"/s/KEC/KTP\""))
        #expect(root.contains("<meta http-equiv=\"refresh\" content=\"600;url=/s/KEC/KTP\">"))
        #expect(try submit(site, Self.allAnswers, path: "/").status == .methodNotAllowed)
        #expect(try submit(site, Self.allAnswers).status == .seeOther)
        let thanks = Self.text(site.handle(Self.request("GET", "/s/KEC/KTP/terima-kasih"), client: "10.0.0.1"))
        #expect(thanks.contains("<meta http-equiv=\"refresh\" content=\"8;url=/\">"))
        // Outside kiosk mode nothing reloads.
        #expect(!Self.text(app().handle(Self.request("GET", "/s/KEC/KTP"), client: "10.0.0.1")).contains("http-equiv"))
    }

    @Test func postsBeyondTheRateLimitGet429AndStoreNothing() throws {
        let site = app { $0.postsPerMinute = 2 }
        #expect(try submit(site, Self.allAnswers).status == .seeOther)
        #expect(try submit(site, Self.allAnswers).status == .seeOther)
        let third = try submit(site, Self.allAnswers)
        #expect(third.status == .tooManyRequests)
        #expect(Self.text(third).contains("Terlalu banyak"))
        #expect(try service.responses(SurveyFilter()).count == 2)
        // Another address has its own allowance; pages can still be read.
        #expect(try submit(site, Self.allAnswers, client: "10.0.0.2").status == .seeOther)
        #expect(site.handle(Self.request("GET", "/s/KEC/KTP"), client: "10.0.0.1").status == .ok)
    }
}
