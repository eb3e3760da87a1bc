// The wire contract, compiled into the binary so that `rpc.discover` returns exactly the
// document in this folder (`openrpc.json`); the JSON file is the source of truth.

/// The OpenRPC document of `skm rpc`, as raw JSON bytes.
public enum OpenRPCDocument {
    public static var bytes: [UInt8] { PackageResources.openrpc_json }
}
