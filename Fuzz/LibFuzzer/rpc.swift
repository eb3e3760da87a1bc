// libFuzzer driver for one `skm rpc` input line (built by Fuzz/run-libfuzzer.sh).
import SKMFuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRPCLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTargets.rpcLine(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}
