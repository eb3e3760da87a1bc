import SKMCore
import SKMService
import SKMWeb

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `skm serve`: the self-service survey pages on this computer or the office network.
enum ServeCommand {
    static let spec = CommandSpec(
        ["serve"], summary: "Layani survei daring (formulir, poster QR, layar hasil) lewat HTTP di jaringan kantor.",
        options: [
            .value(
                "listen", "ALAMAT:PORT", "alamat yang didengarkan (bawaan 127.0.0.1:8080; 0.0.0.0:8080 untuk jaringan kantor)"),
            .value("kiosk", "UNIT/LAYANAN", "mode kios: halaman awal langsung formulir layanan ini dan kembali ke formulir baru"),
            .flag("no-layar", "matikan layar hasil /layar"),
            .value("rate-limit", "N", "kiriman formulir per menit per alamat klien (bawaan 60)"),
            .value("questionnaire", "ID", "kuesioner formulir (bawaan: permenpanrb-14-2017)"),
        ],
        discussion: """
            Tanpa --listen hanya komputer ini yang dapat membuka halaman. Dengan --listen 0.0.0.0:8080 perangkat
            di jaringan kantor dapat membukanya; alamat yang dicetak dipakai untuk poster QR. Hanya formulir,
            poster dan layar hasil yang dilayani: tidak ada daftar respons, ekspor, pembatalan atau administrasi
            lewat HTTP. Hentikan dengan Ctrl-C (SIGINT) atau SIGTERM; permintaan yang sedang berjalan diselesaikan.
            """
    ) { args, ctx in
        try args.requirePositionals([])
        let listenText = args.value("listen") ?? SocketAddress.defaultListen.description
        guard let listen = SocketAddress(parsing: listenText) else {
            throw SKMError(
                .usage,
                "Alamat --listen \"\(listenText.clipped(60))\" tidak sah: tulis ALAMAT:PORT, mis. 127.0.0.1:8080 atau 0.0.0.0:8080.",
                field: "listen")
        }
        let service = ctx.service
        // A missing database is an error (serving never creates one), and so is one without services.
        let directory = try service.servableDirectory()
        var options = WebApp.Options()
        options.layar = !args.flag("no-layar")
        if let id = args.value("questionnaire") { options.questionnaire = try service.catalog().questionnaire(id).id }
        if let rate = try args.int("rate-limit") {
            guard rate >= 1 else { throw SKMError(.usage, "--rate-limit paling kecil 1.", field: "rate-limit") }
            options.postsPerMinute = rate
        }
        if let kiosk = args.value("kiosk") {
            let parts = kiosk.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw SKMError(.usage, "--kiosk ditulis UNIT/LAYANAN, mis. KEC01/KTP.", field: "kiosk")
            }
            let form = try service.surveyForm(
                unit: String(parts[0]), service: String(parts[1]), questionnaire: options.questionnaire)
            options.kiosk = (form.unit.code, form.service.code)
        }
        let app = WebApp(service: service, options: options)

        // SIGINT and SIGTERM are taken by `sigwait` below, not by a handler: blocked before the
        // server's threads start, so every thread inherits the mask.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        var configuration = HTTPServer.Configuration(listen: listen)
        configuration.maxConnections = 256  // a room full of phones; each waits its turn for the one service lock
        let server = HTTPServer(configuration: configuration) { request, client in
            app.handle(request, client: client)
        }
        do throws(HTTPServerError) {
            try server.start()
        } catch {
            pthread_sigmask(SIG_UNBLOCK, &signals, nil)
            throw SKMError(.fileError, ServeWording.startFailure(error, listen: listen), field: "listen")
        }
        for line in ServeWording.banner(bound: server.boundAddress, directory: directory, options: options) {
            ctx.console.line(line)
        }
        ctx.console.flush()
        var received: Int32 = 0
        while sigwait(&signals, &received) != 0 {}
        ctx.console.err("Menghentikan server (permintaan yang sedang berjalan diselesaikan)…\n")
        server.stop()
        ctx.console.line("Server berhenti.")
        return 0
    }
}

/// What `skm serve` prints.
enum ServeWording {
    static func startFailure(_ error: HTTPServerError, listen: SocketAddress) -> String {
        switch error {
        case .bind(_, let number) where number == EADDRINUSE:
            return
                "Tidak dapat mendengarkan di \(listen): alamat itu sudah dipakai program lain. Pilih port lain dengan --listen."
        case .bind(_, let number) where number == EADDRNOTAVAIL:
            return "Tidak dapat mendengarkan di \(listen): alamat itu bukan milik komputer ini."
        case .bind(_, let number) where number == EACCES:
            return "Tidak dapat mendengarkan di \(listen): port di bawah 1024 perlu hak administrator; pilih mis. 8080."
        case .bind(_, let number):
            return "Tidak dapat mendengarkan di \(listen): \(SystemErrorText.describe(number))."
        case .socket, .threads:
            return "Server tidak dapat dijalankan (sumber daya sistem habis)."
        }
    }

    static func banner(
        bound: SocketAddress, directory: [(unit: UnitRecord, services: [ServiceRecord])], options: WebApp.Options
    ) -> [String] {
        var lines = ["SKM daring berjalan di \(bound)."]
        var bases: [String]
        if bound.isWildcard {
            let lan = NetworkInterfaces.lanIPv4Addresses().map { "http://\($0):\(bound.port)" }
            bases = lan.isEmpty ? ["http://127.0.0.1:\(bound.port)"] : lan
            lines.append("Buka dari perangkat di jaringan kantor:")
        } else {
            let host = bound.isIPv6 ? "[\(bound.host)]" : bound.host
            bases = ["http://\(host):\(bound.port)"]
            lines.append(
                bound.isLoopback
                    ? "Hanya komputer ini yang dapat membuka (pakai --listen 0.0.0.0:\(bound.port) untuk jaringan kantor):"
                    : "Buka:")
        }
        for base in bases { lines.append("  \(base)/") }
        if let kiosk = options.kiosk { lines.append("Mode kios: \(kiosk.unit)/\(kiosk.service).") }
        if let base = bases.first {
            for entry in directory {
                for service in entry.services {
                    lines.append(
                        "  \(service.unitCode)/\(service.code): formulir \(base)/s/\(service.unitCode)/\(service.code)  poster \(base)/poster/\(service.unitCode)/\(service.code)"
                    )
                }
            }
            if options.layar { lines.append("Layar hasil: \(base)/layar") }
        }
        lines.append("Hentikan dengan Ctrl-C.")
        return lines
    }
}
