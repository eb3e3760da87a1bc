import SKMCore
import SKMRPC

/// `skm rpc`: the JSON-RPC 2.0 server on standard input and output.
enum RPCCommand {
    static let spec = CommandSpec(
        ["rpc"], summary: "Server JSON-RPC 2.0 lewat stdin/stdout (untuk makro lembar kerja dan program lain).",
        options: [
            .value("max-line-bytes", "N", "batas panjang satu baris permintaan (bawaan 4 MiB)"),
            .flag("utf8", "keluarkan UTF-8 apa adanya (bawaan: ASCII dengan escape \\uXXXX untuk Excel VBA)"),
        ],
        discussion: """
            Satu pesan JSON per baris masuk, satu jawaban per baris keluar; diagnostik hanya ke stderr;
            keluar dengan kode 0 di akhir masukan. Kontraknya: Protocol/README.md dan Protocol/openrpc.json
            (juga lewat metode rpc.discover).
            """
    ) { args, ctx in
        try args.requirePositionals([])
        var limit = RPCServer.defaultMaxLineBytes
        if let raw = try args.int("max-line-bytes") {
            guard raw >= 1024 else { throw SKMError(.usage, "--max-line-bytes paling kecil 1024.") }
            limit = raw
        }
        ctx.console.flush()
        let server = RPCServer.make(databasePath: ctx.databasePath, asciiOnly: !args.flag("utf8"), maxLineBytes: limit)
        return server.run()
    }
}
