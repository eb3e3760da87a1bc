import SKMCore
import SKMQR
public import SKMService

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The self-service survey site: routes each request to a page over SKMService, nothing more.
/// Pages: `/` (services, or the kiosk's form), `/s/UNIT/SERVICE` (the form; POST stores),
/// `/s/UNIT/SERVICE/terima-kasih`, `/poster/UNIT/SERVICE?ukuran=a4|a5`, `/layar` (unless off).
/// Nothing else is served: no response list, export, voiding or administration over HTTP.
///
/// SKMService is used from one thread at a time: every request that reaches it holds one lock.
public final class WebApp: @unchecked Sendable {
    /// What the site offers and how it behaves.
    public struct Options: Sendable {
        /// Kiosk mode: the unit and service whose form `/` shows; nil for the list of services.
        public var kiosk: (unit: String, service: String)?
        /// Whether `/layar` is served.
        public var layar = true
        /// The questionnaire the forms ask (nil: the default, as `skm entry`).
        public var questionnaire: String?
        /// Form posts a client address may make per minute (also the burst allowed at once).
        public var postsPerMinute = 60
        /// Seconds the kiosk's thank-you page shows before a fresh form.
        public var kioskReturnSeconds = 8
        /// Seconds after which an unsent kiosk form is reloaded empty.
        public var kioskIdleSeconds = 600
        /// Seconds between reloads of `/layar`.
        public var layarRefreshSeconds = 30

        /// The defaults: no kiosk, `/layar` on, 60 posts a minute per address.
        public init() {}
    }

    private let service: SKMService
    private let options: Options
    private let tokens: FormTokens
    private let limiter: RateLimiter
    private var mutex = pthread_mutex_t()

    /// A site over `service` (whose database must exist).
    public init(service: SKMService, options: Options = Options(), tokens: FormTokens = FormTokens()) {
        self.service = service
        self.options = options
        self.tokens = tokens
        self.limiter = RateLimiter(perMinute: options.postsPerMinute, capacity: options.postsPerMinute)
        pthread_mutex_init(&mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(&mutex)
    }

    /// The server's handler: answers one request from `client` (its address).
    public func handle(_ request: HTTPRequest, client: String) -> HTTPResponse {
        guard let segments = PathSegments.split(request.path) else { return notFound() }
        let isRead = request.method == "GET" || request.method == "HEAD"
        let isPost = request.method == "POST"
        guard isRead || isPost else { return methodNotAllowed() }
        switch segments.count {
        case 0:
            guard isRead else { return methodNotAllowed() }
            if let kiosk = options.kiosk { return withService { try formPage(unit: kiosk.unit, service: kiosk.service) } }
            return withService { try indexPage() }
        case 1 where segments[0] == "layar" && options.layar:
            guard isRead else { return methodNotAllowed() }
            return withService { try layarPage() }
        case 3 where segments[0] == "s":
            if isPost { return submit(request, unit: segments[1], service: segments[2], client: client) }
            return withService { try formPage(unit: segments[1], service: segments[2]) }
        case 4 where segments[0] == "s" && segments[3] == "terima-kasih":
            guard isRead else { return methodNotAllowed() }
            return withService { try thanksPage(unit: segments[1], service: segments[2]) }
        case 3 where segments[0] == "poster":
            guard isRead else { return methodNotAllowed() }
            return withService { try posterPage(request, unit: segments[1], service: segments[2]) }
        default:
            return notFound()
        }
    }

    // MARK: - Pages

    private func indexPage() throws -> HTTPResponse {
        .html(
            IndexPage(
                directory: try service.serviceDirectory(), officeName: try? service.officeName(), layarEnabled: options.layar
            ).html)
    }

    private func formPage(unit: String, service code: String) throws -> HTTPResponse {
        let form = try service.surveyForm(unit: unit, service: code, questionnaire: options.questionnaire)
        let token = tokens.issue(unit: form.unit.code, service: form.service.code)
        return .html(page(form, token: token, entered: FormFields([]), errors: [:]).html)
    }

    private func page(_ form: SurveyForm, token: String, entered: FormFields, errors: [String: [String]]) -> FormPage {
        let kiosk =
            options.kiosk.map { $0.unit.uppercased() == form.unit.code && $0.service.uppercased() == form.service.code } ?? false
        return FormPage(
            form: form, token: token, entered: entered, errors: errors,
            idleRestartSeconds: kiosk ? options.kioskIdleSeconds : nil,
            action: WebPaths.form(unit: form.unit.code, service: form.service.code))
    }

    private func thanksPage(unit: String, service code: String) throws -> HTTPResponse {
        let form = try service.surveyForm(unit: unit, service: code, questionnaire: options.questionnaire)
        let inKiosk = options.kiosk != nil
        return .html(
            ThanksPage(
                serviceName: form.service.name,
                formPath: inKiosk ? "/" : WebPaths.form(unit: form.unit.code, service: form.service.code),
                kioskReturnSeconds: inKiosk ? options.kioskReturnSeconds : nil
            ).html)
    }

    private func posterPage(_ request: HTTPRequest, unit: String, service code: String) throws -> HTTPResponse {
        let form = try service.surveyForm(unit: unit, service: code, questionnaire: options.questionnaire)
        let size = PosterPage.Size(rawValue: FormFields(query: request.query)["ukuran"]?.lowercased() ?? "a4") ?? .a4
        let host = Self.safeHost(request.header("host")) ?? "localhost"
        let url = "http://\(host)\(WebPaths.form(unit: form.unit.code, service: form.service.code))"
        guard let qr = try? QRCode(text: url) else {
            return .html(
                MessagePage(title: "Alamat terlalu panjang", message: "Alamat ini terlalu panjang untuk kode QR.").html,
                status: .badRequest)
        }
        return .html(PosterPage(form: form, officeName: try service.officeName(), url: url, size: size, qr: qr).html)
    }

    private func layarPage() throws -> HTTPResponse {
        let board = try service.resultsBoard(questionnaire: options.questionnaire)
        return .html(
            LayarPage(board: board, officeName: try? service.officeName(), refreshSeconds: options.layarRefreshSeconds).html)
    }

    // MARK: - Submitting

    private func submit(_ request: HTTPRequest, unit: String, service code: String, client: String) -> HTTPResponse {
        guard limiter.allow(client) else {
            return .html(
                MessagePage(
                    title: "Terlalu banyak kiriman",
                    message:
                        "Terlalu banyak isian dikirim dari perangkat ini dalam waktu singkat. Tunggu sebentar, lalu coba lagi."
                ).html, status: .tooManyRequests)
        }
        let type = request.header("content-type")?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            return .html(
                MessagePage(title: "Isian tidak dapat dibaca", message: "Kirim formulir dari halaman survei.").html,
                status: .badRequest)
        }
        let fields = FormFields(request.body)
        return withService {
            let form = try service.surveyForm(unit: unit, service: code, questionnaire: options.questionnaire)
            let token = fields["token"] ?? ""
            guard let clientID = tokens.clientID(for: token, unit: form.unit.code, service: form.service.code) else {
                return .html(
                    MessagePage(
                        title: "Formulir tidak berlaku",
                        message: "Formulir ini sudah kedaluwarsa atau bukan dari halaman survei ini; tidak ada yang disimpan. "
                            + "Buka formulir baru dan isi kembali."
                    ).html, status: .forbidden)
            }
            var draft = Self.draft(fields, form: form, clientID: clientID)
            draft.time = service.timeSlotNow(of: form.questionnaire)?.code  // today's form: the slot of the clock, as entry does
            let thanks = HTTPResponse.seeOther(WebPaths.thanks(unit: form.unit.code, service: form.service.code))
            do {
                _ = try service.submit(draft)  // stored now, or stored before under this form's token
                return thanks
            } catch let error as SKMError where error.code == .clientIDConflict {
                return thanks  // this form was sent before (with other answers): the first sending counts
            } catch let error as SKMError where error.isAboutTheInput {
                var errors: [String: [String]] = [:]
                for problem in service.problems(of: draft, refusedWith: error) {
                    errors[FormPage.formField(forErrorField: problem.field), default: []].append(problem.message)
                }
                return .html(page(form, token: token, entered: fields, errors: errors).html, status: .unprocessableContent)
            }
        }
    }

