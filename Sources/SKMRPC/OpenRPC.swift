import ProtocolDocument
public import SKMJSON

/// The OpenRPC document shipped in `Protocol/openrpc.json`, parsed once.
public enum OpenRPC {
    public static let document: JSONValue = {
        (try? JSONParser(maxDepth: 256).parse(OpenRPCDocument.bytes)) ?? ["error": "Protocol/openrpc.json tidak dapat dibaca"]
    }()
}