    /// The draft a posted form stands for; every value is checked by SKMService, not here.
    static func draft(_ fields: FormFields, form: SurveyForm, clientID: String) -> ResponseDraft {
        let q = form.questionnaire
        var draft = ResponseDraft(
            questionnaire: q.id, unit: form.unit.code, service: form.service.code,
            answers: .byQuestion(q.questions.indices.map { RawInteger(text: fields[FormPage.answerField($0)] ?? "") }),
            age: RawInteger(text: fields["age"] ?? ""), comment: fields["comment"], clientID: clientID)
        for profile in ProfileKey.fields { profile.setDraftValue(&draft, fields[profile.name]) }
        return draft
    }

    // MARK: - Helpers

    /// Runs `body` holding the service lock; registry errors become 404, others a 500 page.
    private func withService(_ body: () throws -> HTTPResponse) -> HTTPResponse {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        service.startRequest()
        do {
            return try body()
        } catch let error as SKMError
            where error.code == .unknownUnit || error.code == .unknownService || error.code == .invalidCode
        {
            return notFound()
        } catch {
            let message = (error as? SKMError)?.message ?? "Terjadi kesalahan."
            return .html(MessagePage(title: "Terjadi kesalahan", message: message).html, status: .internalServerError)
        }
    }

    private func notFound() -> HTTPResponse {
        .html(MessagePage(title: "Halaman tidak ada", message: "Halaman yang Anda cari tidak ada.").html, status: .notFound)
    }

    private func methodNotAllowed() -> HTTPResponse {
        var response = HTTPResponse.html(
            MessagePage(title: "Tidak diizinkan", message: "Cara permintaan ini tidak diterima di sini.").html,
            status: .methodNotAllowed)
        response.headers.append(("Allow", "GET, HEAD, POST"))
        return response
    }

    /// The Host header when it is a plain `name[:port]` or `[v6]:port` (letters, digits, `.-:[]`).
    static func safeHost(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty, raw.utf8.count <= 100 else { return nil }
        let ok = raw.utf8.allSatisfy {
            (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2E || $0 == 0x2D
                || $0 == 0x3A || $0 == 0x5B || $0 == 0x5D
        }
        return ok ? raw : nil
    }
}
